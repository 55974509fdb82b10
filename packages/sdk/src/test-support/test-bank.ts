import { getResponse, http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { buildSchedule, disclosedRate, parseMoney, toDecimalString } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import type { RateCard } from '../contract/rate-card.js';

/**
 * A small bank of the SDK's own, for the transport's edge cases a real bank never produces (a
 * malformed or broken-off body, a 304 to a request with no cached copy, a Cache-Control a test
 * chooses): msw handlers with counters and per-route faults. The SDK meets the real mock bank in
 * client/against-mock-bank.test.ts.
 */
export const BASE_URL = 'http://bank.test';

export const RATE_CARD: RateCard = {
  id: 'rc_shop1retail',
  object: 'rate_card',
  merchant: 'shop-1',
  scenario: 'retail',
  currency: 'CNY',
  market: 'CN',
  updatedAt: '2026-12-01T00:00:00Z',
  plans: [
    { id: 'plan_3m00000', termMonths: 3, method: 'flat-fee', annualRate: '0', monthlyFeeRate: '0', feeFinanced: false, subsidisedBy: 'merchant', minAmount: { value: '100.00', currency: 'CNY' }, maxAmount: { value: '50000.00', currency: 'CNY' }, rounding: 'half-up', residual: 'last' },
    { id: 'plan_12m0000', termMonths: 12, method: 'flat-fee', annualRate: '0', monthlyFeeRate: '0.006', feeFinanced: false, minAmount: { value: '600.00', currency: 'CNY' }, maxAmount: { value: '50000.00', currency: 'CNY' }, rounding: 'half-up', residual: 'last' },
    { id: 'plan_24m0000', termMonths: 24, method: 'annuity', annualRate: '0.129', monthlyFeeRate: '0', feeFinanced: false, minAmount: { value: '1000.00', currency: 'CNY' }, maxAmount: { value: '50000.00', currency: 'CNY' }, rounding: 'half-up', residual: 'last' },
  ],
};

/** A fault to inject on the next `times` requests of a route. */
export type Fault = { times: number } & ({ status: number; retryAfter?: string } | { network: true } | { delayMs: number } | { body: unknown });

export interface TestBank {
  readonly handlers: RequestHandler[];
  /** Requests seen, as "METHOD /path". */
  readonly requests: { method: string; path: string; headers: Headers; body: unknown }[];
  fault(route: string, fault: Fault): void;
  /** The Cache-Control the rate cards are served with (`max-age=0` unless a test sets it). */
  productsCacheControl: string;
  /** How many disbursements the bank has made (replays do not count). */
  disbursementCount(): number;
  /** A fetch that answers from the handlers only; anything unhandled fails the test (B51). */
  readonly fetch: typeof fetch;
}

export function createTestBank(): TestBank {
  const requests: TestBank['requests'] = [];
  const faults = new Map<string, Fault>();
  const applications = new Map<string, { body: string; response: unknown }>();
  const disbursements = new Map<string, { body: string; response: unknown }>();
  const now = '2026-12-03T10:00:00Z';

  /** Stores the first answer per idempotency key and replays it (IETF draft semantics). */
  async function idempotent(store: Map<string, { body: string; response: unknown }>, request: Request, create: (body: Record<string, unknown>) => unknown) {
    const key = request.headers.get('idempotency-key');
    if (!key) return HttpResponse.json({ type: 'https://fenqi.test/problems/idempotency-key-missing', title: 'Idempotency-Key required', status: 400 }, { status: 400 });
    const body = await request.text();
    const stored = store.get(key);
    if (stored) {
      if (stored.body !== body) {
        return HttpResponse.json({ type: 'https://fenqi.test/problems/idempotency-key-reused', title: 'Idempotency key reused with another request', status: 422 }, { status: 422 });
      }
      return HttpResponse.json(stored.response as Record<string, unknown>, { status: 201, headers: { 'idempotent-replayed': 'true' } });
    }
    const response = create(JSON.parse(body) as Record<string, unknown>);
    store.set(key, { body, response });
    return HttpResponse.json(response as Record<string, unknown>, { status: 201, headers: { 'x-request-id': 'req_created' } });
  }

  /** Applies a pending fault to this request, or returns undefined to answer normally. */
  async function injected(route: string): Promise<Response | undefined> {
    const fault = faults.get(route);
    if (!fault || fault.times <= 0) return undefined;
    fault.times -= 1;
    if ('network' in fault) return HttpResponse.error();
    if ('delayMs' in fault) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return undefined;
    }
    if ('body' in fault) return HttpResponse.json(fault.body as Record<string, unknown>, { headers: { 'x-request-id': 'req_fault' } });
    return HttpResponse.json(
      { type: 'https://fenqi.test/problems/fault', title: 'Injected fault', status: fault.status },
      { status: fault.status, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_fault', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) } },
    );
  }

  const handlers = [
    http.get(`${BASE_URL}/v1/products`, async ({ request }) => {
      const fault = await injected('GET /v1/products');
      if (fault) return fault;
      const etag = '"rc-v1"';
      if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers: { etag } });
      return HttpResponse.json({ object: 'list', data: [RATE_CARD] }, { headers: { etag, 'cache-control': bank.productsCacheControl, 'x-request-id': 'req_products' } });
    }),
    http.post(`${BASE_URL}/v1/applications`, async ({ request }) => {
      const fault = await injected('POST /v1/applications');
      if (fault) return fault;
      return idempotent(applications, request, () => ({
        id: `app_${String(applications.size + 1).padStart(8, '0')}`,
        object: 'application',
        sessionId: 'cs_00000001',
        planId: 'plan_12m0000',
        createdAt: now,
        status: 'declined',
        reasons: [{ code: 'affordability', message: 'The repayments would be too high for the stated income.' }],
      }));
    }),
    http.post(`${BASE_URL}/v1/quotes`, async ({ request }) => {
      const fault = await injected('POST /v1/quotes');
      if (fault) return fault;
      const body = (await request.json()) as { amount: { value: string; currency: string } };
      const plan = RATE_CARD.plans[1]!;
      const schedule = buildSchedule({ principal: parseMoney(body.amount.value, body.amount.currency), termMonths: plan.termMonths, method: plan.method, monthlyFeeRate: plan.monthlyFeeRate });
      const wire = (money: Money) => ({ value: toDecimalString(money), currency: money.currency });
      return HttpResponse.json(
        {
          id: 'quote_00000001',
          object: 'quote',
          amount: body.amount,
          scenario: 'retail',
          expiresAt: '2026-12-03T11:00:00Z',
          plans: [
            {
              planId: plan.id,
              termMonths: plan.termMonths,
              method: plan.method,
              instalments: schedule.instalments.map((row) => ({ number: row.number, payment: wire(row.payment), principal: wire(row.principal), interest: wire(row.interest), fee: wire(row.fee), balance: wire(row.balance) })),
              totals: Object.fromEntries(Object.entries(schedule.totals).map(([key, money]) => [key, wire(money)])),
              upfrontFee: wire(schedule.upfrontFee),
              annualRate: { ...disclosedRate(schedule.annualRates, 'CN'), value: undefined },
            },
          ],
        },
        { status: 201 },
      );
    }),
    http.get(`${BASE_URL}/v1/applications/:id`, ({ request, params }) => {
      if (request.headers.get('fenqi-client-secret') !== 'cs_abc123_secret_xyz789') {
        return HttpResponse.json({ type: 'https://fenqi.test/problems/forbidden', title: 'This client secret does not own the application', status: 403 }, { status: 403 });
      }
      return HttpResponse.json({ id: params['id'], object: 'application', sessionId: 'cs_00000001', planId: 'plan_12m0000', createdAt: now, status: 'review', futureField: 'ignored' });
    }),
    http.post(`${BASE_URL}/v1/checkout-sessions`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json(
        { id: 'cs_00000001', object: 'checkout_session', status: 'open', amount: body['amount'], orderId: body['orderId'], scenario: body['scenario'], merchant: body['merchant'], clientSecret: 'cs_00000001_secret_abcdef', createdAt: now, expiresAt: '2026-12-03T11:00:00Z' },
        { status: 201 },
      );
    }),
    http.post(`${BASE_URL}/v1/applications/:id/confirm`, async ({ request, params }) => {
      const fault = await injected('POST /v1/applications/confirm');
      if (fault) return fault;
      const body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ object: 'order_confirmation', applicationId: params['id'], orderId: body['orderId'], amount: body['amount'], loanId: 'loan_00000001', confirmedAt: now });
    }),
    http.post(`${BASE_URL}/v1/disbursements`, async ({ request }) => {
      const fault = await injected('POST /v1/disbursements');
      if (fault) return fault;
      return idempotent(disbursements, request, (body) => ({
        id: `dsb_${String(disbursements.size + 1).padStart(8, '0')}`,
        object: 'disbursement',
        loanId: body['loanId'],
        amount: body['amount'],
        status: 'succeeded',
        createdAt: now,
        updatedAt: now,
      }));
    }),
    http.get(`${BASE_URL}/v1/loans/:id`, () =>
      HttpResponse.json({ type: 'https://fenqi.test/problems/not-found', title: 'No such loan', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } }),
    ),
  ];

  const fetchFromHandlers: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push({ method: request.method, path: url.pathname, headers: request.headers, body: request.method === 'GET' ? undefined : await request.clone().text() });
    // Like a real fetch, give up as soon as the request's signal aborts.
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => reject(request.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      if (request.signal.aborted) abort();
      else request.signal.addEventListener('abort', abort, { once: true });
    });
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) throw new Error(`Unhandled request in a test: ${request.method} ${request.url}`);
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };

  // The handlers above read bank.productsCacheControl when a request comes, after this is set.
  const bank: TestBank = {
    handlers,
    requests,
    productsCacheControl: 'max-age=0',
    disbursementCount: () => disbursements.size,
    fault: (route, fault) => faults.set(route, { ...fault }),
    fetch: fetchFromHandlers,
  };
  return bank;
}
