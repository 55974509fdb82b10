import { FenqiCoreError } from './fenqi-core-error.js';

/**
 * Why a schedule could not be built.
 *
 * @example
 * ```ts
 * if (isScheduleError(err) && err.code === ('payment-below-interest' satisfies ScheduleErrorCode)) hidePlan()
 * ```
 */
export type ScheduleErrorCode =
  | 'invalid-principal'
  | 'amount-too-small'
  | 'invalid-term'
  | 'invalid-method'
  | 'invalid-rate'
  | 'invalid-fee'
  | 'invalid-option'
  | 'invalid-date'
  | 'currency-mismatch'
  | 'payment-below-interest'
  | 'unsupported';

/**
 * Thrown by {@link buildSchedule} for input it cannot turn into an honest schedule,
 * including a payment that would not cover the interest (the balance would grow).
 *
 * @example
 * ```ts
 * try { buildSchedule(input) } catch (e) {
 *   if (isScheduleError(e) && e.code === 'invalid-term') hidePlan()
 * }
 * ```
 */
export class ScheduleError extends FenqiCoreError<ScheduleErrorCode> {}

/**
 * True when `error` is a {@link ScheduleError}.
 *
 * @example
 * ```ts
 * if (isScheduleError(err)) console.warn(err.code)
 * ```
 */
export function isScheduleError(error: unknown): error is ScheduleError {
  return error instanceof ScheduleError;
}
