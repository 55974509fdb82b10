import { expect } from 'chai';
import { createServerClient, FenqiError, NotFoundError, TimeoutError } from '../server.js';
import { BASE_URL, createTestBank } from '../test-support/test-bank.js';
import type { TestBank } from '../test-support/test-bank.js';
import { rejection } from '../test-support/fixtures.js';

const SECRET = 'sk_test_51HxExample';
const inBrowser = typeof document !== 'undefined';

describe('createServerClient', () => {
  let bank: TestBank;
  let server: ReturnType<typeof createServerClient>;
  beforeEach(() => {
    bank = createTestBank();
    server = createServerClient({ secretKey: SECRET, baseUrl: BASE_URL, fetch: bank.fetch, timeout: 200, totalTimeout: 2000, dangerouslyAllowBrowser: true });
  });

  it('refuses publishable keys and, in a browser, to run at all unless told to', () => {
    expect(() => createServerClient({ secretKey: 'pk_test_51HxExample', baseUrl: BASE_URL, dangerouslyAllowBrowser: true })).to.throw(/secretKey must look like/);
    if (inBrowser) expect(() => createServerClient({ secretKey: SECRET, baseUrl: BASE_URL })).to.throw(/must not run in a browser/);
  });

  it('fails fast on a test key against the live API, a live key against anything else, and a malformed key', () => {
    const allowed = { dangerouslyAllowBrowser: true } as const;
    expect(() => createServerClient({ ...allowed, secretKey: SECRET, baseUrl: 'https://api.fenqi.com' })).to.throw(/test key cannot be used against the live API/);
    expect(() => createServerClient({ ...allowed, secretKey: 'sk_live_51HxExample', baseUrl: BASE_URL })).to.throw(/live key cannot be used/);
    expect(() => createServerClient({ ...allowed, secretKey: 'sk_live_51HxExample' })).not.to.throw(); // the live API by default
    for (const key of ['', 'sk_123', 'sk_prod_12345678', undefined]) expect(() => createServerClient({ ...allowed, secretKey: key as string })).to.throw(/secretKey must look like/);
  });

  it('creates a checkout session whose amount the browser never chooses', async () => {
    const session = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-42', scenario: 'retail', merchant: 'shop-1' });
    expect(session.clientSecret).to.match(/^cs_\w+_secret_\w+$/);
    expect(session.amount).to.deep.equal({ value: '4999.00', currency: 'CNY' });
  });

  it('refuses a confirmation that names another amount or order', async () => {
    const order = { orderId: 'order-42', amount: { value: '4999.00', currency: 'CNY' } };
    expect((await server.applications.confirm('app_00000001', order)).loanId).to.equal('loan_00000001');
    bank.fault('POST /v1/applications/confirm', { times: 1, body: { object: 'order_confirmation', applicationId: 'app_00000001', orderId: 'order-42', amount: { value: '49.99', currency: 'CNY' }, loanId: 'loan_00000001', confirmedAt: '2026-12-03T10:00:00Z' } });
    const error = await rejection(server.applications.confirm('app_00000001', order));
    expect(error).to.be.instanceOf(FenqiError);
    expect((error as Error).message).to.match(/not order-42 for 4999\.00 CNY/);
  });

  it('never pays twice: a timed-out disbursement retried with its key is one payment (B42)', async () => {
    bank.fault('POST /v1/disbursements', { times: 1, delayMs: 400 });
    const request = { loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' } };
    const first = await server.disbursements.create(request, { idempotencyKey: 'order-42-disburse' });
    const again = await server.disbursements.create(request, { idempotencyKey: 'order-42-disburse' });
    expect(again).to.deep.equal(first);
    expect(bank.disbursementCount()).to.equal(1);
    expect(new Set(bank.requests.map((sent) => sent.headers.get('idempotency-key')))).to.deep.equal(new Set(['order-42-disburse']));
  });

  it('gives up with a TimeoutError when every attempt is slow, and the same key stays safe to retry', async () => {
    bank.fault('POST /v1/disbursements', { times: 3, delayMs: 400 });
    const request = { loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' } };
    expect(await rejection(server.disbursements.create(request, { idempotencyKey: 'k-1' }))).to.be.instanceOf(TimeoutError);
    await server.disbursements.create(request, { idempotencyKey: 'k-1' });
    expect(bank.disbursementCount()).to.equal(1);
  });

  it('maps a missing loan to NotFoundError', async () => {
    expect(await rejection(server.loans.retrieve('loan_99999999'))).to.be.instanceOf(NotFoundError);
  });
});
