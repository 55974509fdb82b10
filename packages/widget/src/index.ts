/**
 * `@fenqi/widget`: Lit web components for instalment offers — `<fenqi-offer>` (the on-site message
 * with its details dialog), `<fenqi-plans>` (a form-associated plan picker) and `<fenqi-schedule>`
 * (the repayment table). Plans are computed in the browser from the bank's rate card with
 * `@fenqi/core`, so they equal the bank's quote and a price change costs no request.
 *
 * Importing this module registers nothing: import `@fenqi/widget/define.js` (all elements) or
 * `@fenqi/widget/offer.js`, `/plans.js`, `/schedule.js` to register tags.
 *
 * @packageDocumentation
 * @module @fenqi/widget
 */

// elements (classes only; registration lives in the define modules)
export { default as FenqiOffer } from './components/offer/offer.component.js';
export type { FenqiOfferLayout, FenqiWhenUnavailable } from './components/offer/offer.component.js';
export { default as FenqiPlans } from './components/plans/plans.component.js';
export { default as FenqiSchedule } from './components/schedule/schedule.component.js';
export { FenqiOfferElement } from './internal/offer-element.js';
export type { FenqiStatus } from './internal/offer-element.js';
export { FenqiElement } from './internal/fenqi-element.js';

// page-level configuration
export { configuration, configure } from './configure/configure.js';
export type { FenqiConfiguration, FenqiScenario } from './configure/configure.js';

// events
export type {
  FenqiCloseEvent,
  FenqiErrorDetail,
  FenqiErrorEvent,
  FenqiErrorReason,
  FenqiEventDetails,
  FenqiIneligibleDetail,
  FenqiIneligibleEvent,
  FenqiIneligibleReason,
  FenqiOpenEvent,
  FenqiReadyDetail,
  FenqiReadyEvent,
  FenqiSelectDetail,
  FenqiSelectEvent,
} from './events/events.js';

export { WIDGET_VERSION } from './version.js';
