/**
 * Detail of `fenqi-review`: the application waits for a decision, expected by
 * `decisionExpectedAt`. The element keeps asking while it is on the page, and a reopened checkout
 * (even after a reload) finds the application again; your server also gets `application.decided`.
 *
 * @example
 * ```ts
 * checkout.addEventListener('fenqi-review', ({ detail }) => showPending(detail.applicationId, detail.decisionExpectedAt))
 * ```
 */
export interface FenqiReviewDetail {
  readonly applicationId: string;
  readonly sessionId: string;
  /** The plan the shopper applied for. */
  readonly planId: string;
  /** When the bank expects to decide (ISO 8601), if it says. */
  readonly decisionExpectedAt?: string;
}

/**
 * Fired by `<fenqi-checkout>` when the application goes to review.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-review', (event: FenqiReviewEvent) => console.log(event.detail.decisionExpectedAt))
 * ```
 */
export type FenqiReviewEvent = CustomEvent<FenqiReviewDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-review': FenqiReviewEvent;
  }
}
