import { expect } from 'chai';
import { parseMoney } from '@fenqi/core';
import { AuthenticationError, createClient, IdempotencyError, isApiError, offersFromRateCard, PermissionError, Problem } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { createMockBank } from './create-mock-bank.js';
import { PROBLEM_BASE } from '../http/problem-response.js';
import { bankWithClients, CONSENT, GOOD_APPLICANT, PUBLISHABLE_KEY, raw, rejection, SECRET_KEY } from '../test-support/bank-clients.js';

const QUOTE = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } } as const;
const json = { 'content-type': 'application/json' };

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).to.equal('application/problem+json');
  const parsed = Problem.safeParse(await response.json());
  expect(parsed.success, 'a problem-details body').to.equal(true);
  return parsed.data!;
}


describe('createMockBank: the contract over HTTP semantics', () => {
  describe('products and quotes', () => {
    it('lists the rate card of a merchant, scenario and currency, and answers 304 to a matching If-None-Match', async () => {
      const { bank } = bankWithClients();
      const first = await raw(bank, 'GET', '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', { key: PUBLISHABLE_KEY });
      expect(first.status).to.equal(200);
      const list = (await first.json()) as { data: { merchant: string; currency: string }[] };
      expect(list.data).to.have.length(1);
      expect(list.data[0]).to.include({ merchant: 'shop-1', currency: 'CNY' });
      const etag = first.headers.get('etag')!;
      expect(first.headers.get('cache-control')).to.match(/max-age=\d+/);
      const again = await raw(bank, 'GET', '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', { key: PUBLISHABLE_KEY, headers: { 'if-none-match': etag } });
      expect(again.status).to.equal(304);
    });

    it('costs one request for ten placements (the SDK cache against the real handlers)', async () => {
      const { bank, browser } = bankWithClients();
      const amounts = ['100.00', '499.00', '4999.00', '12000.00', '30000.00', '600.00', '601.00', '999.99', '1200.00', '50000.00'];
      const results = await Promise.all(amounts.map((value) => browser.offersFor(parseMoney(value, 'CNY'), { merchant: 'shop-1', scenario: 'retail' })));
      expect(results.every((result) => result.offers.length > 0)).to.equal(true);
      expect(bank.requests.filter((entry) => entry.operationId === 'listProducts')).to.have.length(1);
    });

    it('answers an empty list for a currency without plans', async () => {
      const { browser } = bankWithClients();
      const { data } = await browser.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'KWD' });
      expect(data).to.deep.equal([]);
    });

    it("quotes the same numbers the SDK computes locally from the rate card (the widget's numbers)", async () => {
      const { browser } = bankWithClients();
      const quote = await browser.quotes.create(QUOTE);
      const { data } = await browser.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
      const local = offersFromRateCard(data[0]!, parseMoney('4999.00', 'CNY'));
      expect(quote.plans.map((plan) => plan.planId).sort()).to.deep.equal(local.offers.map((offer) => offer.plan.id).sort());
      for (const offer of local.offers) {
        const quoted = quote.plans.find((plan) => plan.planId === offer.plan.id)!;
        expect(quoted.instalments.map((row) => row.payment.value)).to.deep.equal(offer.schedule.instalments.map((row) => (Number(row.payment.minor) / 100).toFixed(2)));
        expect(quoted.annualRate.percent).to.equal(offer.annualRate.percent);
      }
    });

    it('sends a repeated quote with the same plans, text identical apart from id and expiry', async () => {
      const { bank } = bankWithClients();
      const quote = async () => JSON.parse(await (await raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body: JSON.stringify(QUOTE) })).text()) as { id: string; plans: unknown[]; amount: unknown; expiresAt: string };
      const [first, second] = [await quote(), await quote()];
      expect(first.id).to.not.equal(second.id);
      expect(second.plans).to.deep.equal(first.plans);
      expect(Object.keys(first)).to.deep.equal(['id', 'object', 'amount', 'scenario', 'plans', 'expiresAt']);
      expect(first.amount).to.deep.equal(QUOTE.amount);
    });

    it('refuses an amount no plan covers, naming the range, and an unknown plan id by its pointer', async () => {
      const { bank } = bankWithClients();
      const low = await raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body: JSON.stringify({ ...QUOTE, amount: { value: '99.99', currency: 'CNY' } }) });
      expect(low.status).to.equal(422);
      const problem = await problemOf(low);
      expect(problem.type).to.equal(`${PROBLEM_BASE}amount-out-of-range`);
      expect(problem.errors).to.deep.equal([{ pointer: '#/amount/value', detail: 'No plan covers this amount: plans run from 100.00 to 50000.00 CNY.' }]);

      const unknown = await raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body: JSON.stringify({ ...QUOTE, planIds: ['plan_retailCNY12m', 'plan_nope0000'] }) });
      expect((await problemOf(unknown)).errors?.[0]?.pointer).to.equal('#/planIds/1');
    });

    it('answers a quote at exactly the minimum and maximum, and refuses one minor unit beyond', async () => {
      const { bank } = bankWithClients();
      const quote = (value: string) => raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body: JSON.stringify({ ...QUOTE, amount: { value, currency: 'CNY' } }) });
      expect((await quote('100.00')).status).to.equal(201);
      expect((await quote('50000.00')).status).to.equal(201);
      expect((await quote('50000.01')).status).to.equal(422);
    });

    it('refuses a currency the scenario is not offered in, at the currency', async () => {
      const { bank } = bankWithClients();
      const response = await raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body: JSON.stringify({ ...QUOTE, amount: { value: '4999.000', currency: 'KWD' } }) });
      const problem = await problemOf(response);
      expect(problem.type).to.equal(`${PROBLEM_BASE}unsupported-currency`);
      expect(problem.errors?.[0]?.pointer).to.equal('#/amount/currency');
    });
  });

  describe('bad requests get typed problems, never a crash', () => {
    it('422 with a JSON pointer for every invalid field and every unknown key', async () => {
      const { bank } = bankWithClients();
      const body = JSON.stringify({ merchant: '', scenario: 'groceries', amount: { value: '49.999', currency: 'CNY' }, extra: 1, ['__proto__']: { admin: true } });
      const response = await raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers: json, body });
      expect(response.status).to.equal(422);
      const pointers = (await problemOf(response)).errors!.map((error) => error.pointer).sort();
      expect(pointers).to.deep.equal(['#/__proto__', '#/amount/value', '#/extra', '#/merchant', '#/scenario']);
    });

    it('400 for malformed or empty JSON, 415 for another content type, 413 over the size limit', async () => {
      const bank = createMockBank({ maxBodyBytes: 1024 });
      const post = (body: string, headers: Record<string, string> = json) => raw(bank, 'POST', '/v1/quotes', { key: PUBLISHABLE_KEY, headers, body });
      expect((await problemOf(await post('{"merchant":'))).status).to.equal(400);
      expect((await problemOf(await post(''))).status).to.equal(400);
      expect((await problemOf(await post(JSON.stringify(QUOTE), { 'content-type': 'text/plain' }))).status).to.equal(415);
      expect((await problemOf(await post(JSON.stringify(QUOTE), {}))).status).to.equal(415);
      expect((await problemOf(await post(JSON.stringify({ ...QUOTE, merchant: 'x'.repeat(2000) })))).status).to.equal(413);
      expect((await post(JSON.stringify(QUOTE), { 'content-type': 'application/json; charset=utf-8' })).status).to.equal(201);
    });

    it('401 without a key, with a malformed key or a live key; 403 for a publishable key on a secret operation', async () => {
      const bank = createMockBank();
      const status = async (key: string | null, path = '/v1/loans/loan_00000001') => (await problemOf(await raw(bank, 'GET', path, { key }))).status;
      expect(await status(null)).to.equal(401);
      expect(await status('sk_test_short')).to.equal(401);
      expect(await status('sk_live_1234567890')).to.equal(401);
      expect(await status(PUBLISHABLE_KEY)).to.equal(403);
      expect(await status(SECRET_KEY)).to.equal(404);
    });

    it('a disbursement: 400 without an Idempotency-Key, 403 for a publishable key with or without one, before the loan is looked up', async () => {
      const bank = createMockBank();
      const disburse = (key: string, idempotencyKey?: string) =>
        raw(bank, 'POST', '/v1/disbursements', { key, headers: { ...json, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, body: JSON.stringify({ loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' } }) });
      const outcome = async (response: Response) => {
        const problem = await problemOf(response);
        return [response.status, problem.status, problem.type];
      };
      expect(await outcome(await disburse(SECRET_KEY))).to.deep.equal([400, 400, `${PROBLEM_BASE}idempotency-key-missing`]);
      expect(await outcome(await disburse(PUBLISHABLE_KEY))).to.deep.equal([403, 403, `${PROBLEM_BASE}secret-key-required`]);
      expect(await outcome(await disburse(PUBLISHABLE_KEY, 'disburse-order-1'))).to.deep.equal([403, 403, `${PROBLEM_BASE}secret-key-required`]);
      // With the key the same request gets past both checks, to the unknown loan.
      expect(await outcome(await disburse(SECRET_KEY, 'disburse-order-1'))).to.deep.equal([404, 404, `${PROBLEM_BASE}not-found`]);
      expect(bank.state.disbursements.size).to.equal(0);
    });

    it('an application with a client secret no session has: 403 invalid-client-secret at #/clientSecret, nothing created', async () => {
      const bank = createMockBank();
      const created = await raw(bank, 'POST', '/v1/checkout-sessions', { headers: { ...json, 'idempotency-key': 'session-1' }, body: JSON.stringify({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' }) });
      const { id, clientSecret } = (await created.json()) as { id: string; clientSecret: string };
      const apply = (secret: string, idempotencyKey: string) =>
        raw(bank, 'POST', '/v1/applications', { key: PUBLISHABLE_KEY, headers: { ...json, 'idempotency-key': idempotencyKey }, body: JSON.stringify({ clientSecret: secret, planId: 'plan_retailCNY12m', applicant: GOOD_APPLICANT, consent: CONSENT }) });
      // Well formed, and naming the real session: only the secret part is wrong.
      const forged = `${id}_secret_${'x'.repeat(24)}`;
      expect(forged).to.not.equal(clientSecret);
      const refused = await apply(forged, 'apply-1');
      expect(refused.status).to.equal(403);
      const problem = await problemOf(refused);
      expect([problem.status, problem.type]).to.deep.equal([403, `${PROBLEM_BASE}invalid-client-secret`]);
      expect(problem.errors).to.deep.equal([{ pointer: '#/clientSecret', detail: 'Unknown client secret.' }]);
      expect(bank.state.applications.size).to.equal(0);
      // The same body with the session's own secret is accepted.
      expect((await apply(clientSecret, 'apply-2')).status).to.equal(201);
    });

    it('accepts only the configured keys when keys are configured', async () => {
      const bank = createMockBank({ apiKeys: { secret: [SECRET_KEY] } });
      expect((await raw(bank, 'GET', '/v1/loans/loan_00000001', { key: 'sk_test_someoneelse1' })).status).to.equal(401);
      expect((await raw(bank, 'GET', '/v1/loans/loan_00000001')).status).to.equal(404);
    });

    it('405 with Allow for a known path and another method; 501 "not mocked" for an unknown route', async () => {
      const bank = createMockBank();
      const wrongMethod = await raw(bank, 'DELETE', '/v1/loans/loan_00000001');
      expect(wrongMethod.status).to.equal(405);
      expect(wrongMethod.headers.get('allow')).to.equal('GET');
      const unknown = await raw(bank, 'GET', '/v1/refunds');
      const problem = await problemOf(unknown);
      expect(problem.status).to.equal(501);
      expect(problem.detail).to.contain('GET /v1/refunds');
    });

    it('gives every answer a request id and the mock version, problems included', async () => {
      const bank = createMockBank();
      const response = await raw(bank, 'GET', '/v1/nothing');
      const problem = await problemOf(response);
      expect(response.headers.get('x-request-id')).to.match(/^req_\d{8}$/);
      expect(problem.requestId).to.equal(response.headers.get('x-request-id'));
      expect(response.headers.get('fenqi-mock-version')).to.match(/^\d+\.\d+\.\d+/);
    });

    it('turns the SDK error classes into the right answers', async () => {
      const { bank } = bankWithClients();
      const stranger = createServerClient({ secretKey: 'sk_test_notallowed1', baseUrl: bank.baseUrl, fetch: bank.fetch, dangerouslyAllowBrowser: true });
      const restricted = createMockBank({ apiKeys: { secret: [SECRET_KEY] } });
      const refused = createServerClient({ secretKey: 'sk_test_notallowed1', baseUrl: restricted.baseUrl, fetch: restricted.fetch, dangerouslyAllowBrowser: true });
      expect(await rejection(refused.loans.retrieve('loan_00000001'))).to.be.instanceOf(AuthenticationError);
      expect(await rejection(stranger.loans.retrieve('loan_00000001'))).to.satisfy(isApiError);
      const browser = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch });
      expect(await rejection(browser.applications.retrieve('app_00000001', 'cs_00000001_secret_abcdef'))).to.be.instanceOf(PermissionError);
    });
  });

  describe('idempotency (IETF draft)', () => {
    const session = { amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' } as const;
    const post = (bank: ReturnType<typeof createMockBank>, key: string | undefined, body: unknown) =>
      raw(bank, 'POST', '/v1/checkout-sessions', { headers: { ...json, ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });

    it('replays the stored answer for the same key and body, with Idempotent-Replayed, creating nothing new', async () => {
      const bank = createMockBank();
      const first = await post(bank, 'key-1', session);
      const again = await post(bank, 'key-1', { merchant: 'shop-1', scenario: 'retail', orderId: 'order-1', amount: { currency: 'CNY', value: '4999.00' } });
      expect(first.status).to.equal(201);
      expect(again.status).to.equal(201);
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      expect(await again.json()).to.deep.equal(await first.json());
      expect(bank.state.sessions.size).to.equal(1);
    });

    it('422 for the same key with another body; 400 without a key where one is required', async () => {
      const bank = createMockBank();
      await post(bank, 'key-1', session);
      const reused = await problemOf(await post(bank, 'key-1', { ...session, orderId: 'order-2' }));
      expect([reused.status, reused.type]).to.deep.equal([422, `${PROBLEM_BASE}idempotency-key-reused`]);
      const missing = await problemOf(await post(bank, undefined, session));
      expect([missing.status, missing.type]).to.deep.equal([400, `${PROBLEM_BASE}idempotency-key-missing`]);
    });

    it('409 while the first request with the key is still running', async () => {
      const bank = createMockBank({ faults: [{ route: 'createCheckoutSession', times: 1, latencyMs: 50 }] });
      const slow = post(bank, 'key-1', session);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const concurrent = await problemOf(await post(bank, 'key-1', session));
      expect([concurrent.status, concurrent.type]).to.deep.equal([409, `${PROBLEM_BASE}idempotency-request-in-flight`]);
      expect((await slow).status).to.equal(201);
      expect((await post(bank, 'key-1', session)).headers.get('idempotent-replayed')).to.equal('true');
    });

    it('keys are scoped to the API key: another partner reusing a key does not see the answer', async () => {
      const bank = createMockBank();
      await post(bank, 'key-1', session);
      const other = await raw(bank, 'POST', '/v1/checkout-sessions', { key: 'sk_test_otherpartner1', headers: { ...json, 'idempotency-key': 'key-1' }, body: JSON.stringify({ ...session, merchant: 'shop-2' }) });
      expect(other.status).to.equal(201);
      expect(other.headers.get('idempotent-replayed')).to.equal(null);
    });

    it('maps to the SDK IdempotencyError', async () => {
      const { bank, server } = bankWithClients();
      await server.checkoutSessions.create(session, { idempotencyKey: 'key-1' });
      expect(await rejection(server.checkoutSessions.create({ ...session, orderId: 'order-2' }, { idempotencyKey: 'key-1' }))).to.be.instanceOf(IdempotencyError);
      expect(bank.state.sessions.size).to.equal(1);
    });
  });

  describe('faults', () => {
    it('fails twice, then succeeds: the SDK retries a GET through injected 503s', async () => {
      const { bank } = bankWithClients();
      bank.faults.add({ route: 'listProducts', times: 2, status: 503, retryAfter: 0 });
      const retrying = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 2 });
      const { data } = await retrying.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
      expect(data).to.have.length(1);
      expect(bank.requests.map((entry) => entry.status)).to.deep.equal([503, 503, 200]);
    });

    it('reads faults from the Fenqi-Mock-Fault header, counted per logical request', async () => {
      const bank = createMockBank();
      const get = (fault: string) => raw(bank, 'GET', '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', { key: PUBLISHABLE_KEY, headers: { 'fenqi-mock-fault': fault } });
      expect((await get('429:3*1')).headers.get('retry-after')).to.equal('3');
      expect((await get('429:3*1')).status).to.equal(200);
      expect((await problemOf(await get('teapot'))).status).to.equal(400);
      const dropped = await rejection(get('network'));
      expect(dropped).to.be.instanceOf(TypeError);
    });

    it('frees a hang when the client gives up', async () => {
      const bank = createMockBank({ faults: [{ route: 'listProducts', hang: true }] });
      const request = bank.fetch(`${bank.baseUrl}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: `Bearer ${PUBLISHABLE_KEY}` }, signal: AbortSignal.timeout(30) });
      expect(await rejection(request)).to.have.property('name', 'TimeoutError');
      // The bank finishes the abandoned request instead of holding it for ever.
      for (let wait = 0; bank.requests.length === 0 && wait < 50; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(bank.requests).to.have.length(1);
    });

    it('refuses a fault rule that makes no sense, where it is written', () => {
      const bank = createMockBank();
      expect(() => bank.faults.add({ route: 'createQuote', status: 200 })).to.throw(RangeError, /400 to 599/);
      expect(() => bank.faults.add({ route: 'createQuote', times: 0, status: 500 })).to.throw(RangeError, /times/);
      expect(() => bank.faults.add({ route: 'createQuote', latencyMs: [300, 100] })).to.throw(RangeError, /latency/);
    });
  });

  it('refuses to move the clock past the last date a timestamp can hold, and keeps answering', async () => {
    const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
    expect(() => bank.clock.advance({ days: 100_000_000 })).to.throw(RangeError, /last date/);
    expect(() => bank.clock.advance(1e308)).to.throw(RangeError);
    expect(bank.clock.iso()).to.equal('2026-12-03T10:00:00.000Z');
    expect((await raw(bank, 'GET', '/v1/products?merchant=shop-1&scenario=retail&currency=CNY', { key: PUBLISHABLE_KEY })).status).to.equal(200);
  });

  it('writes amounts back with the currency decimals, whatever form they were sent in', async () => {
    const { server, browser } = bankWithClients();
    const session = await server.checkoutSessions.create({ amount: { value: '1000.5', currency: 'CNY' }, orderId: 'o-1', scenario: 'retail', merchant: 'shop-1' });
    expect(session.amount).to.deep.equal({ value: '1000.50', currency: 'CNY' });
    const quote = await browser.quotes.create({ ...QUOTE, amount: { value: '500', currency: 'CNY' } });
    expect(quote.amount).to.deep.equal({ value: '500.00', currency: 'CNY' });
  });

  it('reset() forgets state, ids, keys and faults, and restarts ids', async () => {
    const bank = createMockBank({ faults: [{ route: 'createQuote', every: 1000, status: 500 }] });
    bank.faults.add({ route: '*', status: 500 });
    const created = await raw(bank, 'POST', '/v1/checkout-sessions', { headers: { ...json, 'idempotency-key': 'k' }, body: JSON.stringify({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'o', scenario: 'retail', merchant: 'shop-1' }) });
    expect(created.status).to.equal(500);
    bank.reset();
    expect(bank.faults.list()).to.have.length(1);
    const again = await raw(bank, 'POST', '/v1/checkout-sessions', { headers: { ...json, 'idempotency-key': 'k' }, body: JSON.stringify({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'o', scenario: 'retail', merchant: 'shop-1' }) });
    expect(((await again.json()) as { id: string }).id).to.equal('cs_00000001');
    expect(bank.requests).to.have.length(1);
  });
});
