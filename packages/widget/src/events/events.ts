import type { FenqiApprovedDetail } from './fenqi-approved.js';
import type { FenqiCancelDetail } from './fenqi-cancel.js';
import type { FenqiDeclinedDetail } from './fenqi-declined.js';
import type { FenqiErrorDetail } from './fenqi-error.js';
import type { FenqiIneligibleDetail } from './fenqi-ineligible.js';
import type { FenqiReadyDetail } from './fenqi-ready.js';
import type { FenqiReviewDetail } from './fenqi-review.js';
import type { FenqiSelectDetail } from './fenqi-select.js';

export type { FenqiApprovedDetail, FenqiApprovedEvent } from './fenqi-approved.js';
export type { FenqiCancelDetail, FenqiCancelEvent } from './fenqi-cancel.js';
export type { FenqiCloseEvent } from './fenqi-close.js';
export type { FenqiDeclinedDetail, FenqiDeclinedEvent } from './fenqi-declined.js';
export type { FenqiErrorDetail, FenqiErrorEvent, FenqiErrorReason } from './fenqi-error.js';
export type { FenqiIneligibleDetail, FenqiIneligibleEvent, FenqiIneligibleReason } from './fenqi-ineligible.js';
export type { FenqiOpenEvent } from './fenqi-open.js';
export type { FenqiReadyDetail, FenqiReadyEvent } from './fenqi-ready.js';
export type { FenqiReviewDetail, FenqiReviewEvent } from './fenqi-review.js';
export type { FenqiSelectDetail, FenqiSelectEvent } from './fenqi-select.js';

/**
 * The detail of each custom event the widget fires, by name.
 *
 * @example
 * ```ts
 * function on<K extends keyof FenqiEventDetails>(name: K, listener: (detail: FenqiEventDetails[K]) => void) {
 *   document.addEventListener(name, (event) => listener((event as CustomEvent<FenqiEventDetails[K]>).detail))
 * }
 * ```
 */
export interface FenqiEventDetails {
  'fenqi-ready': FenqiReadyDetail;
  'fenqi-ineligible': FenqiIneligibleDetail;
  'fenqi-error': FenqiErrorDetail;
  'fenqi-open': Record<string, never>;
  'fenqi-close': Record<string, never>;
  'fenqi-select': FenqiSelectDetail;
  'fenqi-approved': FenqiApprovedDetail;
  'fenqi-declined': FenqiDeclinedDetail;
  'fenqi-review': FenqiReviewDetail;
  'fenqi-cancel': FenqiCancelDetail;
}
