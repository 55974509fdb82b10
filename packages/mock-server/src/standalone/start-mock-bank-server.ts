import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse } from 'msw';
import { createMockBank } from '../bank/create-mock-bank.js';
import type { MockBank, MockBankOptions } from '../bank/create-mock-bank.js';
import { findRoute } from '../bank/route-table.js';
import { MockProblem } from '../http/problem-response.js';
import { ADMIN_MAX_BODY_BYTES, ADMIN_PREFIX, handleAdminRequest } from './admin-api.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { formatLogLine } from './request-log.js';
import type { LogLineInput } from './request-log.js';

/**
 * Options of {@link startMockBankServer}: where to listen, how to log, and every option of the
 * bank itself (except `baseUrl`, which is the server's own address).
 *
 * @example
 * ```ts
 * const options: MockBankServerOptions = { port: 4010, seed: 7, clock: { frozen: true }, log: false }
 * ```
 */
export interface MockBankServerOptions extends Omit<MockBankOptions, 'baseUrl'> {
  /** The port; 0 picks any free one (read it from `url`). @default 0 */
  readonly port?: number;
  /** The interface to listen on; `0.0.0.0` opens the mock to the network. @default '127.0.0.1' */
  readonly host?: string;
  /** Where each request's log line goes, or `false` for none. @default console.log */
  readonly log?: ((line: string) => void) | false;
  /**
   * Check every answer against the contract before sending it. Off by default here, unlike in
   * `createMockBank`: it is a third of the server's time per quote (see `npm run bench`), and the
   * SDK checks every answer it receives anyway, so a drift still fails loudly on the client side.
   * @default false
   */
  readonly checkResponses?: boolean;
}

/**
 * A running standalone mock bank.
 *
 * @example
 * ```ts
 * const server = await startMockBankServer({ log: false })
 * const fenqi = createClient({ publishableKey: 'pk_test_12345678', baseUrl: server.url })
 * await server.close()
 * ```
 */
export interface MockBankServer {
  /** The server's origin, e.g. `http://127.0.0.1:4010`: the SDK's `baseUrl`. */
  readonly url: string;
  /** The bank behind it, for tests in the same process (the admin API does the same over HTTP). */
  readonly bank: MockBank;
  /** Stops listening, ends every connection (keep-alive and hanging ones too) and the bank's timers. */
  close(): Promise<void>;
}

