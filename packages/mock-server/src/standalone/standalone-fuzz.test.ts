import { expect } from 'chai';
import fc from 'fast-check';
import { PERSONAS } from '../personas/personas.js';
import type * as Http from 'node:http';
import type { MockBankServer } from './start-mock-bank-server.js';

/*
 * Fuzz: thousands of random and malformed requests against the standalone server over keep-alive
 * connections. Whatever comes in, the server answers: never a 5xx it was not asked for (a fault
 * header) except the designed 501 "not mocked", every error is an RFC 9457 problem whose `status`
 * is the HTTP status, it still answers afterwards, and its heap stays flat.
 *
 * FENQI_PROPERTY_RUNS sets the number of requests (default 10,000); FENQI_FUZZ_SEED the seed.
 */
const isNode = typeof globalThis.process?.versions?.node === 'string';
const env = (name: string) => (isNode ? Number(globalThis.process.env[name]) : Number.NaN);
const TOTAL = env('FENQI_PROPERTY_RUNS') > 0 ? env('FENQI_PROPERTY_RUNS') : 10_000;
const SEED = Number.isInteger(env('FENQI_FUZZ_SEED')) ? env('FENQI_FUZZ_SEED') : 20261203;
const BATCHES = 10;
const CONCURRENCY = 8;
/** A client gives up on an injected hang after this long. */
const HANG_GIVE_UP_MS = 150;

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

interface FuzzAnswer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

