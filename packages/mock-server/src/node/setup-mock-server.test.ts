import { expect } from 'chai';
import { http, HttpResponse } from 'msw';
import { createClient } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { PROBLEM_BASE } from '../http/problem-response.js';
import { CONSENT, GOOD_APPLICANT, rejection } from '../test-support/bank-clients.js';
import type { MockServer, setupMockServer } from './setup-mock-server.js';

// msw/node and node:http are not in the browser run: everything that needs them is imported inside the suite.
const isNode = typeof globalThis.process?.versions?.node === 'string';
const PUBLISHABLE_KEY = 'pk_test_nodesetup0001';
const SECRET_KEY = 'sk_test_nodesetup0001';
const SESSION = { amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' } as const;

/** A real HTTP server on this machine: the network a test must not reach while the mock listens. */
interface LocalServer {
  readonly url: string;
  /** The paths that reached it. */
  readonly hits: string[];
  close(): Promise<void>;
}

async function startLocalServer(): Promise<LocalServer> {
  const { createServer } = await import('node:http');
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('content-type', 'application/json');
    response.end('{"reached":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What `console.error` printed while `run` ran (and nothing reaches the test output). */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => void printed.push(parts.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return printed;
}

describe('setupMockServer (msw in this Node process, Node only)', function () {
  let setup: typeof setupMockServer;
  let mock: MockServer;
  let local: LocalServer;

  before(async function () {
    if (!isNode) return this.skip();
    ({ setupMockServer: setup } = await import('./setup-mock-server.js'));
    local = await startLocalServer();
    mock = setup({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
    mock.listen();
  });
  afterEach(() => mock?.reset());
  after(async () => {
    mock?.close();
    await local?.close();
  });

  it('answers the SDK clients through the global fetch, with no fetch or baseUrl given: products, quote, session, application', async () => {
    // Test keys go to https://sandbox.fenqi.com; this machine cannot reach it, so every answer is the mock's.
    const browser = createClient({ publishableKey: PUBLISHABLE_KEY, maxRetries: 0 });
    const partner = createServerClient({ secretKey: SECRET_KEY, maxRetries: 0 });
    const { data } = await browser.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    expect(data.map((card) => [card.merchant, card.currency])).to.deep.equal([['shop-1', 'CNY']]);
    const quote = await browser.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: SESSION.amount });
    const planId = quote.plans.find((plan) => plan.termMonths === 12)!.planId;
    const session = await partner.checkoutSessions.create(SESSION);
    const application = await browser.applications.create({ clientSecret: session.clientSecret!, planId, applicant: GOOD_APPLICANT, consent: CONSENT });
    expect(application.status).to.equal('approved');
    expect(mock.bank.requests.map((entry) => [entry.operationId, entry.status])).to.deep.equal([
      ['listProducts', 200],
      ['createQuote', 201],
      ['createCheckoutSession', 201],
      ['createApplication', 201],
    ]);
    expect(mock.bank.state.applications.get(application.id)?.sessionId).to.equal(session.id);
  });

  it('reset() forgets what the bank remembers, restarts its ids and drops the overrides of one test', async () => {
    const partner = createServerClient({ secretKey: SECRET_KEY, maxRetries: 0 });
    const first = await partner.checkoutSessions.create(SESSION);
    mock.server.use(http.get(`${mock.bank.baseUrl}/v1/products`, () => HttpResponse.json({ overridden: true })));
    const products = () => fetch(`${mock.bank.baseUrl}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: `Bearer ${PUBLISHABLE_KEY}` } });
    expect(await (await products()).json()).to.deep.equal({ overridden: true });

    mock.reset();
    expect(mock.bank.state.sessions.size).to.equal(0);
    expect(mock.bank.requests).to.deep.equal([]);
    expect(await rejection(partner.checkoutSessions.retrieve(first.id))).to.have.property('status', 404);
    expect((await partner.checkoutSessions.create(SESSION)).id, 'ids start over').to.equal(first.id);
    const list = (await (await products()).json()) as { data: { merchant: string }[] };
    expect(list.data[0]?.merchant, 'the override is gone').to.equal('shop-1');
  });

  it('answers an unknown route of the bank with the 501 "not mocked" problem', async () => {
    const response = await fetch(`${mock.bank.baseUrl}/v1/refunds`, { method: 'POST', headers: { authorization: `Bearer ${SECRET_KEY}` } });
    expect(response.status).to.equal(501);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    const problem = (await response.json()) as { type: string; status: number; detail: string };
    expect(problem).to.include({ type: `${PROBLEM_BASE}not-mocked`, status: 501 });
    expect(problem.detail).to.contain('POST /v1/refunds');
    expect(mock.bank.requests.map((entry) => entry.status)).to.deep.equal([501]);
  });

  it('fails any other request loudly and lets none out, not even a .json (msw lets "assets" through) or a node:http one', async () => {
    // Through the module object, as CommonJS clients (axios, got) reach it: msw cannot patch the
    // named ESM export (`import { get } from 'node:http'`), mswjs/msw#2049.
    const { get } = (await import('node:http')).default;
    const outcomes: unknown[] = [];
    const printed = await consoleErrors(async () => {
      for (const path of ['/v1/products', '/rates.json', '/app.js']) outcomes.push(await rejection(fetch(`${local.url}${path}`)));
      outcomes.push(await new Promise((resolve) => get(`${local.url}/health`, (response) => resolve(response.statusCode)).on('error', resolve)));
    });
    expect(outcomes.map((outcome) => outcome instanceof Error)).to.deep.equal([true, true, true, true]);
    expect(outcomes[0]).to.be.instanceOf(TypeError);
    expect(local.hits, 'nothing reached the network').to.deep.equal([]);
    for (const path of ['/v1/products', '/rates.json', '/app.js', '/health']) expect(printed.join('\n')).to.contain(`GET ${local.url}${path} is not a request to the mock bank`);
  });

  it('close() stops intercepting: the same request then reaches the network', async () => {
    const printed = await consoleErrors(async () => {
      expect(await rejection(fetch(`${local.url}/after-close`))).to.be.instanceOf(TypeError);
    });
    expect(printed).to.have.length(1);
    const earlier = local.hits.length;
    mock.close();
    try {
      const response = await fetch(`${local.url}/after-close`);
      expect(await response.json()).to.deep.equal({ reached: true });
      expect(local.hits.slice(earlier)).to.deep.equal(['/after-close']);
    } finally {
      mock.listen(); // for after(), which closes it
    }
  });
});
