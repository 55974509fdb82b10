/**
 * Fired by `<fenqi-offer>` and `<fenqi-checkout>` when their dialog closes (close button, Esc or `close()`).
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-close', (event: FenqiCloseEvent) => analytics.track('offer-details-closed'))
 * ```
 */
export type FenqiCloseEvent = CustomEvent<Record<string, never>>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-close': FenqiCloseEvent;
  }
}
