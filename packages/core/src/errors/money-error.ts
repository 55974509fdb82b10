import { FenqiCoreError } from './fenqi-core-error.js';

/**
 * Why an amount or currency was refused.
 *
 * @example
 * ```ts
 * const hints: Partial<Record<MoneyErrorCode, string>> = { 'decimal-comma': 'Use a dot' }
 * ```
 */
export type MoneyErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'invalid-format'
  | 'grouping-separator'
  | 'decimal-comma'
  | 'exponent'
  | 'not-finite'
  | 'too-many-decimals'
  | 'negative'
  | 'too-large'
  | 'unknown-currency'
  | 'currency-mismatch'
  | 'invalid-minor-units'
  | 'invalid-allocation';

/**
 * Thrown when an amount, a currency code or a money operation is invalid.
 *
 * @example
 * ```ts
 * try { parseMoney('15,38', 'EUR') } catch (e) {
 *   if (isMoneyError(e) && e.code === 'decimal-comma') showHint('Use a dot: 15.38')
 * }
 * ```
 */
export class MoneyError extends FenqiCoreError<MoneyErrorCode> {}

/**
 * True when `error` is a {@link MoneyError}.
 *
 * @example
 * ```ts
 * if (isMoneyError(err)) console.warn(err.code)
 * ```
 */
export function isMoneyError(error: unknown): error is MoneyError {
  return error instanceof MoneyError;
}