const applicant = PERSONAS[0]!.example.applicant;
const VALID_BODIES: readonly Record<string, unknown>[] = [
  { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } },
  { amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' },
  { clientSecret: 'cs_abc123_secret_xyz789', planId: 'plan_12m0000', applicant, consent: { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00+08:00' } },
  { orderId: 'order-1', amount: { value: '4999.00', currency: 'CNY' } },
  { loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' } },
];

/** Visible Latin-1 text: what an HTTP header value can carry. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)), maxLength: 80 });
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'host', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive']);
/** A header name; never one that changes how the message is framed (raw sockets test those). */
const token = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.!#$%&\'*+^`|~'), minLength: 1, maxLength: 24 }).filter((name) => !FRAMING.has(name));
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

/** A valid body as it is, or with one member replaced by anything: wrong types, unicode, prototype keys. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = ['merchant', 'scenario', 'amount', 'orderId', 'planId', 'applicant', 'consent', 'loanId', '__proto__', 'constructor', 'extra', '中文'];
  return fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), fc.boolean()).map(([key, value, keep]) => {
    if (keep) return JSON.stringify(valid);
    const text = JSON.stringify({ ...valid, [key]: value });
    // A "__proto__" member set through a literal is not an own member, so write it into the text.
    return key === '__proto__' ? text.replace(/^\{/, `{"__proto__":${JSON.stringify(value)},`) : text;
  });
}

const pathArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('/v1/products?merchant=shop-1&scenario=retail&currency=CNY', '/v1/products', '/v1/products?merchant=shop-1&merchant=b', '/v1/quotes', '/v1/quotes/', '/v1/checkout-sessions', '/v1/checkout-sessions/cs_00000001', '/v1/applications', '/v1/applications/app_00000001', '/v1/applications/app_00000001/confirm', '/v1/disbursements', '/v1/disbursements/dsb_00000001', '/v1/loans/loan_00000001') },
  { weight: 2, arbitrary: fc.constantFrom('/', '/v1', '/v2/quotes', '//v1/quotes', '/v1//quotes', '/v1/%zz', '/v1/loans/%E4%B8%AD', '/v1/loans/..%2F..%2Fetc', '/favicon.ico', '/__admin', '/__admin/state', '/__admin/requests', '/__admin/webhooks', '/__admin/clock', '/__admin/nope', '/__admin/faults/%zz', '/v1/quotes?__proto__[x]=1') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/v1/', '/', '/v1/loans/', '/__admin/'), anyText).map(([prefix, rest]) => prefix + encodeURIComponent(rest).replaceAll('%2F', '/')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('/v1/products', '/v1/quotes'), fc.dictionary(token, anyText, { maxKeys: 5 })).map(([path, query]) => `${path}?${new URLSearchParams(query).toString()}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12_000 }).map((length) => `/v1/${'a'.repeat(length)}`) },
);

const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"a":1}}', '\u0000', '{"amount":{"value":1e309,"currency":"CNY"}}', `{"n":${'9'.repeat(400)}}`, '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}') },
  { weight: 2, arbitrary: anyText },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) },
  { weight: 6, arbitrary: fc.constantFrom(...VALID_BODIES).chain(mutated) },
  { weight: 1, arbitrary: fc.constantFrom(60_000, 70_000).map((size) => JSON.stringify({ merchant: 'shop-1', padding: 'x'.repeat(size) })) },
);

const headersArb: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      authorization: fc.oneof(fc.constantFrom('Bearer pk_test_51HxFuzzKey', 'Bearer sk_test_51HxFuzzKey', 'Bearer pk_live_51HxFuzzKey', 'Bearer', 'Basic dXNlcjpwYXNz', 'bearer pk_test_short', 'Bearer pk_test_51HxFuzzKey extra'), headerText),
      'content-type': fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''), headerText),
      'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('key-1', 'key-2', ' ', 'é'.repeat(3), 'x'.repeat(300)), headerText),
      'if-none-match': fc.oneof(fc.constantFrom('*', '"abc"', 'W/"abc"', '"a", "b"'), headerText),
      'fenqi-client-secret': fc.oneof(fc.constant('cs_abc123_secret_xyz789'), headerText),
      'fenqi-mock-fault': fc.oneof({ weight: 6, arbitrary: fc.constantFrom('503', '500*1', '502:2', '429:1', 'latency:3', 'latency:1-4', 'network', 'network*1', 'bogus', '200', '503*0', '503,latency:2', '') }, { weight: 1, arbitrary: fc.constant('hang') }, { weight: 1, arbitrary: headerText }),
      'accept-language': fc.oneof(fc.constantFrom('zh-CN', 'en-US,en;q=0.9', '*'), headerText),
      origin: fc.oneof(fc.constant('http://localhost:5173'), headerText),
      accept: fc.constantFrom('application/json', '*/*', 'text/html', 'application/problem+json'),
    },
    { requiredKeys: [] },
  )
  .chain((known) => fc.dictionary(token, headerText, { maxKeys: 3 }).map((extra) => ({ ...extra, ...known })))
  // The fault header is rare, so most requests show the server's own behaviour.
  .chain((headers) => fc.nat(9).map((roll) => (roll === 0 ? headers : Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'fenqi-mock-fault')))));

const anyRequestArb: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 3, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE', 'SEARCH', 'MKCOL') }),
  path: pathArb,
  headers: headersArb,
  body: bodyArb,
});

/** Method, path, key kind and the index of a body in VALID_BODIES (-1: none). */
const PARTNER_OPERATIONS: readonly (readonly [string, string, 'pk' | 'sk', number])[] = [
  ['GET', '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', 'pk', -1],
  ['POST', '/v1/quotes', 'pk', 0],
  ['POST', '/v1/checkout-sessions', 'sk', 1],
  ['GET', '/v1/checkout-sessions/cs_00000001', 'sk', -1],
  ['POST', '/v1/applications', 'pk', 2],
  ['GET', '/v1/applications/app_00000001', 'sk', -1],
  ['POST', '/v1/applications/app_00000001/confirm', 'sk', 3],
  ['POST', '/v1/disbursements', 'sk', 4],
  ['GET', '/v1/disbursements/dsb_00000001', 'sk', -1],
  ['GET', '/v1/loans/loan_00000001', 'sk', -1],
];

