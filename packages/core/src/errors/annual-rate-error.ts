import { FenqiCoreError } from './fenqi-core-error.js';

/**
 * Why an annual rate could not be solved.
 *
 * @example
 * ```ts
 * if (isAnnualRateError(err) && err.code === ('no-solution' satisfies AnnualRateErrorCode)) hideRate()
 * ```
 */
export type AnnualRateErrorCode = 'invalid-cash-flows' | 'invalid-option' | 'no-solution' | 'not-displayable';

/**
 * Thrown by {@link annualRate} when the cash flows are malformed or have no rate above −100 %.
 * The solver throws this instead of ever returning `NaN` or `Infinity`.
 *
 * @example
 * ```ts
 * try { annualRate(flows) } catch (e) {
 *   if (isAnnualRateError(e)) showRateUnavailable()
 * }
 * ```
 */
export class AnnualRateError extends FenqiCoreError<AnnualRateErrorCode> {}

/**
 * True when `error` is an {@link AnnualRateError}.
 *
 * @example
 * ```ts
 * if (isAnnualRateError(err)) console.warn(err.code)
 * ```
 */
export function isAnnualRateError(error: unknown): error is AnnualRateError {
  return error instanceof AnnualRateError;
}
