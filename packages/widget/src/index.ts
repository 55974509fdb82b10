/**
 * `@fenqi/widget`: Lit web components for instalment offers — `<fenqi-offer>` (the on-site message
 * with its details dialog), `<fenqi-plans>` (a form-associated plan picker), `<fenqi-schedule>`
 * (the repayment table) and `<fenqi-checkout>` (the application flow, loaded lazily). Plans are computed in the browser from the bank's rate card with
 * `@fenqi/core`, so they equal the bank's quote and a price change costs no request.
 *
 * Importing this module registers nothing: import `@fenqi/widget/define.js` (the offer elements) or
 * `@fenqi/widget/offer.js`, `/plans.js`, `/schedule.js`, `/checkout.js` to register tags, or call
 * `loadCheckout()`.
 *
 * @packageDocumentation
 * @module @fenqi/widget
 */

// elements (classes only; registration lives in the define modules)
export { default as FenqiOffer } from './components/offer/offer.component.js';
export type { FenqiOfferLayout, FenqiWhenUnavailable } from './components/offer/offer.component.js';
export { default as FenqiPlans } from './components/plans/plans.component.js';
export { default as FenqiSchedule } from './components/schedule/schedule.component.js';
// The checkout is a lazy chunk: only its types here, the class from '@fenqi/widget/checkout.js'.
export type { default as FenqiCheckout, FenqiCheckoutStep } from './components/checkout/checkout.component.js';
export { loadCheckout } from './internal/load-checkout.js';
export { FenqiOfferElement } from './internal/offer-element.js';
export type { FenqiStatus } from './internal/offer-element.js';
export { FenqiElement } from './internal/fenqi-element.js';

// page-level configuration
export { configuration, configure } from './configure/configure.js';
export type { FenqiConfiguration, FenqiScenario } from './configure/configure.js';

// events
export type {
  FenqiApprovedDetail,
  FenqiApprovedEvent,
  FenqiCancelDetail,
  FenqiCancelEvent,
  FenqiCloseEvent,
  FenqiDeclinedDetail,
  FenqiDeclinedEvent,
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
  FenqiReviewDetail,
  FenqiReviewEvent,
  FenqiSelectDetail,
  FenqiSelectEvent,
} from './events/events.js';

export { FENQI_VERSION } from './version.js';
