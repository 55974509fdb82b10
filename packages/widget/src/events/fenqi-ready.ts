import type { RateMarket } from '@fenqi/core';

/**
 * Detail of `fenqi-ready`: the offer now on screen, with the amount it was computed for.
 *
 * @example
 * ```ts
 * offer.addEventListener('fenqi-ready', (event) => analytics.track('offer-shown', event.detail))
 * ```
 */
export interface FenqiReadyDetail {
  /** The amount shown, a decimal string in major units (`"4999.00"`). */
  readonly amount: string;
  readonly currency: string;
  /** The plan headlined: the cheapest monthly payment. */
  readonly planId: string;
  readonly termMonths: number;
  /** Its first monthly payment, a decimal string in major units. */
  readonly payment: string;
  /** The annual rate disclosed for it under the rate card's market. */
  readonly annualRate: { readonly percent: string; readonly basis: 'nominal' | 'effective'; readonly market: RateMarket };
  /** How many plans are offered for the amount. */
  readonly plans: number;
}

/**
 * Fired when an element shows an offer, and again whenever the amount or plans it shows change.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-ready', (event: FenqiReadyEvent) => console.log(event.detail.payment))
 * ```
 */
export type FenqiReadyEvent = CustomEvent<FenqiReadyDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-ready': FenqiReadyEvent;
  }
}