/** Headers that describe one connection, not the request; they never reach the bank. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);
/** msw throws on longer URLs rather than matching them (found by the fuzz test). */
const MAX_URL_LENGTH = 8192;
/** Methods `fetch` refuses to put in a `Request`; the server answers them itself. */
const UNFETCHABLE_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Starts the mock bank as an HTTP server on `node:http`: every route of the contract through msw's
 * `getResponse`, CORS for browser pages (preflights included), a one-line-per-request log and the
 * admin API under `/__admin` (faults, clock, reset, state, request log, webhooks).
 *
 * Rejects with an error whose `code` is `EADDRINUSE` when the port is taken.
 *
 * @example
 * ```ts
 * import { startMockBankServer } from '@fenqi/mock-server/standalone'
 * const server = await startMockBankServer({ port: 4010, clock: { start: '2026-12-03T10:00:00Z' } })
 * console.log(`mock bank on ${server.url}`)
 * await fetch(`${server.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: 'createDisbursement', times: 2, status: 503 }) })
 * ```
 */
export async function startMockBankServer(options: MockBankServerOptions = {}): Promise<MockBankServer> {
  const { port = 0, host = '127.0.0.1', log: logOption, ...bankOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`The port must be a whole number from 0 to 65535, not ${port}.`);
  const log = logOption === false ? undefined : (logOption ?? ((line: string) => console.log(line)));
  const maxBodyBytes = bankOptions.maxBodyBytes ?? 65_536;

  const server = createServer();
  // Answer a request Node cannot even parse with a problem too, not a bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const title = status === 431 ? 'Request headers too large' : status === 408 ? 'Request timeout' : 'Malformed HTTP request';
    socket.end(rawProblemResponse(new MockProblem(status, 'malformed-http', title, `The server could not read the request (${error.code ?? error.message}).`), nextServerId()));
  });
  // CONNECT never reaches 'request'; a bank is no proxy.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    socket.end(rawProblemResponse(new MockProblem(405, 'method-not-allowed', 'Method not allowed', 'The mock bank is not a proxy: CONNECT is not allowed.'), nextServerId()));
    request.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? Object.assign(new Error(`Port ${port} on ${host} is already in use.`, { cause: error }), { code: 'EADDRINUSE' }) : error);
    });
    server.listen(port, host, resolve);
  });
  server.removeAllListeners('error');
  server.on('error', (error) => console.error('fenqi-mock-server:', error));

  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${address.port}`;
  let bank: MockBank;
  try {
    bank = createMockBank({
      ...bankOptions,
      checkResponses: bankOptions.checkResponses ?? false,
      baseUrl: url,
      onRequest(entry) {
        log?.(formatLogLine(entry));
        bankOptions.onRequest?.(entry);
      },
    });
  } catch (error) {
    // Bad bank options (a clock that starts at "tomorrow"): no server is left listening.
    server.close();
    throw error;
  }

  // Answers the server gives itself (admin, refusals) get ids apart from the bank's req_… ids.
  let serverIds = 0;
  function nextServerId(prefix = 'srv'): string {
    return `${prefix}_${String((serverIds += 1)).padStart(8, '0')}`;
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void answer(request, response).catch((error: unknown) => {
      console.error('fenqi-mock-server:', error);
      if (!response.headersSent && !response.destroyed) {
        const problem = new MockProblem(500, 'mock-internal-error', 'Mock bank error', `The standalone server failed: ${error instanceof Error ? error.message : String(error)}`);
        sendProblem(response, problem, nextServerId(), corsHeaders(request.headers.origin));
      } else {
        response.destroy();
      }
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    const cors = corsHeaders(origin);
    // A client that gives up (or a server closing) aborts the bank's work: an injected hang ends.
    const abort = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    response.on('error', () => response.destroy());
    const target = requestTarget(request.url ?? '/');
    const logLine = (status: number, note: string, requestId?: string) =>
      log?.(formatLogLine({ method, path: target ?? request.url ?? '?', status, durationMs: performance.now() - started, note, ...(requestId ? { requestId } : {}) } satisfies LogLineInput));
    /** Answers a request the bank never sees. */
    const refuse = (problem: MockProblem, note = 'refused') => {
      const id = nextServerId();
      sendProblem(response, problem, id, cors);
      logLine(problem.status, note, id);
    };

    if (method === 'OPTIONS') {
      request.resume();
      response.writeHead(204, preflightHeaders(origin)).end();
      return logLine(204, 'preflight');
    }
    if (target === undefined) {
      request.resume();
      return refuse(new MockProblem(400, 'malformed-request', 'Malformed request', 'The request target must be a path such as /v1/quotes.'));
    }
    const admin = target === ADMIN_PREFIX || target.startsWith(`${ADMIN_PREFIX}/`) || target.startsWith(`${ADMIN_PREFIX}?`);
    if (UNFETCHABLE_METHODS.has(method)) {
      request.resume();
      const found = findRoute(method, new URL(url + target).pathname);
      return refuse(
        found && 'allowed' in found
          ? new MockProblem(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed here; use ${found.allowed.join(', ')}.`, undefined, { allow: found.allowed.join(', ') })
          : new MockProblem(admin ? 405 : 501, admin ? 'method-not-allowed' : 'not-mocked', admin ? 'Method not allowed' : 'Not mocked', `The mock bank does not answer ${method}.`),
      );
    }

    const limit = admin ? ADMIN_MAX_BODY_BYTES : maxBodyBytes;
    const body = await readBody(request, limit);
    if (body === 'aborted') return;
    const headers = new Headers();
    const raw = request.rawHeaders;
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const name = raw[index]!.toLowerCase();
      if (!HOP_BY_HOP.has(name)) headers.append(name, raw[index + 1]!);
    }
    if (body === 'too-large') {
      // Stop reading a body that is over the limit: this answer ends the connection.
      response.shouldKeepAlive = false;
      if (admin) return refuse(new MockProblem(413, 'payload-too-large', 'Request body too large', `Admin bodies are limited to ${limit} bytes.`), 'admin');
      // The bank answers it (in its own order of checks) from the declared length.
      headers.set('content-length', String(limit + 1));
    }
    const hasBody = method !== 'GET' && method !== 'HEAD' && body !== 'too-large' && body.length > 0;
    // A Buffer read from a socket is never backed by a SharedArrayBuffer, whatever its type says.
    const fetchRequest = new Request(url + target, { method, headers, signal: abort.signal, ...(hasBody ? { body: body as Uint8Array<ArrayBuffer> } : {}) });

    if (admin) {
      const id = nextServerId('adm');
      const adminResponse = await handleAdminRequest(bank, fetchRequest, id);
      await sendResponse(response, adminResponse, cors);
      return logLine(adminResponse.status, 'admin', id);
    }
    if (fetchRequest.url.length > MAX_URL_LENGTH) {
      return refuse(new MockProblem(414, 'uri-too-long', 'URI too long', `Request URLs are limited to ${MAX_URL_LENGTH} characters; no route of the API needs more.`));
    }
    const bankResponse = await getResponse(bank.handlers, fetchRequest);
    if (!bankResponse) throw new Error(`msw found no handler for ${method} ${target}`);
    if (bankResponse.type === 'error') {
      // The injected network fault: the client sees the connection drop.
      response.destroy();
      return;
    }
    await sendResponse(response, bankResponse, cors);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    bank,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => bank.dispose());
      return closing;
    },
  };
}

/** The path and query of a request target (origin form, or the absolute form a proxy sends). */
function requestTarget(raw: string): string | undefined {
  if (raw.startsWith('/')) return raw;
  try {
    const parsed = new URL(raw);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.pathname + parsed.search : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body, read up to `limit` bytes. A body declared or found to be larger is not read on (the
 * answer then closes the connection), so a huge upload costs no memory.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    // Not `for await`: leaving that loop early destroys the socket, and the 413 with it.
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.pause();
      finish('too-large');
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onAbort = () => finish('aborted');
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/** Streams a fetch `Response` to the client, with the CORS headers added. */
async function sendResponse(response: ServerResponse, answer: Response, cors: Record<string, string>): Promise<void> {
  if (response.destroyed) return void (await answer.body?.cancel());
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, { ...headers, ...cors });
  if (!answer.body) return void response.end();
  const reader = answer.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return void (await reader.cancel());
      if (!response.write(value)) await drained(response);
    }
    response.end();
  } finally {
    reader.releaseLock();
  }
}

/** Resolves once the client has taken what was written, or has gone. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

function sendProblem(response: ServerResponse, problem: MockProblem, requestId: string, cors: Record<string, string>): void {
  response
    .writeHead(problem.status, { 'content-type': 'application/problem+json', 'x-request-id': requestId, ...problem.headers, ...cors })
    .end(JSON.stringify(problem.toProblem(requestId)));
}

/** A whole HTTP/1.1 answer as text, for sockets that never became a request. */
function rawProblemResponse(problem: MockProblem, requestId: string): string {
  const body = JSON.stringify(problem.toProblem(requestId));
  const extra = Object.entries(problem.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${problem.status} ${problem.title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n${extra}connection: close\r\n\r\n${body}`;
}
