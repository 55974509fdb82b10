import ky, { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError } from 'ky';
import type * as z from 'zod/mini';
import type { Operation } from '../contract/operations.js';
import { Problem, toProblemErrors } from '../contract/problem.js';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '../errors/api-error.js';
import { FenqiError } from '../errors/fenqi-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseContract } from '../contract/messages.js';

/** Options every client shares. */
export interface TransportOptions {
  readonly apiKey: string;
  /** Absolute base URL of the bank's API, without `/v1`. */
  readonly baseUrl: string;
  /** Per attempt, in milliseconds. */
  readonly timeout: number;
  /** For the whole call, retries and waits included, in milliseconds. */
  readonly totalTimeout: number;
  readonly maxRetries: number;
  readonly fetch?: typeof fetch | undefined;
}

/**
 * Per-call options.
 *
 * @example
 * ```ts
 * await fenqi.applications.create(body, { idempotencyKey: savedKey, signal: controller.signal })
 * ```
 */
export interface RequestOptions {
  /**
   * Reuse a key to make a retry after a reload or crash safe: the bank answers the same request
   * with the same response instead of acting twice. @default a new UUID per call
   */
  readonly idempotencyKey?: string;
  /** Cancels the call. */
  readonly signal?: AbortSignal;
  /** Overrides the per-attempt timeout for this call, in milliseconds. */
  readonly timeout?: number;
}

/** What a call sends besides options: path parameters, query and body. */
export interface CallInput {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: unknown;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A conditional GET's outcome: fresh data, or the cached copy is still good (304). */
export type ConditionalResult<T> =
  | { readonly notModified: false; readonly data: T; readonly etag: string | undefined; readonly maxAgeSeconds: number | undefined }
  | { readonly notModified: true; readonly etag: string | undefined; readonly maxAgeSeconds: number | undefined };

/** The single way the clients talk to the bank: validate, send, retry safely, parse, map errors. */
export interface Transport {
  call<T>(operation: Operation, input: CallInput, options?: RequestOptions): Promise<T>;
  /** A GET with `If-None-Match`, reporting the caching headers of the answer. */
  conditional<T>(operation: Operation, input: CallInput, etag: string | undefined, options?: RequestOptions): Promise<ConditionalResult<T>>;
}

const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];

