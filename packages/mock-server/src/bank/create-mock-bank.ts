import { http, HttpResponse, getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { parseContract, RateCard, toProblemErrors } from '@fenqi/sdk';
import type { QuotedPlan } from '@fenqi/sdk';
import { offerFor, toQuotedPlan } from '../operations/quoted-plans.js';
import { defaultRateCards } from '../catalogue/default-rate-cards.js';
import { createFaults, parseFaultHeader } from '../faults/faults.js';
import type { FaultAction, FaultRule, Faults } from '../faults/faults.js';
import { MockProblem } from '../http/problem-response.js';
import { canonicalJson, createIdempotencyStore } from '../idempotency/idempotency-store.js';
import { acceptOffer, confirmApplication, createApplication, retrieveApplication } from '../operations/applications.js';
import { createCheckoutSession, retrieveCheckoutSession } from '../operations/checkout-sessions.js';
import { createDisbursement, retrieveDisbursement, retrieveLoan } from '../operations/disbursements-and-loans.js';
import type { Caller, OperationCall, OperationContext, OperationResult } from '../operations/operation-context.js';
import { createQuote, listProducts } from '../operations/products-and-quotes.js';
import { createWebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { WebhookOptions, WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { createBankState, createIds } from './bank-state.js';
import type { BankState } from './bank-state.js';
import { createMockClock } from './mock-clock.js';
import type { Duration, MockClock, MockClockOptions } from './mock-clock.js';
import { findRoute } from './route-table.js';
import type { Route } from './route-table.js';
import { FENQI_VERSION } from '../version.js';

/**
 * Options of {@link createMockBank}. Every option has a default; `createMockBank()` is a working bank.
 *
 * @example
 * ```ts
 * const bank = createMockBank({
 *   baseUrl: 'http://localhost:4010',
 *   clock: { start: '2026-12-03T10:00:00Z', frozen: true },
 *   faults: [{ route: 'createDisbursement', times: 2, status: 503 }],
 * })
 * ```
 */
export interface MockBankOptions {
  /** The API origin the handlers answer for. @default 'https://sandbox.fenqi.com' (where test keys go) */
  readonly baseUrl?: string;
  /** Seed of the ids' random parts and of probabilistic faults. @default 1 */
  readonly seed?: number;
  /** The bank's time. @default follows the wall clock */
  readonly clock?: MockClockOptions;
  /** Faults active from the start (more can be added with `bank.faults.add`). */
  readonly faults?: readonly FaultRule[];
  /** Where the bank sends webhooks, and with which secret. */
  readonly webhooks?: WebhookOptions;
  /** The rate cards of a merchant. @default the built-in catalogue (retail, travel, education, medical × CNY, USD, EUR, GBP, JPY) */
  readonly rateCards?: (merchant: string) => readonly RateCard[];
  /** Only these keys are accepted. @default any well-formed `pk_test_…` / `sk_test_…` key */
  readonly apiKeys?: { readonly publishable?: readonly string[]; readonly secret?: readonly string[] };
  /** Largest request body accepted, in bytes. @default 65536 */
  readonly maxBodyBytes?: number;
  /** How long a disbursement stays pending, in clock milliseconds. @default 2000 */
  readonly disbursementSettleMs?: number;
  /** Check every answer against the contract before sending it (a mock bug becomes a 500, not a silent drift). @default true */
  readonly checkResponses?: boolean;
  /** Called after every request, e.g. to print a log line. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

/**
 * One request the bank answered.
 *
 * @example
 * ```ts
 * bank.requests.filter((entry) => entry.operationId === 'createDisbursement').map((entry) => entry.status) // [503, 503, 201]
 * ```
 */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly status: number;
  readonly durationMs: number;
  /** Wall-clock time the request arrived. */
  readonly at: string;
  readonly replayed?: boolean;
  /** The faults applied to it. */
  readonly faults?: readonly FaultAction[];
}

/**
 * A mock bank: state, personas, faults, idempotency and webhooks behind msw handlers.
 *
 * @example
 * ```ts
 * const bank = createMockBank({ clock: { frozen: true } })
 * const server = setupServer(...bank.handlers)         // msw/node
 * // …run the partner's code…
 * bank.clock.advance({ minutes: 10 })                  // reviews decided, disbursements settled
 * expect(bank.webhooks.events.map((event) => event.type)).to.include('application.decided')
 * ```
 */
export interface MockBank {
  /** msw request handlers for the whole contract under {@link baseUrl}, unknown routes included (501). */
  readonly handlers: RequestHandler[];
  /** The API origin, e.g. `https://sandbox.fenqi.com`. */
  readonly baseUrl: string;
  /** The bank's time; `advance` also runs whatever falls due (reviews, settlements, repayments). */
  readonly clock: MockClock;
  readonly faults: Faults;
  readonly webhooks: WebhookOutbox;
  /** What the bank remembers (read it; change it only through the API). */
  readonly state: BankState;
  /** The most recent requests (up to 1000), oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Answers one request, as the handlers do. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` that only reaches this bank: anything else is a loud error (for SDK tests without a server). */
  readonly fetch: typeof fetch;
  /** Forgets everything: state, ids, idempotency keys, faults (back to the options'), webhooks, log. */
  reset(): void;
  /** Stops the timers a wall-clock bank keeps; the bank still answers. */
  dispose(): void;
}

const KEY_PATTERN = /^(pk|sk)_(test|live)_[A-Za-z0-9]{8,}$/;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REQUEST_LOG_SIZE = 1000;
/** Plans-for-amounts remembered per bank (a shop's prices repeat); the cache starts over when full. */
const QUOTED_PLAN_CACHE_SIZE = 5000;
/** The wait that stands for "never": longer than any client timeout, short enough to fit a timer. */
const HANG_MS = 2 ** 31 - 1;

const OPERATIONS_BY_ID: Readonly<Record<string, (context: OperationContext, call: OperationCall) => OperationResult>> = {
  listProducts,
  createQuote,
  createCheckoutSession,
  retrieveCheckoutSession,
  createApplication,
  retrieveApplication,
  acceptOffer,
  confirmApplication,
  createDisbursement,
  retrieveDisbursement,
  retrieveLoan,
};

/**
 * A mock bank that behaves like the real one: every operation of the contract, validated with the
 * SDK's schemas, with state, deterministic personas, faults, idempotency and signed webhooks.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * const bank = createMockBank()
 * const server = setupServer(...bank.handlers)
 * server.listen({ onUnhandledRequest: 'error' })
 * ```
 */
export function createMockBank(options: MockBankOptions = {}): MockBank {
  const baseUrl = new URL(options.baseUrl ?? 'https://sandbox.fenqi.com').origin;
  const seed = options.seed ?? 1;
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const checkResponses = options.checkResponses ?? true;
  const innerClock = createMockClock(options.clock);
  const ids = createIds(seed);
  const faults = createFaults(ids.random);
  const headerFaultCounts = new Map<string, number>();
  const idempotency = createIdempotencyStore(innerClock.now);
  const webhooks = createWebhookOutbox(options.webhooks ?? {}, innerClock, () => ids.next('evt'));
  const rateCardsOf = options.rateCards ?? ((merchant: string) => defaultRateCards(merchant, '2026-12-01T00:00:00Z'));
  const rateCardCache = new Map<string, readonly RateCard[]>();
  const quotedPlans = new Map<string, QuotedPlan | { readonly reason: string }>();
  const planTexts = new WeakMap<QuotedPlan, string>();
  let state = createBankState();
  let timeline: { at: number; order: number; run: () => void }[] = [];
  let timelineOrder = 0;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let requests: RequestLogEntry[] = [];
  let requestCount = 0;

  const encoder = new TextEncoder();

  /** Runs, in time order, everything that has fallen due; events may schedule more. */
  function settle(): void {
    for (;;) {
      const next = timeline[0];
      if (!next || next.at > innerClock.now()) break;
      timeline.shift();
      next.run();
    }
    armWake();
  }

  /** A wall-clock bank settles on its own, so a review resolves even when nobody asks. */
  function armWake(): void {
    if (innerClock.frozen) return;
    if (wake) clearTimeout(wake);
    wake = undefined;
    const next = timeline[0];
    if (!next) return;
    wake = setTimeout(settle, Math.min(Math.max(0, next.at - innerClock.now()), HANG_MS));
    // Node: never keep a test process alive for a bank's future.
    (wake as { unref?: () => void }).unref?.();
  }

  const clock: MockClock = {
    get frozen() {
      return innerClock.frozen;
    },
    now: innerClock.now,
    iso: innerClock.iso,
    today: innerClock.today,
    advance(by: Duration) {
      innerClock.advance(by);
      settle();
    },
  };

  const context: OperationContext = {
    get state() {
      return state;
    },
    clock,
    ids,
    webhooks,
    disbursementSettleMs: options.disbursementSettleMs ?? 2000,
    schedule(at, run) {
      const entry = { at, order: timelineOrder++, run };
      const index = timeline.findIndex((other) => other.at > at);
      if (index === -1) timeline.push(entry);
      else timeline.splice(index, 0, entry);
      armWake();
    },
    planJson(plan) {
      let text = planTexts.get(plan);
      if (text === undefined) planTexts.set(plan, (text = JSON.stringify(plan)));
      return text;
    },
    quotedPlan(card, plan, amount) {
      // Cards are fixed per merchant; a risk-priced plan differs from its card's plan only in its rate.
      const key = `${card.merchant}\n${card.id}\n${plan.id}\n${plan.annualRate}\n${amount.currency}\n${amount.minor}`;
      let quoted = quotedPlans.get(key);
      if (!quoted) {
        const offer = offerFor(card, plan, amount);
        quoted = 'reason' in offer ? offer : toQuotedPlan(offer);
        if (quotedPlans.size >= QUOTED_PLAN_CACHE_SIZE) quotedPlans.clear();
        quotedPlans.set(key, quoted);
      }
      return quoted;
    },
    rateCard(merchant: string, scenario: RateCard['scenario'], currency: string) {
      let cards = rateCardCache.get(merchant);
      if (!cards) {
        cards = rateCardsOf(merchant);
        for (const card of cards) {
          const parsed = parseContract(RateCard, card);
          if (!parsed.success) throw new Error(`Rate card ${card.id} breaks the contract: ${parsed.error.message}`);
        }
        rateCardCache.set(merchant, cards);
      }
      return cards.find((card) => card.scenario === scenario && card.currency === currency);
    },
  };

  for (const rule of options.faults ?? []) faults.add(rule);

  function authenticate(request: Request, route: Route): Caller {
    const header = request.headers.get('authorization');
    if (!header) throw new MockProblem(401, 'authentication-required', 'Authentication required', 'Send your API key as "Authorization: Bearer pk_test_…" (browser) or "Bearer sk_test_…" (server).');
    const key = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!key || !KEY_PATTERN.test(key)) throw new MockProblem(401, 'invalid-api-key', 'Invalid API key', 'The key must look like pk_test_… or sk_test_….');
    if (key.includes('_live_')) throw new MockProblem(401, 'live-key-on-mock', 'Live key sent to the mock bank', 'The mock bank takes test keys only; never put a live key in a test setup.');
    const kind = key.startsWith('pk_') ? 'publishable' : 'secret';
    const allowed = kind === 'publishable' ? options.apiKeys?.publishable : options.apiKeys?.secret;
    if (allowed && !allowed.includes(key)) throw new MockProblem(401, 'invalid-api-key', 'Invalid API key', 'This bank does not know that key.');
    if (route.operation.auth === 'secret' && kind !== 'secret') {
      throw new MockProblem(403, 'secret-key-required', 'Secret key required', `${route.operation.operationId} moves money or reads private data: call it from your server with the secret key (sk_…), never from a browser.`);
    }
    return { kind, key };
  }

  /** Faults from the options or the admin API, then from the `Fenqi-Mock-Fault` header. */
  function faultsFor(request: Request, route: Route | undefined, caller: string): FaultAction[] {
    const name = route?.name ?? `${request.method} ${new URL(request.url).pathname}`;
    const actions = faults.match({ operationId: route?.operation.operationId ?? '', route: name });
    const header = request.headers.get('fenqi-mock-fault');
    if (header === null) return actions;
    const parsed = parseFaultHeader(header);
    if (!parsed) throw new MockProblem(400, 'invalid-fault-header', 'Invalid Fenqi-Mock-Fault header', 'Use a comma-separated list of 503, 429:2, network, hang, latency:300 or latency:100-500, each optionally followed by *N.');
    // "Fail twice, then succeed" counts the calls of one logical request: same route, same header,
    // same idempotency key (a GET has none), same API key.
    const counter = `${name}\n${header}\n${request.headers.get('idempotency-key') ?? ''}\n${caller}`;
    const count = (headerFaultCounts.get(counter) ?? 0) + 1;
    if (headerFaultCounts.size > 10_000) headerFaultCounts.clear();
    headerFaultCounts.set(counter, count);
    return [...actions, ...parsed.filter((fault) => fault.times === undefined || count <= fault.times).map((fault) => fault.action)];
  }

  /** A failing fault's answer (an error status or a dropped connection), if one hit. */
  function failure(actions: readonly FaultAction[]): Response | undefined {
    for (const action of actions) {
      if ('network' in action) return HttpResponse.error();
      if ('status' in action) {
        const slug = action.status === 429 ? 'rate-limited' : 'injected-fault';
        const retryAfter = action.retryAfter ?? (action.status === 429 ? 1 : undefined);
        throw new MockProblem(action.status, slug, action.status === 429 ? 'Too many requests' : 'Injected fault', `A fault injected on purpose (HTTP ${action.status}).`, undefined, retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) });
      }
    }
    return undefined;
  }

  /**
   * Waits out latency and hang faults. This happens while the operation holds its idempotency key,
   * as a slow bank would: a concurrent retry gets 409, and a client that gave up (the wait ends on
   * abort) still finds the work done when it retries with the same key (case B42).
   */
  async function delay(actions: readonly FaultAction[], signal: AbortSignal): Promise<void> {
    for (const action of actions) {
      if ('latencyMs' in action) {
        const [min, max] = typeof action.latencyMs === 'number' ? [action.latencyMs, action.latencyMs] : action.latencyMs;
        await sleep(min + ids.random() * (max - min), signal);
      } else if ('hang' in action) {
        await sleep(HANG_MS, signal);
      }
    }
  }

  async function readBody(request: Request, route: Route): Promise<unknown> {
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > maxBodyBytes) throw tooLarge();
    const text = await request.text();
    if (encoder.encode(text).length > maxBodyBytes) throw tooLarge();
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
      throw new MockProblem(415, 'unsupported-media-type', 'Unsupported media type', `${route.operation.operationId} takes a JSON body: send "Content-Type: application/json"${type ? `, not "${type}"` : ''}.`);
    }
    if (text.trim() === '') throw new MockProblem(400, 'malformed-json', 'Malformed JSON', 'The body is empty; send a JSON object.');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new MockProblem(400, 'malformed-json', 'Malformed JSON', `The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    }
  }

  function tooLarge(): MockProblem {
    return new MockProblem(413, 'payload-too-large', 'Request body too large', `Bodies are limited to ${maxBodyBytes} bytes.`);
  }

  /** The query as an object; a parameter given twice is an error rather than a silent choice. */
  function readQuery(url: URL): unknown {
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) {
      if (Object.hasOwn(query, name)) throw new MockProblem(422, 'invalid-request', 'Invalid request', `Query parameter "${name}" is given more than once.`, [{ pointer: `#/${name}`, detail: 'Given more than once.' }]);
      query[name] = value;
    }
    return query;
  }

  function validate(schema: Parameters<typeof parseContract>[0], value: unknown): unknown {
    const result = parseContract(schema, value);
    if (result.success) return result.data;
    const errors = toProblemErrors(result.error);
    throw new MockProblem(422, 'invalid-request', 'Invalid request', errors.length === 1 ? `${errors[0]!.pointer}: ${errors[0]!.detail}` : `${errors.length} fields are invalid.`, errors);
  }

  async function answer(request: Request, log: { operationId?: string; replayed?: boolean | undefined; faults?: FaultAction[] }): Promise<Response> {
    settle();
    const url = new URL(request.url);
    const found = findRoute(request.method, url.pathname);
    if (!found) {
      throw new MockProblem(501, 'not-mocked', 'Not mocked', `The mock bank has no route ${request.method} ${url.pathname}. The operations are listed in docs/openapi.json.`);
    }
    if ('allowed' in found) {
      throw new MockProblem(405, 'method-not-allowed', 'Method not allowed', `${url.pathname} takes ${found.allowed.join(', ')}, not ${request.method}.`, undefined, { allow: found.allowed.join(', ') });
    }
    const { route, params } = found;
    const { operation } = route;
    log.operationId = operation.operationId;

    const actions = (log.faults = faultsFor(request, route, request.headers.get('authorization') ?? ''));
    const dropped = failure(actions);
    if (dropped) return dropped;
    const caller = authenticate(request, route);

    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new MockProblem(400, 'idempotency-key-invalid', 'Invalid Idempotency-Key', 'An Idempotency-Key is 1 to 255 visible ASCII characters; a UUID is best.');
    }
    if (operation.idempotencyKey === 'required' && idempotencyKey === null) {
      throw new MockProblem(400, 'idempotency-key-missing', 'Idempotency-Key required', `${operation.operationId} creates or moves money: send an Idempotency-Key header, the same on every retry of this request.`);
    }
    const body = operation.body ? validate(operation.body, await readBody(request, route)) : undefined;
    const query = operation.query ? validate(operation.query, readQuery(url)) : undefined;
    const call: OperationCall = { caller, params, query, body, headers: request.headers };
    const run = async () => {
      await delay(actions, request.signal);
      const result = OPERATIONS_BY_ID[operation.operationId]!(context, call);
      if (checkResponses && result.status < 300) {
        const checked = parseContract(operation.response, result.body);
        if (!checked.success) throw new Error(`The mock's ${operation.operationId} answer breaks the contract: ${JSON.stringify(toProblemErrors(checked.error))}`);
      }
      return result;
    };
    let result: OperationResult & { replayed?: boolean | undefined };
    if (idempotencyKey !== null && operation.idempotencyKey !== 'none') {
      result = await idempotency.run(`${caller.key}\n${operation.operationId}`, idempotencyKey, `${url.pathname}\n${canonicalJson(body)}`, run);
      log.replayed = result.replayed;
    } else {
      result = await run();
    }
    const headers = { ...result.headers, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) };
    // A plain Response: msw's HttpResponse.json also counts the bytes, a fifth of a quote's time.
    if (result.body === null) return new Response(null, { status: result.status, headers });
    return new Response(result.json ?? JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json', ...headers } });
  }

  async function handle(request: Request): Promise<Response> {
    const started = performance.now();
    const requestId = `req_${String((requestCount += 1)).padStart(8, '0')}`;
    const log: { operationId?: string; replayed?: boolean | undefined; faults?: FaultAction[] } = {};
    let response: Response;
    try {
      response = await answer(request, log);
    } catch (error) {
      response = problemResponse(error, requestId);
    }
    if (response.type !== 'error') {
      response.headers.set('x-request-id', requestId);
      response.headers.set('fenqi-mock-version', FENQI_VERSION);
    }
    const url = new URL(request.url);
    const entry: RequestLogEntry = {
      requestId,
      method: request.method,
      path: url.pathname + url.search,
      ...(log.operationId ? { operationId: log.operationId } : {}),
      status: response.type === 'error' ? 0 : response.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      at: new Date().toISOString(),
      ...(log.replayed ? { replayed: true } : {}),
      ...(log.faults?.length ? { faults: log.faults } : {}),
    };
    requests.push(entry);
    if (requests.length > REQUEST_LOG_SIZE) requests = requests.slice(-REQUEST_LOG_SIZE);
    options.onRequest?.(entry);
    return response;
  }

  const handlers: RequestHandler[] = [http.all(`${baseUrl}/*`, ({ request }) => handle(request))];

  const fetchFromBank: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    // Like a real fetch, give up as soon as the caller aborts (the bank may still finish the work).
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => reject(request.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      if (request.signal.aborted) abort();
      else request.signal.addEventListener('abort', abort, { once: true });
    });
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) throw new TypeError(`fenqi-mock-server: ${request.method} ${request.url} is not a request to the mock bank (${baseUrl}).`);
    // Worded like the browser's own error, which is what HTTP clients (ky) recognise as a network failure.
    if (response.type === 'error') throw new TypeError(`Failed to fetch (${new URL(request.url).host})`, { cause: 'a network fault injected by the mock bank' });
    return response;
  };

  return {
    handlers,
    baseUrl,
    clock,
    faults,
    webhooks,
    get state() {
      return state;
    },
    get requests() {
      return requests;
    },
    handle,
    fetch: fetchFromBank,
    reset() {
      state = createBankState();
      timeline = [];
      if (wake) clearTimeout(wake);
      wake = undefined;
      ids.reset();
      idempotency.clear();
      faults.clear();
      for (const rule of options.faults ?? []) faults.add(rule);
      headerFaultCounts.clear();
      webhooks.reset();
      requests = [];
      requestCount = 0;
    },
    dispose() {
      webhooks.cancelRetries();
      if (wake) clearTimeout(wake);
      wake = undefined;
      timeline = [];
    },
  };
}

/** A problem-details response for a thrown problem; anything else is the mock's own bug (500). */
function problemResponse(error: unknown, requestId: string): Response {
  const problem =
    error instanceof MockProblem
      ? error
      : new MockProblem(500, 'mock-internal-error', 'Mock bank error', `The mock bank failed: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof MockProblem)) console.error('fenqi-mock-server:', error);
  return HttpResponse.json(problem.toProblem(requestId), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}

/** Waits, unless the request is aborted first (a client that gave up frees its hang). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
