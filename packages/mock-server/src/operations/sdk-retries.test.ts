import { expect } from 'chai';
import { createClient, isTimeoutError, NetworkError, RateLimitError, ServerError } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { PUBLISHABLE_KEY, SECRET_KEY, bankWithClients, CONSENT, GOOD_APPLICANT, rejection } from '../test-support/bank-clients.js';


/** A confirmed loan, ready to be disbursed. */
async function confirmedLoan(clients: ReturnType<typeof bankWithClients>) {
  const { server, browser } = clients;
  const session = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' });
  const application = await browser.applications.create({ clientSecret: session.clientSecret!, planId: 'plan_retailCNY12m', applicant: GOOD_APPLICANT, consent: CONSENT });
  return server.applications.confirm(application.id, { orderId: 'order-1', amount: session.amount });
}

const QUERY = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' } as const;

describe('the SDK retry policy against the mock bank', () => {
  it('B42: a disbursement slower than the client timeout is retried with the same key and pays once', async () => {
    const clients = bankWithClients();
    const loan = await confirmedLoan(clients);
    const { bank } = clients;
    bank.faults.add({ route: 'createDisbursement', times: 1, latencyMs: 300 });
    const patient = createServerClient({ secretKey: SECRET_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, timeout: 100, maxRetries: 3, dangerouslyAllowBrowser: true });
    const disbursement = await patient.disbursements.create({ loanId: loan.loanId, amount: loan.amount }, { idempotencyKey: 'disburse-order-1' });
    const attempts = bank.requests.filter((entry) => entry.operationId === 'createDisbursement');
    // The first attempt timed out; its abort ended the bank's wait, the work was done and stored,
    // and the retry with the same key got the stored answer.
    expect(attempts.length).to.be.greaterThan(1);
    expect(attempts.at(-1)!.replayed).to.equal(true);
    expect(bank.state.disbursements.size).to.equal(1);
    expect(disbursement.id).to.equal([...bank.state.disbursements.keys()][0]);
  });

  it('B42: while a bank still works on a timed-out disbursement, retries meet 409 and wait it out (Retry-After): one payment, no error', async () => {
    const clients = bankWithClients();
    const loan = await confirmedLoan(clients);
    const { bank } = clients;
    bank.faults.add({ route: 'createDisbursement', times: 1, latencyMs: 1200 });
    // A bank that does not stop when the client gives up: the attempt's abort ends only the wait here.
    const stubborn: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const { signal } = request;
      const answer = bank.fetch(new Request(request, { signal: null }));
      return new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        answer.then(resolve, reject);
      });
    };
    const server = createServerClient({ secretKey: SECRET_KEY, baseUrl: bank.baseUrl, fetch: stubborn, timeout: 300, totalTimeout: 10_000, maxRetries: 4, dangerouslyAllowBrowser: true });
    const disbursement = await server.disbursements.create({ loanId: loan.loanId, amount: loan.amount }, { idempotencyKey: 'disburse-order-1' });
    const attempts = bank.requests.filter((entry) => entry.operationId === 'createDisbursement');
    expect(attempts.map((entry) => entry.status)).to.include(409);
    expect(attempts.at(-1)!.replayed).to.equal(true);
    expect(bank.state.disbursements.size).to.equal(1);
    expect(disbursement.id).to.equal([...bank.state.disbursements.keys()][0]);
  });

  it('a 409 that is a conflict of state (no Retry-After) is final: no retry', async () => {
    const clients = bankWithClients();
    const loan = await confirmedLoan(clients);
    const { bank, server } = clients;
    await server.disbursements.create({ loanId: loan.loanId, amount: loan.amount }, { idempotencyKey: 'disburse-1' });
    const error = await rejection(server.disbursements.create({ loanId: loan.loanId, amount: loan.amount }, { idempotencyKey: 'disburse-2' }));
    expect((error as { status?: number }).status).to.equal(409);
    expect(bank.requests.filter((entry) => entry.operationId === 'createDisbursement')).to.have.length(2);
  });

  it('B44: a hanging GET is retried after each timeout and ends in a typed TimeoutError', async () => {
    const { bank } = bankWithClients();
    bank.faults.add({ route: 'listProducts', hang: true });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, timeout: 50, maxRetries: 2 });
    const error = await rejection(client.products.list(QUERY));
    expect(isTimeoutError(error)).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bank.requests.filter((entry) => entry.operationId === 'listProducts')).to.have.length(3);
  });

  it('B44: a POST without an idempotency key is never retried (a quote)', async () => {
    const { bank } = bankWithClients();
    bank.faults.add({ route: 'createQuote', status: 503 });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 3 });
    expect(await rejection(client.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } }))).to.be.instanceOf(ServerError);
    expect(bank.requests).to.have.length(1);
  });

  it('honours Retry-After from a 429, then succeeds', async () => {
    const { bank } = bankWithClients();
    bank.faults.add({ route: 'listProducts', times: 1, status: 429, retryAfter: 1 });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 1 });
    const started = Date.now();
    await client.products.list(QUERY);
    expect(Date.now() - started).to.be.at.least(900);
    expect(bank.requests.map((entry) => entry.status)).to.deep.equal([429, 200]);
  });

  it('gives up with RateLimitError (and its retryAfter) when the wait would pass the total budget', async () => {
    const { bank } = bankWithClients();
    bank.faults.add({ route: 'listProducts', status: 429, retryAfter: 120 });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 2, totalTimeout: 5000 });
    const error = await rejection(client.products.list(QUERY));
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).to.equal(120);
    expect(bank.requests).to.have.length(1);
  });

  it('retries a dropped connection for a GET and reports NetworkError when it keeps dropping', async () => {
    const { bank } = bankWithClients();
    bank.faults.add({ route: 'listProducts', times: 1, network: true });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 1 });
    expect((await client.products.list(QUERY)).data).to.have.length(1);
    bank.faults.add({ route: 'listProducts', network: true });
    const other = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 1 });
    expect(await rejection(other.products.list({ ...QUERY, scenario: 'travel' }))).to.be.instanceOf(NetworkError);
  });

  it('an application retried through 503s with its key is created once (one submission, one application)', async () => {
    const clients = bankWithClients();
    const { bank, server } = clients;
    const session = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-1', scenario: 'retail', merchant: 'shop-1' });
    bank.faults.add({ route: 'createApplication', times: 2, status: 503 });
    const client = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 3 });
    const request = { clientSecret: session.clientSecret!, planId: 'plan_retailCNY12m', applicant: GOOD_APPLICANT, consent: CONSENT };
    const application = await client.applications.create(request, { idempotencyKey: 'apply-order-1' });
    // A reload during submission sends the same request with the kept key: the same application.
    const again = await client.applications.create(request, { idempotencyKey: 'apply-order-1' });
    expect(again.id).to.equal(application.id);
    expect(bank.state.applications.size).to.equal(1);
  });
});
