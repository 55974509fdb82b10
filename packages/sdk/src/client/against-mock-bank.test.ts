// The SDK against the real mock bank (@fenqi/mock-server), intercepted the way partners' tests
// intercept it: msw's setupServer in Node (setupMockServer, where a request to anything else
// fails the test) and the service worker in Chromium (startMockWorker). The clients get no custom
// fetch and no baseUrl: they call the sandbox address, as in a partner's own test suite.
// test-support/test-bank.ts stays for what a real bank never does (a malformed body, a 304 to a
// request with no cached copy, a body that breaks off), which the other SDK tests need.
import { expect } from 'chai';
import type { MockBank } from '@fenqi/mock-server';
import { MOCK_WEBHOOK_SECRET, PERSONAS } from '@fenqi/mock-server';
import {
  AuthenticationError,
  ConflictError,
  createClient,
  IdempotencyError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  signWebhook,
  TimeoutError,
  ValidationError,
} from '../index.js';
import { createServerClient } from '../server.js';
import { rejection } from '../test-support/fixtures.js';

const inBrowser = typeof window !== 'undefined';
const CLOCK = { start: '2026-12-03T10:00:00Z', frozen: true } as const;
const CONSENT = { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00Z' } as const;
const applicantOf = (id: (typeof PERSONAS)[number]['id']) => PERSONAS.find((persona) => persona.id === id)!.example.applicant;
const ORDER = { amount: { value: '4999.00', currency: 'CNY' }, scenario: 'retail', merchant: 'shop-1' } as const;

/** The mock bank, intercepted as in a partner's tests: the Node server, or the page's service worker. */
async function interceptedBank(): Promise<{ bank: MockBank; reset(): void; stop(): Promise<void> }> {
  if (inBrowser) {
    const { startMockWorker } = await import('@fenqi/mock-server/browser');
    const worker = await startMockWorker({ clock: CLOCK });
    return { bank: worker.bank, reset: () => worker.bank.reset(), stop: () => worker.stop() };
  }
  const { setupMockServer } = await import('@fenqi/mock-server/node');
  const mock = setupMockServer({ clock: CLOCK });
  mock.listen();
  return { bank: mock.bank, reset: () => mock.reset(), stop: async () => mock.close() };
}

describe('the SDK against the mock bank, through msw interception', function () {
  this.timeout(20_000);
  let mock: Awaited<ReturnType<typeof interceptedBank>>;
  let orders = 0;
  const browser = () => createClient({ publishableKey: 'pk_test_sdkAgainstMock1', maxRetries: 0 });
  const server = (options: { maxRetries?: number; timeout?: number } = {}) => createServerClient({ secretKey: 'sk_test_sdkAgainstMock1', maxRetries: 0, dangerouslyAllowBrowser: true, ...options });
  const session = () => server().checkoutSessions.create({ ...ORDER, orderId: `order-${++orders}` });

  before(async () => {
    mock = await interceptedBank();
  });
  after(async () => {
    await mock?.stop();
  });
  beforeEach(() => mock.reset());

  it('runs every operation: rate cards, a quote, a session, an application, a counter-offer, confirmation, disbursement, loan, a verified webhook', async () => {
    const fenqi = browser();
    const { data } = await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    const quote = await fenqi.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: ORDER.amount });
    expect(quote.plans.map((plan) => plan.planId)).to.deep.equal(data[0]!.plans.map((plan) => plan.id));
    const planId = quote.plans.find((plan) => plan.termMonths === 12)!.planId;

    const created = await session();
    expect((await fenqi.checkoutSessions.retrieve(created.clientSecret!)).amount).to.deep.equal(ORDER.amount);
    const approved = await fenqi.applications.create({ clientSecret: created.clientSecret!, planId, applicant: applicantOf('approve'), consent: CONSENT });
    expect(approved.status).to.equal('approved');
    expect((await fenqi.applications.retrieve(approved.id, created.clientSecret!)).status).to.equal('approved');

    const thin = await session();
    const offered = await fenqi.applications.create({ clientSecret: thin.clientSecret!, planId, applicant: applicantOf('thin-file'), consent: CONSENT });
    expect(offered.status).to.equal('counter_offer');
    expect((await fenqi.applications.acceptOffer(offered.id, thin.clientSecret!)).status).to.equal('approved');

    const bankSide = server();
    const confirmed = await bankSide.applications.confirm(approved.id, { orderId: `order-${orders - 1}`, amount: ORDER.amount });
    const disbursement = await bankSide.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: `disburse-${confirmed.orderId}` });
    mock.bank.clock.advance({ seconds: 5 });
    expect((await bankSide.disbursements.retrieve(disbursement.id)).status).to.equal('succeeded');
    expect((await bankSide.loans.retrieve(confirmed.loanId)).status).to.equal('active');
    expect((await bankSide.checkoutSessions.retrieve(created.id)).status).to.equal('completed');

    // The bank's own event, signed as it would be delivered, verifies with the SDK.
    const event = mock.bank.webhooks.events.find((candidate) => candidate.type === 'disbursement.succeeded')!;
    const body = JSON.stringify(event);
    const headers = await signWebhook({ id: event.id, timestamp: Math.floor(Date.now() / 1000), body, secret: MOCK_WEBHOOK_SECRET });
    expect(await bankSide.webhooks.verify(body, headers, MOCK_WEBHOOK_SECRET)).to.deep.equal(event);
  });

  it('meets each error class from the bank’s own rules', async () => {
    const fenqi = browser();
    const bankSide = server();
    const first = await session();
    const second = await session();
    const applied = await fenqi.applications.create({ clientSecret: first.clientSecret!, planId: 'plan_retailCNY12m', applicant: applicantOf('approve'), consent: CONSENT });

    expect(await rejection(fenqi.applications.retrieve(applied.id, second.clientSecret!)), 'another session’s secret').to.be.instanceOf(PermissionError);
    expect(await rejection(bankSide.loans.retrieve('loan_99999999'))).to.be.instanceOf(NotFoundError);
    await bankSide.applications.confirm(applied.id, { orderId: `order-${orders - 1}`, amount: ORDER.amount });
    expect(await rejection(bankSide.applications.confirm(applied.id, { orderId: `order-${orders - 1}`, amount: ORDER.amount })), 'confirmed twice').to.be.instanceOf(ConflictError);
    await bankSide.checkoutSessions.create({ ...ORDER, orderId: 'order-key' }, { idempotencyKey: 'reused-key' });
    expect(await rejection(bankSide.checkoutSessions.create({ ...ORDER, orderId: 'order-other' }, { idempotencyKey: 'reused-key' })), 'a key reused for another body').to.be.instanceOf(IdempotencyError);

    const before = mock.bank.requests.length;
    const invalid = await rejection(fenqi.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '49.999', currency: 'CNY' } }));
    expect(invalid).to.be.instanceOf(ValidationError);
    expect(mock.bank.requests, 'nothing sent').to.have.length(before);
  });

  it('meets the faults partners set: 401, 429, 5xx, a dropped connection, a slow bank', async () => {
    const fenqi = browser();
    const query = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' } as const;
    const cases = [
      [{ status: 401 }, AuthenticationError],
      [{ status: 429, retryAfter: 30 }, RateLimitError],
      [{ status: 503 }, ServerError],
      [{ network: true }, NetworkError],
    ] as const;
    for (const [fault, expected] of cases) {
      mock.bank.faults.add({ route: 'listProducts', times: 1, ...fault });
      expect(await rejection(fenqi.products.list(query)), JSON.stringify(fault)).to.be.instanceOf(expected);
    }
    // Slower than the client's timeout (a hang would outlive the page's service worker in Chromium).
    mock.bank.faults.add({ route: 'retrieveLoan', times: 1, latencyMs: 1500 });
    expect(await rejection(server({ timeout: 200 }).loans.retrieve('loan_00000001'))).to.be.instanceOf(TimeoutError);
  });

  it('never reaches the network for a request the bank does not own (Node: setupMockServer fails it)', async function () {
    if (inBrowser) return this.skip(); // the worker lets the page's own requests through, by design
    const error = await rejection(fetch('http://127.0.0.1:9/not-the-bank.json'));
    expect(error).to.be.instanceOf(TypeError);
  });
});
