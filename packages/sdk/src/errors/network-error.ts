import { FenqiError, isNamed } from './fenqi-error.js';

/**
 * No response arrived: offline, DNS, a refused connection — or, in a browser, the bank refused
 * this page's origin (CORS), which browsers report as a bare network failure.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) showOfflineNotice()
 * ```
 */
export class NetworkError extends FenqiError {
  override name = 'NetworkError';
}

/**
 * True when no response arrived.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) retryWhenOnline()
 * ```
 */
export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError || isNamed(error, ['NetworkError']);
}
