import { parseMoney, toDecimalString } from '@fenqi/core';
import { expect } from 'chai';
import {
  type ApiError,
  AuthenticationError,
  createClient,
  IdempotencyError,
  isApiError,
  NetworkError,
  offersFromRateCard,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../index.js';
import { BASE_URL, createTestBank, RATE_CARD } from '../test-support/test-bank.js';
import type { TestBank } from '../test-support/test-bank.js';
import { APPLICATION as application, rejection } from '../test-support/fixtures.js';

const KEY = 'pk_test_51HxExample';

describe('createClient: keys', () => {
  it('refuses a secret key, saying why, before any request', () => {
    expect(() => createClient({ publishableKey: 'sk_test_51HxExample' })).to.throw(/never be used in a browser/);
  });

  it('refuses malformed keys and test/live mix-ups', () => {
    for (const key of ['', 'pk_123', 'pk_prod_12345678', undefined]) {
      expect(() => createClient({ publishableKey: key as string })).to.throw(/publishableKey must look like/);
    }
    expect(() => createClient({ publishableKey: KEY, baseUrl: 'https://api.fenqi.com' })).to.throw(/test key cannot be used against the live API/);
    expect(() => createClient({ publishableKey: 'pk_live_51HxExample', baseUrl: BASE_URL })).to.throw(/live key cannot be used/);
    expect(() => createClient({ publishableKey: KEY, baseUrl: 'not a url' })).to.throw(/absolute URL/);
  });
});

describe('createClient: calls against the test bank', () => {
  let bank: TestBank;
  let fenqi: ReturnType<typeof createClient>;
  beforeEach(() => {
    bank = createTestBank();
    fenqi = createClient({ publishableKey: KEY, baseUrl: `${BASE_URL}//`, fetch: bank.fetch, timeout: 200, totalTimeout: 2000 });
  });

  it('normalises the base URL and sends the key as a bearer token (B51)', async () => {
    await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    expect(bank.requests[0]!.path).to.equal('/v1/products');
    expect(bank.requests[0]!.headers.get('authorization')).to.equal(`Bearer ${KEY}`);
  });

  it('validates input before sending and lists every issue', async () => {
    const error = await rejection(fenqi.applications.create({ ...application, planId: 'nope', applicant: { ...application.applicant, email: 'x' } }));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.pointer)).to.have.members(['#/planId', '#/applicant/email']);
    expect(bank.requests).to.have.lengthOf(0);
  });

  it('coalesces identical rate-card calls and revalidates with the ETag', async () => {
    const query = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' } as const;
    const lists = await Promise.all(Array.from({ length: 10 }, () => fenqi.products.list(query)));
    expect(bank.requests).to.have.lengthOf(1);
    expect(lists.every((list) => list === lists[0])).to.equal(true);
    const again = await fenqi.products.list(query);
    expect(bank.requests[1]!.headers.get('if-none-match')).to.equal('"rc-v1"');
    expect(again).to.equal(lists[0]);
  });

  it('answers from the cache while Cache-Control says the rate card is fresh, and asks again when it says no-store', async () => {
    const query = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' } as const;
    bank.productsCacheControl = 'public, max-age=60';
    const first = await fenqi.products.list(query);
    expect(await fenqi.products.list(query)).to.equal(first);
    await fenqi.offersFor(parseMoney('800.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' });
    expect(bank.requests, 'fresh for 60 s: no request at all').to.have.lengthOf(1);

    const other = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: bank.fetch, maxRetries: 0 });
    bank.productsCacheControl = 'no-store';
    await other.products.list(query);
    await other.products.list(query);
    expect(bank.requests, 'no-store: every call asks (with the ETag)').to.have.lengthOf(3);
    expect(bank.requests[2]!.headers.get('if-none-match')).to.equal('"rc-v1"');
  });

  it('computes offers locally for any amount, with eligibility reasons', async () => {
    const result = await fenqi.offersFor(parseMoney('800.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' });
    expect(result.offers.map((offer) => offer.plan.id)).to.deep.equal(['plan_12m0000', 'plan_3m00000']);
    expect(result.ineligible.map(({ plan, reason }) => [plan.id, reason])).to.deep.equal([['plan_24m0000', 'below-minimum']]);
    const twelve = result.offers[0]!;
    expect(toDecimalString(twelve.schedule.instalments[0]!.payment)).to.equal('71.47');
    expect(twelve.annualRate.percent).to.equal('13.03');
  });

  it('never headlines an interest-only plan by its small first payments', () => {
    // Found on the education demo: $4,050 showed "from $30.34/month" — the interest of a 12-month
    // interest-only plan whose last payment is $4,080.34.
    const interestOnly = { ...RATE_CARD.plans[2]!, id: 'plan_io12000', termMonths: 12, method: 'interest-only', annualRate: '0.0899' } as const;
    const card = { ...RATE_CARD, plans: [interestOnly, RATE_CARD.plans[2]!] };
    const { offers } = offersFromRateCard(card, parseMoney('4050.00', 'CNY'));
    expect(offers.map((offer) => offer.plan.id)).to.deep.equal(['plan_24m0000', 'plan_io12000']);
    const highest = (offer: (typeof offers)[number]) => offer.schedule.instalments.reduce((most, { payment }) => (payment.minor > most ? payment.minor : most), 0n);
    expect(highest(offers[0]!) < highest(offers[1]!)).to.equal(true);
    expect(toDecimalString(offers[1]!.schedule.instalments[0]!.payment)).to.equal('30.34');
  });

  it('uses one idempotency key for every retry of an application, and the bank acts once (B42)', async () => {
    bank.fault('POST /v1/applications', { times: 2, status: 503 });
    const decision = await fenqi.applications.create(application);
    expect(decision.status).to.equal('declined');
    const keys = bank.requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).to.have.lengthOf(3);
    expect(new Set(keys).size).to.equal(1);
  });

  it('replays the stored answer when the caller reuses its key after a reload', async () => {
    const first = await fenqi.applications.create(application, { idempotencyKey: 'order-42-apply' });
    const second = await fenqi.applications.create(application, { idempotencyKey: 'order-42-apply' });
    expect(second).to.deep.equal(first);
    const reused = await rejection(fenqi.applications.create({ ...application, planId: 'plan_3m00000' }, { idempotencyKey: 'order-42-apply' }));
    expect(reused).to.be.instanceOf(IdempotencyError);
  });

  it('returns a declined decision as a value, not an error', async () => {
    const decision = await fenqi.applications.create(application);
    expect(decision.status === 'declined' && decision.reasons[0]!.code).to.equal('affordability');
  });

  it('honours Retry-After on 429 and gives up with a typed error carrying it', async () => {
    bank.fault('GET /v1/products', { times: 5, status: 429, retryAfter: '0' });
    const error = await rejection(fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }));
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).to.equal(0);
    expect(bank.requests).to.have.lengthOf(3);
  });

  it('maps statuses to error classes with the problem and request id', async () => {
    bank.fault('GET /v1/products', { times: 1, status: 401 });
    const error = await rejection(fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }));
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(isApiError(error) && error.problem.title).to.equal('Injected fault');
    expect((error as ApiError).requestId).to.equal('req_fault');
    bank.fault('GET /v1/products', { times: 3, status: 502 });
    expect(await rejection(fenqi.products.list({ merchant: 'shop-2', scenario: 'retail', currency: 'CNY' }))).to.be.instanceOf(ServerError);
  });

  it('retries a network failure on GET and reports it plainly when it persists', async () => {
    bank.fault('GET /v1/products', { times: 1, network: true });
    await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    bank.fault('GET /v1/products', { times: 5, network: true });
    const error = await rejection(fenqi.products.list({ merchant: 'shop-3', scenario: 'retail', currency: 'CNY' }));
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as Error).message).to.match(/No response from http:\/\/bank\.test/);
  });

  it('backs off exponentially (0.3 s, 0.6 s) with full jitter between retries', async () => {
    /** The gaps between the three attempts of a GET the bank fails twice, with Math.random fixed. */
    const gaps = async (random: number) => {
      const sent: number[] = [];
      const timed = createTestBank();
      timed.fault('GET /v1/products', { times: 2, status: 503 });
      const client = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: (input, init) => (sent.push(performance.now()), timed.fetch(input, init)) });
      const realRandom = Math.random;
      Math.random = () => random;
      try {
        await client.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
      } finally {
        Math.random = realRandom;
      }
      expect(sent).to.have.lengthOf(3);
      return [sent[1]! - sent[0]!, sent[2]! - sent[1]!];
    };
    const [full1, full2] = await gaps(1); // the whole delay
    expect(full1).to.be.within(290, 550);
    expect(full2).to.be.within(590, 900);
    const [quarter1, quarter2] = await gaps(0.25); // a quarter of it
    expect(quarter1).to.be.within(70, 250);
    expect(quarter2).to.be.within(145, 400);
  });

  it('never retries a POST without an idempotency key that timed out: it may have happened (B44)', async () => {
    bank.fault('POST /v1/quotes', { times: 5, delayMs: 500 });
    const error = await rejection(fenqi.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '800.00', currency: 'CNY' } }));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(bank.requests.filter((request) => request.path === '/v1/quotes')).to.have.lengthOf(1);
  });

  it('times out slow answers with a typed error (B44)', async () => {
    bank.fault('GET /v1/products', { times: 5, delayMs: 500 });
    const error = await rejection(fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }));
    expect(error).to.be.instanceOf(TimeoutError);
  });

  it('turns a malformed answer into a clear contract error, not a crash', async () => {
    bank.fault('GET /v1/products', { times: 1, body: { object: 'list', data: [{ id: 42 }] } });
    const error = await rejection(fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).source).to.equal('response');
  });

  it("quotes the same numbers as the local offers", async () => {
    const quote = await fenqi.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
    const local = await fenqi.offersFor(parseMoney('4999.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' });
    const twelve = local.offers.find((offer) => offer.plan.id === 'plan_12m0000')!;
    expect(quote.plans[0]!.instalments.map((row) => row.payment.value)).to.deep.equal(twelve.schedule.instalments.map((row) => toDecimalString(row.payment)));
    expect(quote.plans[0]!.annualRate.percent).to.equal(twelve.annualRate.percent);
  });

  it('does not retry a POST without an idempotency key, and does with one', async () => {
    const request = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } } as const;
    bank.fault('POST /v1/quotes', { times: 1, status: 503 });
    expect(await rejection(fenqi.quotes.create(request))).to.be.instanceOf(ServerError);
    expect(bank.requests).to.have.lengthOf(1);
    expect(bank.requests[0]!.headers.get('idempotency-key')).to.equal(null);
    bank.fault('POST /v1/quotes', { times: 1, status: 503 });
    await fenqi.quotes.create(request, { idempotencyKey: 'quote-1' });
    expect(bank.requests).to.have.lengthOf(3);
  });

  it('retrieves an application with its client secret, ignoring fields it does not know', async () => {
    const application = await fenqi.applications.retrieve('app_00000007', 'cs_abc123_secret_xyz789');
    expect(application.status).to.equal('review');
    expect(application).not.to.have.property('futureField');
    expect(await rejection(fenqi.applications.retrieve('app_00000007', 'cs_other_secret_000000'))).to.be.instanceOf(PermissionError);
  });

  it('stops retrying when the total budget is spent', async () => {
    const impatient = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: bank.fetch, timeout: 100, totalTimeout: 300, maxRetries: 10 });
    bank.fault('GET /v1/products', { times: 20, delayMs: 1000 });
    const started = Date.now();
    expect(await rejection(impatient.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }))).to.be.instanceOf(TimeoutError);
    expect(Date.now() - started).to.be.below(900);
    expect(bank.requests.length).to.be.within(1, 3);
  });

  it('cancels with an AbortSignal', async () => {
    bank.fault('GET /v1/products', { times: 1, delayMs: 150 });
    const controller = new AbortController();
    const pending = fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }, { signal: controller.signal });
    controller.abort();
    expect(((await rejection(pending)) as Error).message).to.match(/cancelled/);
  });
});
