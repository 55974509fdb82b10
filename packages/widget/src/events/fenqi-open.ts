/**
 * Fired by `<fenqi-offer>` when the shopper opens the "learn more" dialog, and by `<fenqi-checkout>` when it opens.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-open', (event: FenqiOpenEvent) => analytics.track('offer-details'))
 * ```
 */
export type FenqiOpenEvent = CustomEvent<Record<string, never>>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-open': FenqiOpenEvent;
  }
}
