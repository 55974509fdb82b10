import type { RateMarket } from '@fenqi/core';

/**
 * Detail of `fenqi-approved`: what the bank approved. Send `applicationId` to your server, which
 * retrieves the application with its secret key and confirms the order; never trust these figures
 * for the amount to charge.
 *
 * @example
 * ```ts
 * checkout.addEventListener('fenqi-approved', ({ detail }) => fetch(`/api/orders/${orderId}/confirm`, { method: 'POST', body: JSON.stringify({ applicationId: detail.applicationId }) }))
 * ```
 */
export interface FenqiApprovedDetail {
  readonly applicationId: string;
  readonly sessionId: string;
  readonly planId: string;
  readonly termMonths: number;
  /** The amount financed, a decimal string in major units: the session's amount, or less for an accepted counter-offer. */
  readonly amount: string;
  readonly currency: string;
  /** The first monthly payment, a decimal string in major units. */
  readonly payment: string;
  /** The annual rate disclosed for the approved (risk-priced) plan. */
  readonly annualRate: { readonly percent: string; readonly basis: 'nominal' | 'effective'; readonly market: RateMarket };
  /** Until when the partner can confirm the order (ISO 8601). */
  readonly expiresAt: string;
  /** True when the shopper accepted a lower amount than the session's. */
  readonly counterOffer: boolean;
}

/**
 * Fired by `<fenqi-checkout>` when the application is approved: at once, after a review, or when
 * the shopper accepts a counter-offer.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-approved', (event: FenqiApprovedEvent) => confirmOrder(event.detail.applicationId))
 * ```
 */
export type FenqiApprovedEvent = CustomEvent<FenqiApprovedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-approved': FenqiApprovedEvent;
  }
}
