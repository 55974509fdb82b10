/**
 * Detail of `fenqi-cancel`: where the shopper left the checkout without an approval, and why:
 * `closed` (the close button or Esc before a decision), `counter-offer-declined`, or
 * `terms-declined` (the bank approved at another rate than the plan showed, and the shopper said no).
 *
 * @example
 * ```ts
 * checkout.addEventListener('fenqi-cancel', ({ detail }) => analytics.track('checkout-left', { step: detail.step }))
 * ```
 */
export interface FenqiCancelDetail {
  readonly reason: 'closed' | 'counter-offer-declined' | 'terms-declined';
  /** The step on screen when the shopper left. */
  readonly step: string;
  readonly applicationId?: string;
  /** The plan applied for, once there is an application. */
  readonly planId?: string;
}

/**
 * Fired by `<fenqi-checkout>` when the shopper leaves without an approval; offer another way to pay.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-cancel', (event: FenqiCancelEvent) => showCardPayment())
 * ```
 */
export type FenqiCancelEvent = CustomEvent<FenqiCancelDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-cancel': FenqiCancelEvent;
  }
}