/** A request a partner could have sent: right route, key and media type, a body valid or nearly so. */
const partnerRequestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    operation: fc.constantFrom(...PARTNER_OPERATIONS),
    key: fc.option(fc.uuid(), { nil: undefined }),
    extra: fc.dictionary(token, headerText, { maxKeys: 2 }),
    fault: fc.option(fc.constantFrom('503', '429:1', 'network', 'latency:2', 'hang', '500*2'), { nil: undefined, freq: 20 }),
  })
  .chain(({ operation: [method, path, kind, bodyIndex], key, extra, fault }) =>
    (bodyIndex >= 0 ? mutated(VALID_BODIES[bodyIndex]!) : fc.constant(undefined)).map((body): FuzzRequest => ({
      method,
      path,
      headers: {
        ...extra,
        authorization: `Bearer ${kind}_test_51HxFuzzKey`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
        ...(fault === undefined ? {} : { 'fenqi-mock-fault': fault }),
      },
      body,
    })),
  );

const requestArb = fc.oneof({ weight: 3, arbitrary: anyRequestArb }, { weight: 1, arbitrary: partnerRequestArb });

describe('standalone server under fuzz (Node only)', function () {
  this.timeout(240_000);
  let server: MockBankServer;
  let http: typeof Http;
  let collectGarbage: (() => void) | undefined;

  before(async function () {
    if (!isNode) return this.skip();
    http = await import('node:http');
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    // A gc() for this process without restarting Node with --expose-gc.
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
    const { startMockBankServer } = await import('./start-mock-bank-server.js');
    // Answers are checked against the contract, so an answer that breaks it is a 500 the fuzz sees.
    server = await startMockBankServer({ log: false, clock: { start: '2026-12-03T10:00:00Z', frozen: true }, checkResponses: true });
  });
  after(() => server?.close());

  it(`answers ${TOTAL.toLocaleString('en-US')} random and malformed requests with problems, never an unasked 5xx, with a flat heap`, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const { port } = new URL(server.url);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const heap: number[] = [];
    const batchSize = Math.ceil(TOTAL / BATCHES);

    function send(request: FuzzRequest): Promise<FuzzAnswer | Error> {
      return new Promise((resolve) => {
        let outgoing: Http.ClientRequest;
        try {
          // Node frames a GET/HEAD/DELETE/OPTIONS body only with an explicit length; without one
          // the body would reach the server as a second, garbled request on the same socket.
          const headers = request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
          outgoing = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent });
        } catch (error) {
          // Node refused to send it (e.g. a header it will not write): nothing to check.
          return resolve(error as Error);
        }
        const giveUp = setTimeout(() => outgoing.destroy(new Error('gave up')), request.headers['fenqi-mock-fault']?.includes('hang') ? HANG_GIVE_UP_MS : 10_000);
        outgoing.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(giveUp);
            resolve({ status: response.statusCode!, type: response.headers['content-type'], body: Buffer.concat(chunks).toString() });
          });
          response.on('error', (error) => {
            clearTimeout(giveUp);
            resolve(error);
          });
        });
        outgoing.on('error', (error) => {
          clearTimeout(giveUp);
          resolve(error);
        });
        outgoing.end(request.body);
      });
    }

    function check(request: FuzzRequest, answer: FuzzAnswer | Error): void {
      const fault = request.headers['fenqi-mock-fault'] ?? '';
      const describe = () => `${request.method} ${request.path.slice(0, 80)} ${JSON.stringify(request.headers).slice(0, 300)} body=${JSON.stringify(request.body?.slice(0, 120))}`;
      if (answer instanceof Error) {
        const refusedBySender = 'code' in answer && String((answer as NodeJS.ErrnoException).code).startsWith('ERR_');
        if (!refusedBySender && !/network|hang/.test(fault)) failures.push(`connection failed (${answer.message}): ${describe()}`);
        return;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      let problem: { status?: unknown; type?: unknown } | undefined;
      if (answer.status >= 400) {
        if (!answer.type?.startsWith('application/problem+json')) return void failures.push(`${answer.status} without problem+json (${answer.type}): ${describe()}`);
        if (request.method !== 'HEAD') {
          try {
            problem = JSON.parse(answer.body) as typeof problem;
          } catch {
            return void failures.push(`${answer.status} with an unreadable problem: ${describe()}`);
          }
          if (problem?.status !== answer.status) return void failures.push(`problem status ${String(problem?.status)} under HTTP ${answer.status}: ${describe()}`);
        }
      }
      if (answer.status >= 500) {
        const injected = fault.includes(String(answer.status));
        const notMocked = answer.status === 501 && (request.method === 'HEAD' || String(problem?.type).endsWith('/not-mocked'));
        if (!injected && !notMocked) failures.push(`unasked ${answer.status} ${answer.body.slice(0, 300)}: ${describe()}`);
      }
    }

    for (let batch = 0; batch < BATCHES; batch += 1) {
      const requests = fc.sample(requestArb, { seed: SEED + batch, numRuns: Math.min(batchSize, TOTAL - batch * batchSize) });
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          check(request, await send(request));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (batch === 1 || batch === BATCHES - 1) {
        collectGarbage?.();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    agent.destroy();

    if (globalThis.process.env["FUZZ_DEBUG"]) console.log(Object.fromEntries(statuses), heap.map((bytes) => (bytes / 2 ** 20).toFixed(1)));
    expect(failures.slice(0, 15), `${failures.length} failures (seed ${SEED})`).to.deep.equal([]);
    const answered = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    expect(answered, JSON.stringify(Object.fromEntries(statuses))).to.be.greaterThan(TOTAL * 0.9);
    // The fuzz reaches the bank's real work, not only its front door.
    for (const status of [200, 201, 400, 401, 404, 405, 413, 415, 422, 501]) expect(statuses.get(status) ?? 0, `HTTP ${status} answers`).to.be.greaterThan(0);

    // Still answering, and nothing grows per request (the request log is capped, state holds only
    // what succeeded); 16 MB covers the idempotency records and sessions that valid requests made.
    const after = await fetch(`${server.url}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: 'Bearer pk_test_51HxFuzzKey' } });
    expect(after.status).to.equal(200);
    const [second, last] = heap as [number, number];
    expect(last - second, `heap after batch 2: ${(second / 2 ** 20).toFixed(1)} MB, at the end: ${(last / 2 ** 20).toFixed(1)} MB`).to.be.lessThan(16 * 2 ** 20);
  });

  it('answers broken HTTP on raw sockets with a problem or a closed connection, and keeps serving', async () => {
    const net = await import('node:net');
    const { port } = new URL(server.url);
    const broken = [
      'GARBAGE\r\n\r\n',
      'GET /v1/products HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'GET /v1/products HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'POST /v1/quotes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
      'GET /v1/products HTTP/9.9\r\nHost: x\r\n\r\n',
      `GET /v1/products HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GET /v1/pro\u0000ducts HTTP/1.1\r\nHost: x\r\n\r\n',
      'get /v1/products HTTP/1.1\r\nHost: x\r\n\r\n',
      '\r\n\r\n\r\n',
      'GET /v1/products HTTP/1.1\r\nHost: x\r\nX: a\u0007b\r\n\r\n',
    ];
    for (const raw of broken) {
      const text = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(raw));
        let received = '';
        socket.setTimeout(2000, () => socket.destroy());
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', () => resolve(received));
      });
      if (text === '') continue;
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      expect(status, JSON.stringify(raw.slice(0, 60))).to.be.within(400, 499);
      expect(head.toLowerCase(), JSON.stringify(raw.slice(0, 60))).to.include('content-type: application/problem+json');
      expect(JSON.parse(body)).to.include({ status });
    }
    const after = await fetch(`${server.url}/v1/quotes`, { method: 'POST', headers: { authorization: 'Bearer pk_test_51HxFuzzKey', 'content-type': 'application/json' }, body: JSON.stringify(VALID_BODIES[0]) });
    expect(after.status).to.equal(201);
  });
});
