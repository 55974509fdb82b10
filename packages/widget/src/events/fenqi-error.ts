/**
 * Why an element cannot show an offer:
 * - `amount-missing`, `amount-invalid`: the `amount` is absent or not a plain decimal string in
 *   major units with at most the currency's decimals (`code` is the `@fenqi/core` MoneyError code);
 * - `currency-missing`, `currency-invalid`: no ISO 4217 code, or one that does not exist;
 * - `configuration-missing`, `configuration-invalid`: no publishable key or merchant, a secret or
 *   malformed key, a bad `api-base` or scenario;
 * - `network`, `timeout`, `api`: the bank could not be reached or refused (`code` is the HTTP status for `api`);
 * - `session-expired`, `session-invalid` (`<fenqi-checkout>`): the checkout session has expired, or
 *   the client secret belongs to no session (create a new session on your server);
 * - `unexpected`: anything else (a bug: please report it).
 *
 * @example
 * ```ts
 * const isPartnerBug = (reason: FenqiErrorReason) => reason.startsWith('amount') || reason.startsWith('currency') || reason.startsWith('configuration')
 * ```
 */
export type FenqiErrorReason =
  | 'amount-missing'
  | 'amount-invalid'
  | 'currency-missing'
  | 'currency-invalid'
  | 'configuration-missing'
  | 'configuration-invalid'
  | 'network'
  | 'timeout'
  | 'api'
  | 'session-expired'
  | 'session-invalid'
  | 'unexpected';

/**
 * Detail of `fenqi-error`.
 *
 * @example
 * ```ts
 * offer.addEventListener('fenqi-error', ({ detail }) => console.warn(detail.reason, detail.code, detail.message))
 * ```
 */
export interface FenqiErrorDetail {
  readonly reason: FenqiErrorReason;
  /** A finer code: the MoneyError code for amounts (`decimal-comma`, `exponent`, …), the HTTP status for `api`. */
  readonly code?: string;
  /** For developers, in English; never shown to shoppers. */
  readonly message: string;
}

/**
 * Fired when the input or the bank makes an offer impossible; the element stays in a safe state.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-error', (event: FenqiErrorEvent) => report(event.detail))
 * ```
 */
export type FenqiErrorEvent = CustomEvent<FenqiErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-error': FenqiErrorEvent;
  }
}
