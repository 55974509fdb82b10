import { OPERATIONS } from '@fenqi/sdk';

/**
 * CORS for browser callers of the standalone server: a partner page on `http://localhost:5173`
 * calls the bank on `http://localhost:4010` with the publishable key.
 *
 * The allowed request headers are exactly the ones the SDK (and the mock's own fault header)
 * send, not whatever a preflight asks for: a real bank is this strict, and a mock that is laxer
 * would let a partner ship a header the bank's CORS then refuses.
 */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-none-match',
  'accept-language',
  'fenqi-client-secret',
  'fenqi-mock-fault',
] as const;

/** Response headers a browser script may read: request ids for support, caching and retry hints. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'etag', 'retry-after', 'idempotent-replayed', 'fenqi-mock-version'] as const;

/** How long a browser may reuse a preflight answer, in seconds (Chromium caps it at 7200). */
export const CORS_MAX_AGE_SECONDS = 600;

const ALLOWED_METHODS = [...new Set([...OPERATIONS.map((operation) => operation.method.toUpperCase()), 'DELETE'])].join(', ');

/**
 * The CORS headers of every answer: the caller's origin echoed (there are no cookies, so `*` would
 * do too, but an echoed origin works for every browser tool), or `*` for callers without one.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin
    ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', ') }
    : { 'access-control-allow-origin': '*', 'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', ') };
}

/** The answer to a preflight `OPTIONS`, for any path: the API and the admin API alike. */
export function preflightHeaders(origin: string | undefined): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}
