/**
 * Base class of every error the SDK throws. `requestId` is the bank's `X-Request-Id` when a
 * response arrived: quote it to support.
 *
 * @example
 * ```ts
 * try { await fenqi.quotes.create(request) } catch (error) {
 *   if (isFenqiError(error)) console.error(error.message, error.requestId)
 * }
 * ```
 */
export class FenqiError extends Error {
  /** The bank's request id, when the bank answered. */
  readonly requestId: string | undefined;

  constructor(message: string, options: { requestId?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.requestId = options.requestId;
  }
}

/**
 * True for any error thrown by the SDK.
 *
 * @example
 * ```ts
 * if (isFenqiError(error)) report(error.requestId)
 * ```
 */
export function isFenqiError(error: unknown): error is FenqiError {
  return error instanceof FenqiError;
}
