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
  // Written out in every class: minifiers rename classes, and `new.target.name` would then
  // show an error as "e: …" in a shopper's console and break checks by name.
  override name = 'FenqiError';
  /** The bank's request id, when the bank answered. */
  readonly requestId: string | undefined;

  constructor(message: string, options: { requestId?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.requestId = options.requestId;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Marks errors of any copy of this SDK. A page may hold two (the widget's CDN bundle and an app's
 * npm install), and `instanceof` only knows its own copy's classes; the `is…` guards check this
 * mark and the error's name, so they recognise errors from either.
 */
const BRAND = Symbol.for('@fenqi/sdk:error');

/** True when `error` is a Fenqi SDK error (of any copy) named one of `names`. */
export function isNamed(error: unknown, names: readonly string[]): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true && names.includes((error as Error).name);
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
  return error instanceof FenqiError || (typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true);
}
