/**
 * Detail of `fenqi-declined`: the bank's stable reason codes (`affordability`, `underage`, …);
 * the shopper already sees them in plain words.
 *
 * @example
 * ```ts
 * checkout.addEventListener('fenqi-declined', ({ detail }) => analytics.track('declined', { reasons: detail.reasons }))
 * ```
 */
export interface FenqiDeclinedDetail {
  readonly applicationId: string;
  readonly sessionId: string;
  /** The plan the shopper applied for. */
  readonly planId: string;
  readonly reasons: readonly string[];
}

/**
 * Fired by `<fenqi-checkout>` when the application is declined (at once or after a review). The
 * shopper is offered to pay another way: show your other payment methods.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-declined', (event: FenqiDeclinedEvent) => showCardPayment())
 * ```
 */
export type FenqiDeclinedEvent = CustomEvent<FenqiDeclinedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-declined': FenqiDeclinedEvent;
  }
}
