import { parseMoney } from '@fenqi/core';
import { expect } from 'chai';
import { createClient, FenqiError, isFenqiError, NetworkError, RateLimitError, ServerError, signWebhook, TimeoutError, ValidationError, verifyWebhook } from '../index.js';
import { createServerClient } from '../server.js';
import { BASE_URL, createTestBank, RATE_CARD } from '../test-support/test-bank.js';
import { rejection } from '../test-support/fixtures.js';

// Regression tests for what a review found by trying to break the clients.
const KEY = 'pk_test_51HxExample';
const SECRET = 'sk_test_51HxExample';
const QUERY = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' } as const;
const LIST = JSON.stringify({ object: 'list', data: [RATE_CARD] });

/** A fetch that answers each call with the next of `answers` (the last one repeats). */
function scripted(...answers: (() => Response)[]): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    return answers[Math.min(calls.length, answers.length) - 1]!();
  }) as typeof fetch & { calls: string[] };
  fetcher.calls = calls;
  return fetcher;
}

/** A 200 whose body sends `prefix` and then stalls, or breaks off when `breakOff`. */
function partialBody(prefix: string, breakOff: boolean): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(prefix));
        if (breakOff) controller.error(new TypeError('terminated'));
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );
}

const problem = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

describe('clients: hardened against hostile answers and input', () => {
  it('times out a body that stalls after the headers', async () => {
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => partialBody('{"object":"li', false)), timeout: 100, totalTimeout: 300, maxRetries: 0 });
    expect(await rejection(fenqi.products.list(QUERY))).to.be.instanceOf(TimeoutError);
  });

  it('retries a GET whose body breaks off, and names a persistent break a NetworkError', async () => {
    const once = scripted(() => partialBody('{"obj', true), () => new Response(LIST, { status: 200 }));
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: once, maxRetries: 2 });
    expect((await fenqi.products.list(QUERY)).data).to.have.lengthOf(1);
    expect(once.calls).to.have.lengthOf(2);
    const always = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => partialBody('{"obj', true)), maxRetries: 1 });
    expect(await rejection(always.products.list(QUERY))).to.be.instanceOf(NetworkError);
  });

  it('never lets "." or ".." ids reach another endpoint, and checks the client secret', async () => {
    const bank = createTestBank();
    const server = createServerClient({ secretKey: SECRET, baseUrl: BASE_URL, fetch: bank.fetch, dangerouslyAllowBrowser: true });
    for (const id of ['.', '..', '', 'a/b', 'loan 1']) {
      expect(await rejection(server.loans.retrieve(id)), id).to.be.instanceOf(ValidationError);
      expect(await rejection(server.applications.confirm(id, { orderId: 'o-1', amount: { value: '1.00', currency: 'CNY' } })), id).to.be.instanceOf(ValidationError);
    }
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: bank.fetch });
    expect(await rejection(fenqi.applications.retrieve('app_00000001', 'anything at all'))).to.be.instanceOf(ValidationError);
    expect(bank.requests).to.have.lengthOf(0);
  });

  it('recognises the live API however its URL is written', () => {
    for (const url of ['https://API.fenqi.com', 'HTTPS://api.fenqi.com', 'https://api.fenqi.com:443/', 'https://api.fenqi.com/.', 'https://api.fenqi.com/v1/..']) {
      expect(() => createClient({ publishableKey: KEY, baseUrl: url }), url).to.throw(/test key cannot be used against the live API/);
    }
    expect(() => createClient({ publishableKey: 'pk_live_51HxExample', baseUrl: 'https://API.FENQI.COM:443' })).not.to.throw();
    expect(() => createClient({ publishableKey: KEY, baseUrl: 'https://user@sandbox.fenqi.com' })).to.throw(/credentials/);
  });

  it("lets one caller's abort fail only that caller of a shared rate-card request", async () => {
    const bank = createTestBank();
    bank.fault('GET /v1/products', { times: 1, delayMs: 100 });
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: bank.fetch });
    const controller = new AbortController();
    const first = fenqi.products.list(QUERY, { signal: controller.signal });
    const second = fenqi.products.list(QUERY);
    controller.abort();
    expect(((await rejection(first)) as Error).message).to.match(/cancelled/);
    expect((await second).data).to.have.lengthOf(1);
    expect(bank.requests).to.have.lengthOf(1);
  });

  it('reports a Retry-After longer than the time budget at once, with the wait', async () => {
    const fetcher = scripted(problem(429, { type: 'about:blank', title: 'Slow down', status: 429 }, { 'retry-after': '1000000000' }));
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: fetcher, totalTimeout: 3000 });
    const started = Date.now();
    const error = await rejection(fenqi.products.list(QUERY));
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).to.equal(1_000_000_000);
    expect(Date.now() - started).to.be.below(1000);
    const odd = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(problem(429, { type: 'about:blank', title: 'Slow down', status: 429 }, { 'retry-after': '-5' })), maxRetries: 0 });
    expect(((await rejection(odd.products.list(QUERY))) as RateLimitError).retryAfter).to.equal(undefined);
  });

  it('takes the error class and status from HTTP, not from the body', async () => {
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(problem(503, { type: 'x', title: 'Down', status: 400 })), maxRetries: 0 });
    const error = await rejection(fenqi.products.list(QUERY));
    expect(error).to.be.instanceOf(ServerError);
    expect((error as ServerError).status).to.equal(503);
  });

  it('treats a 304 without a cached copy and a 301 as broken answers, not data', async () => {
    const notModified = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => new Response(null, { status: 304 })) });
    expect(await rejection(notModified.products.list(QUERY))).to.be.instanceOf(ValidationError);
    const moved = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => new Response(null, { status: 301 })), maxRetries: 0 });
    expect(await rejection(moved.products.list(QUERY))).to.be.instanceOf(ValidationError);
  });

  it('accepts a confirmation that writes the same amount differently', async () => {
    const bank = createTestBank();
    bank.fault('POST /v1/applications/confirm', { times: 1, body: { object: 'order_confirmation', applicationId: 'app_00000001', orderId: 'order-42', amount: { value: '4999.00', currency: 'CNY' }, loanId: 'loan_00000001', confirmedAt: '2026-12-03T10:00:00Z' } });
    const server = createServerClient({ secretKey: SECRET, baseUrl: BASE_URL, fetch: bank.fetch, dangerouslyAllowBrowser: true });
    expect((await server.applications.confirm('app_00000001', { orderId: 'order-42', amount: { value: '4999', currency: 'CNY' } })).loanId).to.equal('loan_00000001');
  });

  it('refuses rate cards whose plan amounts are in another currency, and wraps plans core cannot compute', async () => {
    const plans = [{ ...RATE_CARD.plans[0]!, minAmount: { value: '100', currency: 'JPY' } }];
    const foreign = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => new Response(JSON.stringify({ object: 'list', data: [{ ...RATE_CARD, plans }] }))) });
    expect(await rejection(foreign.offersFor(parseMoney('1.50', 'CNY'), { merchant: 'shop-1', scenario: 'retail' }))).to.be.instanceOf(ValidationError);
    const absurd = [{ ...RATE_CARD.plans[2]!, annualRate: '999.999999999999', termMonths: 600 }];
    const broken = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: scripted(() => new Response(JSON.stringify({ object: 'list', data: [{ ...RATE_CARD, plans: absurd }] }))) });
    const error = await rejection(broken.offersFor(parseMoney('4999.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' }));
    expect(isFenqiError(error)).to.equal(true);
  });

  it('refuses bad options at creation with a FenqiError', () => {
    expect(() => createClient({ publishableKey: KEY, baseUrl: BASE_URL, locale: 'zh-CN\r\nX-Evil: 1' })).to.throw(FenqiError, /locale/);
    expect(() => createClient(undefined as never)).to.throw(FenqiError);
    expect(() => createServerClient(null as never)).to.throw(FenqiError);
  });

  it('never answers an invalid query from the cache, and hands out a frozen copy', async () => {
    const bank = createTestBank();
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: bank.fetch });
    const list = await fenqi.products.list(QUERY);
    expect(await rejection(fenqi.products.list({ ...QUERY, extra: 'x' } as never))).to.be.instanceOf(ValidationError);
    expect(Object.isFrozen(list.data[0]!.plans)).to.equal(true);
  });

  it('says plainly that a cross-origin network failure may be a CORS rejection (in a browser)', async function () {
    if (typeof location === 'undefined') return this.skip();
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const fenqi = createClient({ publishableKey: KEY, baseUrl: BASE_URL, fetch: refused, maxRetries: 0 });
    const error = await rejection(fenqi.products.list(QUERY));
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as Error).message).to.contain("may not allow this page's origin").and.to.contain('CORS');
  });

  it('reads webhook headers whatever their case', async () => {
    const body = JSON.stringify({ id: 'evt_00000001', object: 'event', createdAt: '2026-12-03T10:00:00Z', type: 'repayment.due', data: { loanId: 'loan_00000001', instalment: 1, dueDate: '2027-01-03', amount: { value: '446.57', currency: 'CNY' } } });
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const now = Date.parse('2026-12-03T10:00:00Z');
    const signed = await signWebhook({ id: 'evt_00000001', timestamp: now / 1000, body, secret });
    const shouting = Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toUpperCase(), value]));
    expect((await verifyWebhook(body, shouting, secret, { now })).type).to.equal('repayment.due');
    expect(((await rejection(verifyWebhook(body, null as never, secret, { now }))) as { code: string }).code).to.equal('missing-header');
  });
});
