import type { Problem } from '../contract/problem.js';
import { FenqiError } from './fenqi-error.js';

/**
 * The bank answered with an error status and RFC 9457 problem details. Subclasses name the usual
 * statuses; `problem.errors` points at invalid fields.
 *
 * @example
 * ```ts
 * if (isApiError(error)) console.log(error.status, error.problem.title)
 * ```
 */
export class ApiError extends FenqiError {
  /** The HTTP status. */
  readonly status: number;
  /** The problem details the bank sent (or a summary built from the status). */
  readonly problem: Problem;

  constructor(problem: Problem, requestId?: string) {
    super(`${problem.title}${problem.detail ? `: ${problem.detail}` : ''} (HTTP ${problem.status})`, { requestId });
    this.status = problem.status;
    this.problem = problem;
  }
}

/**
 * 401: the key is missing, malformed or revoked.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError) rotateKey()
 * ```
 */
export class AuthenticationError extends ApiError {}
/**
 * 403: the key may not do this (a publishable key cannot disburse).
 *
 * @example
 * ```ts
 * if (error instanceof PermissionError) useServer()
 * ```
 */
export class PermissionError extends ApiError {}
/**
 * 404: no such resource.
 *
 * @example
 * ```ts
 * if (error instanceof NotFoundError) showGone()
 * ```
 */
export class NotFoundError extends ApiError {}
/**
 * 409: the resource is in a state that does not allow this.
 *
 * @example
 * ```ts
 * if (error instanceof ConflictError) refresh()
 * ```
 */
export class ConflictError extends ApiError {}
/**
 * The idempotency key was reused with a different request, or is still in flight.
 *
 * @example
 * ```ts
 * if (error instanceof IdempotencyError) newKey()
 * ```
 */
export class IdempotencyError extends ApiError {}
/**
 * 429: too many requests; `retryAfter` is the wait the bank asked for, in seconds.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError) setTimeout(retry, (error.retryAfter ?? 1) * 1000)
 * ```
 */
export class RateLimitError extends ApiError {
  /** Seconds to wait, from `Retry-After`. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, requestId?: string, retryAfter?: number) {
    super(problem, requestId);
    this.retryAfter = retryAfter;
  }
}
/**
 * 5xx: the bank failed; safe to retry later.
 *
 * @example
 * ```ts
 * if (error instanceof ServerError) retryLater()
 * ```
 */
export class ServerError extends ApiError {}

/**
 * True when the bank answered with an error status.
 *
 * @example
 * ```ts
 * if (isApiError(error) && error.status === 422) showFieldErrors(error.problem.errors)
 * ```
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
