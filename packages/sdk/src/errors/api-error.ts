import type { Problem } from '../contract/problem.js';
import { FenqiError, isNamed } from './fenqi-error.js';

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
  override name = 'ApiError';
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
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
/**
 * 403: the key may not do this (a publishable key cannot disburse).
 *
 * @example
 * ```ts
 * if (error instanceof PermissionError) useServer()
 * ```
 */
export class PermissionError extends ApiError {
  override name = 'PermissionError';
}
/**
 * 404: no such resource.
 *
 * @example
 * ```ts
 * if (error instanceof NotFoundError) showGone()
 * ```
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/**
 * 409: the resource is in a state that does not allow this.
 *
 * @example
 * ```ts
 * if (error instanceof ConflictError) refresh()
 * ```
 */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
/**
 * The idempotency key was reused with a different request, or is still in flight.
 *
 * @example
 * ```ts
 * if (error instanceof IdempotencyError) newKey()
 * ```
 */
export class IdempotencyError extends ApiError {
  override name = 'IdempotencyError';
}
/**
 * 429: too many requests; `retryAfter` is the wait the bank asked for, in seconds.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError) setTimeout(retry, (error.retryAfter ?? 1) * 1000)
 * ```
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
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
export class ServerError extends ApiError {
  override name = 'ServerError';
}

/**
 * True when the bank answered with an error status.
 *
 * @example
 * ```ts
 * if (isApiError(error) && error.status === 422) showFieldErrors(error.problem.errors)
 * ```
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || isNamed(error, API_ERRORS);
}

const API_ERRORS = ['ApiError', 'AuthenticationError', 'PermissionError', 'NotFoundError', 'ConflictError', 'IdempotencyError', 'RateLimitError', 'ServerError'];

/**
 * True for a 401 from the bank.
 *
 * @example
 * ```ts
 * if (isAuthenticationError(error)) alertOps('Fenqi key rejected')
 * ```
 */
export function isAuthenticationError(error: unknown): error is AuthenticationError {
  return error instanceof AuthenticationError || isNamed(error, ['AuthenticationError']);
}

/**
 * True for a 403 from the bank.
 *
 * @example
 * ```ts
 * if (isPermissionError(error)) console.error('This key may not do that:', error.problem.detail)
 * ```
 */
export function isPermissionError(error: unknown): error is PermissionError {
  return error instanceof PermissionError || isNamed(error, ['PermissionError']);
}

/**
 * True for a 404 from the bank.
 *
 * @example
 * ```ts
 * if (isNotFoundError(error)) return null
 * ```
 */
export function isNotFoundError(error: unknown): error is NotFoundError {
  return error instanceof NotFoundError || isNamed(error, ['NotFoundError']);
}

/**
 * True for a 409 about the resource's state.
 *
 * @example
 * ```ts
 * if (isConflictError(error)) await reloadOrder()
 * ```
 */
export function isConflictError(error: unknown): error is ConflictError {
  return error instanceof ConflictError || isNamed(error, ['ConflictError']);
}

/**
 * True when the idempotency key was reused with another request or is still in flight.
 *
 * @example
 * ```ts
 * if (isIdempotencyError(error)) console.error(error.problem.detail)
 * ```
 */
export function isIdempotencyError(error: unknown): error is IdempotencyError {
  return error instanceof IdempotencyError || isNamed(error, ['IdempotencyError']);
}

/**
 * True for a 429; `retryAfter` says how long to wait.
 *
 * @example
 * ```ts
 * if (isRateLimitError(error)) await sleep((error.retryAfter ?? 1) * 1000)
 * ```
 */
export function isRateLimitError(error: unknown): error is RateLimitError {
  return error instanceof RateLimitError || isNamed(error, ['RateLimitError']);
}

/**
 * True for a 5xx from the bank.
 *
 * @example
 * ```ts
 * if (isServerError(error)) scheduleRetry()
 * ```
 */
export function isServerError(error: unknown): error is ServerError {
  return error instanceof ServerError || isNamed(error, ['ServerError']);
}
