import { FenqiError, isNamed } from './fenqi-error.js';

/**
 * The bank did not answer in time: an attempt passed `timeout`, or all attempts together passed
 * `totalTimeout`. A POST that timed out may still have happened; retry it with the same
 * idempotency key.
 *
 * @example
 * ```ts
 * if (isTimeoutError(error)) await retryWithSameKey()
 * ```
 */
export class TimeoutError extends FenqiError {
  override name = 'TimeoutError';
}

/**
 * True when the bank did not answer in time.
 *
 * @example
 * ```ts
 * if (isTimeoutError(error)) showSlowNotice()
 * ```
 */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof TimeoutError || isNamed(error, ['TimeoutError']);
}