/** Checks and normalises a base URL: absolute http(s), no trailing slash, so paths join cleanly (B51). */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new FenqiError(`baseUrl must be an absolute URL such as "https://api.fenqi.com", not ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FenqiError(`baseUrl must use http or https, not ${url.protocol}`);
  if (url.search || url.hash || url.username || url.password) throw new FenqiError('baseUrl must not carry a query, a fragment or credentials.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const http = ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeout: options.timeout,
    totalTimeout: options.totalTimeout,
    throwHttpErrors: true,
    headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' },
  });

  async function send(operation: Operation, input: CallInput, callOptions: RequestOptions, etag?: string): Promise<{ data: unknown; headers: Headers } | { notModified: true; headers: Headers }> {
    const body = operation.body ? checked(operation.body, input.body) : undefined;
    const query = operation.query ? (checked(operation.query, input.query ?? {}) as Record<string, string>) : undefined;
    // Ids go into the path: only safe characters, so "." or ".." can never reach another endpoint.
    const badIds = Object.entries(input.params ?? {}).filter(([, value]) => typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(value));
    if (badIds.length > 0) {
      throw new ValidationError('request', badIds.map(([name]) => ({ pointer: name, detail: 'An id is 1–128 letters, digits, "_" or "-".' })));
    }
    // One key per logical call, made before the first attempt, so every retry carries the same one.
    const idempotencyKey =
      operation.idempotencyKey === 'none' ? undefined : (callOptions.idempotencyKey ?? (operation.idempotencyKey === 'required' ? crypto.randomUUID() : undefined));
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new ValidationError('request', [{ pointer: 'Idempotency-Key', detail: 'Use 1–255 visible ASCII characters, e.g. a UUID.' }]);
    }
    // A POST is retried only when the bank can recognise the retry: with an idempotency key.
    const retryable = operation.method === 'get' || idempotencyKey !== undefined;
    const url = `${baseUrl}${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => input.params?.[name] ?? '')}`;
    const deadline = Date.now() + options.totalTimeout;
    const attemptTimeout = callOptions.timeout ?? options.timeout;
    // ky retries until the headers arrive; a GET whose body breaks off later is retried here.
    const attempts = retryable ? options.maxRetries + 1 : 1;
    for (let attempt = 1; ; attempt += 1) {
      let requestId: string | undefined;
      try {
        const response = await http(url, {
          method: operation.method,
          ...(body === undefined ? {} : { json: body }),
          ...(query ? { searchParams: query } : {}),
          headers: { ...input.headers, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}), ...(etag ? { 'if-none-match': etag } : {}) },
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
          timeout: attemptTimeout,
          totalTimeout: Math.max(1, deadline - Date.now()),
          throwHttpErrors: (status) => status !== 304,
          retry: {
            limit: retryable ? options.maxRetries : 0,
            methods: ['get', 'post'],
            // With a key, a 409 that carries Retry-After is the bank still working on this very
            // request (an earlier attempt that timed out here): wait, and the retry gets its answer.
            statusCodes: idempotencyKey === undefined ? RETRY_STATUS_CODES : [...RETRY_STATUS_CODES, 409],
            afterStatusCodes: [409, 429, 503],
            backoffLimit: 8_000,
            jitter: true,
            retryOnTimeout: retryable,
            // Waiting longer than the budget allows only to time out would hide the real answer.
            shouldRetry: ({ error }) => {
              // A 409 without Retry-After is a conflict of state (an order confirmed twice): final.
              if (isHTTPError(error) && error.response.status === 409 && !error.response.headers.has('retry-after')) return false;
              const wait = isHTTPError(error) ? retryAfterSeconds(error.response.headers.get('retry-after')) : undefined;
              return wait !== undefined && Date.now() + wait * 1000 > deadline ? false : undefined;
            },
          },
        });
        requestId = response.headers.get('x-request-id') ?? undefined;
        if (response.status === 304) {
          if (!etag) throw new ValidationError('response', [{ pointer: '#', detail: '304 Not Modified to a request that had no cached copy.' }], requestId);
          return { notModified: true, headers: response.headers };
        }
        if (response.status < 200 || response.status > 299) {
          throw new ValidationError('response', [{ pointer: '#', detail: `Unexpected HTTP ${response.status}.` }], requestId);
        }
        const text = await readBody(response, Math.min(attemptTimeout, deadline - Date.now()), callOptions.signal);
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          throw new ValidationError('response', [{ pointer: '#', detail: 'The body is not JSON.' }], requestId);
        }
        const parsed = parseContract(operation.response, data);
        if (!parsed.success) throw new ValidationError('response', toProblemErrors(parsed.error), requestId);
        return { data: parsed.data, headers: response.headers };
      } catch (error) {
        if (error instanceof InterruptedBody && attempt < attempts && Date.now() < deadline) continue;
        throw toFenqiError(error, url, operation, requestId);
      }
    }
  }

  return {
    async call<T>(operation: Operation, input: CallInput, callOptions: RequestOptions = {}): Promise<T> {
      const result = await send(operation, input, callOptions);
      if ('notModified' in result) throw new FenqiError(`${operation.operationId}: unexpected 304 Not Modified.`);
      return result.data as T;
    },
    async conditional<T>(operation: Operation, input: CallInput, etag: string | undefined, callOptions: RequestOptions = {}): Promise<ConditionalResult<T>> {
      const result = await send(operation, input, callOptions, etag);
      const caching = { etag: result.headers.get('etag') ?? etag, maxAgeSeconds: maxAge(result.headers.get('cache-control')) };
      return 'notModified' in result ? { notModified: true, ...caching } : { notModified: false, data: result.data as T, ...caching };
    },
  };
}

/** The connection broke while the body was arriving. */
class InterruptedBody extends Error {}
/** The body did not finish arriving in time. */
class SlowBody extends Error {}

/** The body as text, within `ms` and the caller's signal; a stalled body never hangs the call. */
async function readBody(response: Response, ms: number, signal: AbortSignal | undefined): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlowBody()), Math.max(0, ms));
    if (signal) {
      onAbort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const text = response.text().catch((error: unknown) => {
    throw error instanceof TypeError ? new InterruptedBody(error.message, { cause: error }) : error;
  });
  try {
    return await Promise.race([text, limits]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    text.catch(() => undefined); // the losing read settles later; nothing is waiting for it
  }
}

/** `max-age` of a Cache-Control header, or undefined (also for no-store / no-cache). */
function maxAge(header: string | null): number | undefined {
  if (!header || /no-store|no-cache/i.test(header)) return undefined;
  const match = /max-age=(\d+)/i.exec(header);
  return match ? Number(match[1]) : undefined;
}

/** Parses `value` with `schema` or throws a ValidationError listing every issue. */
function checked(schema: z.ZodMiniType, value: unknown): unknown {
  const result = parseContract(schema, value);
  if (!result.success) throw new ValidationError('request', toProblemErrors(result.error));
  return result.data;
}

function toFenqiError(error: unknown, url: string, operation: Operation, requestId: string | undefined): FenqiError {
  if (error instanceof FenqiError) return error;
  if (isHTTPError(error)) {
    const headers = error.response.headers;
    const status = error.response.status;
    if (status < 400) return new ValidationError('response', [{ pointer: '#', detail: `Unexpected HTTP ${status}.` }], headers.get('x-request-id') ?? undefined);
    const parsed = Problem.safeParse(error.data);
    // The HTTP status decides the class; a body that says otherwise does not.
    const problem = { ...(parsed.success ? parsed.data : { type: 'about:blank', title: error.response.statusText || 'HTTP error' }), status };
    return apiErrorFor(problem, headers.get('x-request-id') ?? undefined, headers.get('retry-after'));
  }
  if (isKyTimeoutError(error) || error instanceof SlowBody) {
    return new TimeoutError(`${operation.operationId} timed out: the bank did not answer in time (${url}).`, { requestId, cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new FenqiError(`${operation.operationId} was cancelled.`, { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new TimeoutError(`${operation.operationId} timed out: the signal's time ran out.`, { cause: error });
  }
  if (error instanceof InterruptedBody) {
    return new NetworkError(`The connection to ${new URL(url).origin} broke while the answer was arriving.`, { requestId, cause: error });
  }
  if (isKyNetworkError(error) || error instanceof TypeError) {
    const crossOrigin = typeof location !== 'undefined' && new URL(url).origin !== location.origin;
    const hint = crossOrigin ? ` If you are online, the bank may not allow this page's origin (${location.origin}): a CORS rejection looks the same to the browser.` : '';
    return new NetworkError(`No response from ${new URL(url).origin}: the network is down or the server is unreachable.${hint}`, { cause: error });
  }
  return new FenqiError(`${operation.operationId} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function apiErrorFor(problem: z.infer<typeof Problem>, requestId: string | undefined, retryAfter: string | null): ApiError {
  if ([400, 409, 422].includes(problem.status) && /idempotency/i.test(problem.type)) return new IdempotencyError(problem, requestId);
  switch (problem.status) {
    case 401:
      return new AuthenticationError(problem, requestId);
    case 403:
      return new PermissionError(problem, requestId);
    case 404:
      return new NotFoundError(problem, requestId);
    case 409:
      return new ConflictError(problem, requestId);
    case 429:
      return new RateLimitError(problem, requestId, retryAfterSeconds(retryAfter));
  }
  return problem.status >= 500 ? new ServerError(problem, requestId) : new ApiError(problem, requestId);
}

/** `Retry-After` as seconds, from either of its forms (whole seconds or an HTTP date), else undefined. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value);
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
