/**
 * Why no plan is offered:
 * - `below-minimum` / `above-maximum`: the amount is outside every plan's range (`minAmount`/`maxAmount` say it);
 * - `unsupported-currency`: the bank has no plans in this currency for the merchant and scenario;
 * - `amount-too-small`: the amount is in range but too small to split into instalments.
 *
 * @example
 * ```ts
 * const hint: Record<FenqiIneligibleReason, string> = { 'below-minimum': 'Add more to your basket', 'above-maximum': '', 'unsupported-currency': '', 'amount-too-small': '' }
 * ```
 */
export type FenqiIneligibleReason = 'below-minimum' | 'above-maximum' | 'unsupported-currency' | 'amount-too-small';

/**
 * Detail of `fenqi-ineligible`.
 *
 * @example
 * ```ts
 * offer.addEventListener('fenqi-ineligible', ({ detail }) => {
 *   if (detail.reason === 'below-minimum') banner.textContent = `Instalments from ${detail.minAmount} ${detail.currency}`
 * })
 * ```
 */
export interface FenqiIneligibleDetail {
  readonly reason: FenqiIneligibleReason;
  /** The amount asked about, a decimal string in major units. */
  readonly amount: string;
  readonly currency: string;
  /** The smallest amount any plan covers (absent for an unsupported currency). */
  readonly minAmount?: string;
  /** The largest amount any plan covers (absent for an unsupported currency). */
  readonly maxAmount?: string;
}

/**
 * Fired when the amount or currency has no plan; the element hides or shows its "not available" line.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-ineligible', (event: FenqiIneligibleEvent) => console.info(event.detail.reason))
 * ```
 */
export type FenqiIneligibleEvent = CustomEvent<FenqiIneligibleDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-ineligible': FenqiIneligibleEvent;
  }
}
