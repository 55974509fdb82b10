import { expect } from 'chai';
import { createClient, OPERATIONS } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { PERSONAS } from '../personas/personas.js';
import type { MockBankServer, startMockBankServer } from './start-mock-bank-server.js';
import { adminRouteNames } from './admin-api.js';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from './cors.js';

// node:http is not in the browser run: everything that needs it is imported inside the suites.
const isNode = typeof globalThis.process?.versions?.node === 'string';
const ORIGIN = 'http://localhost:5173';
const PUBLISHABLE = 'pk_test_51HxStandalone';
const SECRET = 'sk_test_51HxStandalone';
const JSON_HEADERS = { authorization: `Bearer ${PUBLISHABLE}`, 'content-type': 'application/json' };
const QUOTE = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } } as const;

/** An answer read whole, so a test can look at status, headers and body together. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Checks an RFC 9457 answer: the media type, and a `status` member equal to the HTTP status. */
function expectProblem(answer: Answer, status: number, slug?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
  expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
  expect(answer.body).to.include({ status });
  if (slug) expect((answer.body as { type: string }).type).to.match(new RegExp(`/${slug}$`));
}

describe('startMockBankServer (standalone HTTP server, Node only)', function () {
  let server: MockBankServer;
  let start: typeof startMockBankServer;
  const admin = (path: string, init?: RequestInit) => call(`${server.url}/__admin${path}`, init);
  const adminPost = (path: string, body: unknown) => admin(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(async function () {
    if (!isNode) return this.skip();
    ({ startMockBankServer: start } = await import('./start-mock-bank-server.js'));
    server = await start({ log: false, clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
  });
  afterEach(async () => {
    if (server) expect((await adminPost('/reset', {})).status).to.equal(204);
  });
  after(() => server?.close());

  it('walks the whole lending flow through real HTTP with the SDK clients, and CORS allows every header they sent', async () => {
    const sent = new Set<string>();
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.forEach((_value, name) => sent.add(name));
      return fetch(request);
    };
    const fenqi = createClient({ publishableKey: PUBLISHABLE, baseUrl: server.url, fetch: recording, locale: 'zh-CN' });
    const partner = createServerClient({ secretKey: SECRET, baseUrl: server.url, fetch: recording });
    const { applicant } = PERSONAS.find((persona) => persona.id === 'approve')!.example;

    const products = await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    expect(products.data[0]?.currency).to.equal('CNY');
    const quote = await fenqi.quotes.create(QUOTE);
    const planId = quote.plans[0]!.planId;
    const session = await partner.checkoutSessions.create({ amount: QUOTE.amount, orderId: 'order-42', scenario: 'retail', merchant: 'shop-1' });
    const application = await fenqi.applications.create({
      clientSecret: session.clientSecret!,
      planId,
      applicant,
      consent: { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00+08:00' },
    });
    expect(application.status).to.equal('approved');
    expect((await fenqi.applications.retrieve(application.id, session.clientSecret!)).status).to.equal('approved');
    const confirmed = await partner.applications.confirm(application.id, { orderId: 'order-42', amount: QUOTE.amount });
    const disbursement = await partner.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'disburse-order-42' });
    expect(disbursement.status).to.equal('pending');
    expect((await adminPost('/clock', { advance: { minutes: 5 } })).status).to.equal(200);
    expect((await partner.disbursements.retrieve(disbursement.id)).status).to.equal('succeeded');
    expect((await partner.loans.retrieve(confirmed.loanId)).status).to.equal('active');
    expect((await partner.checkoutSessions.retrieve(session.id)).status).to.equal('completed');
    expect((await fenqi.checkoutSessions.retrieve(session.clientSecret!)).status, 'the browser reads its session').to.equal('completed');

    // A thin file gets a counter-offer, which only the shopper's browser can accept.
    const thinFile = PERSONAS.find((persona) => persona.id === 'thin-file')!.example;
    const second = await partner.checkoutSessions.create({ amount: thinFile.amount, orderId: 'order-43', scenario: 'retail', merchant: 'shop-1' });
    const counter = await fenqi.applications.create({ clientSecret: second.clientSecret!, planId, applicant: thinFile.applicant, consent: { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00+08:00' } });
    expect(counter.status).to.equal('counter_offer');
    expect((await fenqi.applications.acceptOffer(counter.id, second.clientSecret!)).status).to.equal('approved');

    const operationIds = server.bank.requests.map((entry) => entry.operationId);
    for (const operation of OPERATIONS) expect(operationIds, operation.operationId).to.include(operation.operationId);
    const simple = new Set(['accept', 'accept-language', 'content-language']);
    const needPreflight = [...sent].filter((name) => !simple.has(name));
    expect(needPreflight).to.include.members(['authorization', 'content-type', 'idempotency-key', 'fenqi-client-secret']);
    expect(CORS_ALLOWED_HEADERS).to.include.members([...sent].filter((name) => name !== 'accept'));
  });

  it('answers a CORS preflight for every route, the admin API included', async () => {
    const paths = [...OPERATIONS.map((operation) => operation.path.replace('{id}', 'x_00000001')), '/v1/unknown', '/__admin/faults'];
    for (const path of paths) {
      const answer = await call(server.url + path, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': CORS_ALLOWED_HEADERS.join(',') },
      });
      expect(answer.status, path).to.equal(204);
      expect(answer.headers.get('access-control-allow-origin')).to.equal(ORIGIN);
      expect(answer.headers.get('access-control-allow-methods')).to.include('POST').and.include('GET');
      expect(answer.headers.get('access-control-allow-headers')!.split(', ')).to.include.members([...CORS_ALLOWED_HEADERS]);
      expect(Number(answer.headers.get('access-control-max-age'))).to.be.greaterThan(0);
      expect(answer.headers.get('vary')).to.include('Origin');
    }
  });

  it('lets a browser read the request id, replay mark and retry hints of an answer', async () => {
    const withOrigin = await call(`${server.url}/v1/quotes`, { method: 'POST', headers: { ...JSON_HEADERS, origin: ORIGIN }, body: JSON.stringify(QUOTE) });
    expect(withOrigin.status).to.equal(201);
    expect(withOrigin.headers.get('access-control-allow-origin')).to.equal(ORIGIN);
    expect(withOrigin.headers.get('access-control-expose-headers')!.split(', ')).to.have.members([...CORS_EXPOSED_HEADERS]);
    expect(withOrigin.headers.get('x-request-id')).to.match(/^req_\d{8}$/);
    const withoutOrigin = await call(`${server.url}/v1/unknown`);
    expect(withoutOrigin.headers.get('access-control-allow-origin')).to.equal('*');
  });

  describe('admin API', () => {
    it('adds, lists and removes fault rules that the bank then applies', async () => {
      const added = await adminPost('/faults', { route: 'createQuote', times: 2, status: 503, retryAfter: 1 });
      expect(added.status).to.equal(201);
      expect(added.body).to.deep.include({ route: 'createQuote', times: 2, status: 503, hits: 0 });
      const statuses = [];
      for (let index = 0; index < 3; index += 1) {
        statuses.push((await call(`${server.url}/v1/quotes`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(QUOTE) })).status);
      }
      expect(statuses).to.deep.equal([503, 503, 201]);
      const listed = (await admin('/faults')).body as { data: { id: string; hits: number }[] };
      expect(listed.data).to.have.lengthOf(1);
      expect(listed.data[0]!.hits).to.equal(2);
      expect((await admin(`/faults/${listed.data[0]!.id}`, { method: 'DELETE' })).status).to.equal(204);
      expectProblem(await admin(`/faults/${listed.data[0]!.id}`, { method: 'DELETE' }), 404);
      await adminPost('/faults', { route: '*', latencyMs: [0, 1] });
      expect((await admin('/faults', { method: 'DELETE' })).status).to.equal(204);
      expect(((await admin('/faults')).body as { data: unknown[] }).data).to.deep.equal([]);
    });

    it('refuses fault rules that could never work, as problems', async () => {
      const bad = [
        { route: 'createQoute', status: 503 },
        { route: 'createQuote' },
        { route: 'createQuote', status: 200 },
        { route: 'createQuote', status: '503' },
        { route: 'createQuote', network: false },
        { route: 'createQuote', times: 0, status: 503 },
        { route: 'createQuote', probability: 2, status: 503 },
        { route: 'createQuote', latencyMs: [5, 1] },
        { route: 'createQuote', status: 503, hang: true },
        { route: 'createQuote', statsu: 503 },
        [{ route: 'createQuote', status: 503 }],
      ];
      for (const rule of bad) expectProblem(await adminPost('/faults', rule), 400, 'invalid-fault-rule');
      expectProblem(await admin('/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"route":' }), 400, 'malformed-json');
      expectProblem(await admin('/faults', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415);
      expect(((await admin('/faults')).body as { data: unknown[] }).data).to.deep.equal([]);
    });

    it('reads and moves the clock, in named units or milliseconds', async () => {
      // reset() keeps the bank's time (it never runs backwards), so read where it stands first.
      const before = (await admin('/clock')).body as { now: string; frozen: boolean };
      expect(before.frozen).to.equal(true);
      const at = (ms: number) => new Date(Date.parse(before.now) + ms).toISOString();
      expect((await adminPost('/clock', { advance: { days: 1, hours: 2 } })).body).to.deep.equal({ now: at(26 * 3_600_000), frozen: true });
      expect((await adminPost('/clock', { advance: 60_000 })).body).to.deep.equal({ now: at(26 * 3_600_000 + 60_000), frozen: true });
      expect((await admin('/clock')).body).to.deep.equal({ now: at(26 * 3_600_000 + 60_000), frozen: true });
      for (const advance of [-1, { weeks: 1 }, 'tomorrow', { days: null }, { days: '1' }, { days: 1e308, hours: 1e308 }]) expectProblem(await adminPost('/clock', { advance }), 400);
      expectProblem(await adminPost('/clock', {}), 400);
    });

    it('shows the state, the request log and the webhooks, and forgets them on reset', async () => {
      const partner = createServerClient({ secretKey: SECRET, baseUrl: server.url });
      const session = await partner.checkoutSessions.create({ amount: QUOTE.amount, orderId: 'order-7', scenario: 'retail', merchant: 'shop-1' });
      const state = (await admin('/state')).body as { sessions: { session: { id: string }; clientSecret: string; rateCardId: string }[]; applications: unknown[]; loans: unknown[]; disbursements: unknown[] };
      expect(state.sessions.map((record) => record.session.id)).to.deep.equal([session.id]);
      expect(state.sessions[0]!.clientSecret).to.equal(session.clientSecret);
      expect(state).to.include.keys('applications', 'loans', 'disbursements');
      const requests = (await admin('/requests')).body as { data: { operationId: string; status: number }[] };
      expect(requests.data.map(({ operationId, status }) => ({ operationId, status }))).to.deep.equal([{ operationId: 'createCheckoutSession', status: 201 }]);
      expect((await admin('/webhooks')).body).to.have.keys('events', 'deliveries');
      expect((await adminPost('/reset', {})).status).to.equal(204);
      expect(((await admin('/state')).body as { sessions: unknown[] }).sessions).to.deep.equal([]);
      expect(((await admin('/requests')).body as { data: unknown[] }).data).to.deep.equal([]);
    });

    it('has docs/mock-server.md list exactly the admin routes it serves', async () => {
      const { readFile } = await import('node:fs/promises');
      const docs = await readFile(new URL('../../../../docs/mock-server.md', import.meta.url), 'utf8');
      const documented = [...docs.matchAll(/^\| `(\w+ \/__admin\/[^`]*)` \|/gm)].map((match) => match[1]);
      expect(documented).to.have.members(adminRouteNames());
    });

    it('answers unknown admin routes and methods with problems', async () => {
      expectProblem(await admin('/nothing'), 404, 'not-found');
      expectProblem(await admin('/clock/extra'), 404);
      expectProblem(await admin(''), 404);
      const wrong = await admin('/reset');
      expectProblem(wrong, 405, 'method-not-allowed');
      expect(wrong.headers.get('allow')).to.equal('POST');
    });
  });

  describe('faults over real sockets', () => {
    it('drops the connection for a network fault, then answers again', async () => {
      await adminPost('/faults', { route: 'POST /v1/quotes', times: 1, network: true });
      const request = () => fetch(`${server.url}/v1/quotes`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(QUOTE) });
      const error = await request().then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).to.be.instanceOf(TypeError);
      expect((await request()).status).to.equal(201);
      expect(server.bank.requests.map((entry) => entry.status)).to.deep.equal([0, 201]);
    });

    it('frees an injected hang when the client gives up', async () => {
      const controller = new AbortController();
      const pending = fetch(`${server.url}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: `Bearer ${PUBLISHABLE}`, 'fenqi-mock-fault': 'hang' }, signal: controller.signal });
      setTimeout(() => controller.abort(), 150);
      const error = await pending.then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect((error as Error).name).to.equal('AbortError');
      // The bank logs a request when its work ends: the hang ended with the client's abort.
      await waitFor(() => server.bank.requests.length === 1, 2000);
      expect(server.bank.requests[0]!.faults).to.deep.equal([{ hang: true }]);
    });

    it('honours a fault header and shows it in the request log line', async () => {
      const lines: string[] = [];
      const logged = await start({ log: (line) => lines.push(line), clock: { frozen: true } });
      try {
        const answer = await call(`${logged.url}/v1/quotes`, { method: 'POST', headers: { ...JSON_HEADERS, 'fenqi-mock-fault': '503*1', 'idempotency-key': 'quote-1' }, body: JSON.stringify(QUOTE) });
        expectProblem(answer, 503, 'injected-fault');
        await call(`${logged.url}/v1/quotes`, { method: 'POST', headers: { ...JSON_HEADERS, 'fenqi-mock-fault': '503*1', 'idempotency-key': 'quote-1' }, body: JSON.stringify(QUOTE) });
        await call(`${logged.url}/v1/quotes`, { method: 'POST', headers: { ...JSON_HEADERS, 'idempotency-key': 'quote-1' }, body: JSON.stringify(QUOTE) });
        await call(`${logged.url}/__admin/clock`);
        await call(`${logged.url}/v1/quotes`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
      } finally {
        await logged.close();
      }
      expect(lines).to.have.lengthOf(5);
      expect(lines[0]).to.match(/^\d\d:\d\d:\d\d POST\s+\/v1\/quotes\s+503\s+[\d.]+ ms req_00000001 fault:503$/);
      expect(lines[1]).to.match(/POST\s+\/v1\/quotes\s+201 .* req_00000002$/);
      expect(lines[2]).to.match(/POST\s+\/v1\/quotes\s+201 .* req_00000003 replayed$/);
      expect(lines[3]).to.match(/GET\s+\/__admin\/clock\s+200 .* adm_\d{8} admin$/);
      expect(lines[4]).to.match(/OPTIONS \/v1\/quotes\s+204 .* - preflight$/);
    });
  });

  describe('malformed requests', () => {
    const post = (body: BodyInit, headers: Record<string, string> = JSON_HEADERS) => call(`${server.url}/v1/quotes`, { method: 'POST', headers, body });

    it('answers 405, 501, 415, 413 and 400 as problems', async () => {
      const notAllowed = await call(`${server.url}/v1/quotes`, { method: 'DELETE', headers: JSON_HEADERS });
      expectProblem(notAllowed, 405, 'method-not-allowed');
      expect(notAllowed.headers.get('allow')).to.equal('POST');
      expectProblem(await call(`${server.url}/v1/loans`, { headers: JSON_HEADERS }), 501, 'not-mocked');
      expectProblem(await call(`${server.url}/`), 501, 'not-mocked');
      expectProblem(await post(JSON.stringify(QUOTE), { ...JSON_HEADERS, 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
      expectProblem(await post(JSON.stringify({ ...QUOTE, padding: 'x'.repeat(70_000) })), 413, 'payload-too-large');
      expectProblem(await post('{"merchant": '), 400, 'malformed-json');
      expectProblem(await post(''), 400, 'malformed-json');
      expectProblem(await post(JSON.stringify({ ...QUOTE, amount: { value: 4999, currency: 'CNY' } })), 422, 'invalid-request');
    });

    it('stops reading a chunked body over the limit and still answers 413', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(16_384));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 64 MiB if nobody stopped it: the server must answer long before.
          if ((sent += 1) > 4096) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const answer = await call(`${server.url}/v1/quotes`, { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit);
      expectProblem(answer, 413, 'payload-too-large');
      expect(sent).to.be.lessThan(4096);
    });

    it('answers requests fetch cannot send, and broken HTTP, as problems too', async () => {
      const http = await import('node:http');
      const net = await import('node:net');
      const { port } = new URL(server.url);
      const trace = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method: 'TRACE', path: '/v1/quotes' }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
        });
        request.on('error', reject);
        request.end();
      });
      expect(trace.status).to.equal(405);
      expect(trace.type).to.equal('application/problem+json');
      expect(JSON.parse(trace.body)).to.include({ status: 405 });

      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.end('GET /v1/products HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      expect(head).to.match(/^HTTP\/1\.1 400 /);
      expect(head).to.include('content-type: application/problem+json');
      expect(JSON.parse(body)).to.include({ status: 400 });
    });
  });

  describe('lifecycle', () => {
    it('refuses a port in use with EADDRINUSE', async () => {
      const error = await start({ port: Number(new URL(server.url).port), log: false }).then(
        (second) => second.close(),
        (failure: unknown) => failure,
      );
      expect(error).to.have.property('code', 'EADDRINUSE');
      expect((error as Error).message).to.match(/already in use/);
    });

    it('closes promptly with keep-alive and hanging connections open', async () => {
      const http = await import('node:http');
      const other = await start({ log: false });
      const agent = new http.Agent({ keepAlive: true });
      const { port } = new URL(other.url);
      const get = (headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const request = http.get({ host: '127.0.0.1', port, path: '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', agent, headers: { authorization: `Bearer ${PUBLISHABLE}`, ...headers } }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode!));
          });
          request.on('error', reject);
        });
      expect(await get({})).to.equal(200);
      const hanging = get({ 'fenqi-mock-fault': 'hang' }).catch((error: Error) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await other.close();
      expect(performance.now() - started).to.be.lessThan(1000);
      expect(await hanging).to.be.instanceOf(Error);
      agent.destroy();
    });
  });
});

/** Polls `condition` until it holds, failing after `ms` (for work that ends on another socket). */
async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
