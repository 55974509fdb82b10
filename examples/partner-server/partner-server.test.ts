import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseMoney } from '@fenqi/core';
import { createClient, signWebhook } from '@fenqi/sdk';
import type { Applicant, Application, FenqiClient, WebhookEvent } from '@fenqi/sdk';
import { MOCK_WEBHOOK_SECRET, PERSONAS } from '@fenqi/mock-server';
import type { PersonaId } from '@fenqi/mock-server';
import { startMockBankServer } from '@fenqi/mock-server/standalone';
import type { MockBankServer } from '@fenqi/mock-server/standalone';
import { createPartnerServer } from './partner-server.mjs';
import type { Order, PartnerServer } from './partner-server.mjs';

// The whole journey over real HTTP on loopback: the standalone mock bank, this partner server,
// and the browser's side played by the browser SDK (publishable key + client secret), as the
// widget will. The bank's clock is frozen; the tests move it.
const SECRET_KEY = 'sk_test_partnerServerTest1';
const PUBLISHABLE_KEY = 'pk_test_partnerServerTest1';
const CONSENT = { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00Z' } as const;
const PHONE_CART = { items: [{ sku: 'phone-x1', variant: '128gb', quantity: 1 }], shipping: 'standard' } as const; // ¥4,999.00
// 3 × 189.00 + 2 rooms × 4 nights × 96.50 + 3 × 14.17 = €1,381.51: the mock fails the first disbursement of an amount ending in 51.
const LISBON_CART = { trip: 'lisbon-city-break', travellers: 3, nights: 4, insurance: true } as const;

const applicantOf = (id: PersonaId) => PERSONAS.find((persona) => persona.id === id)!.example.applicant;
/** A German applicant with euro income, approved at once (the persona's `+approve` tag). */
const EURO_APPLICANT: Applicant = { ...applicantOf('decline-high-existing-debt'), email: 'lena.fischer+approve@example.de' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the assertions check their shape
type Loose = any;

interface Answer<T = Loose> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

describe('examples/partner-server (real HTTP: mock bank + partner server)', function () {
  this.timeout(20_000);
  let mock: MockBankServer;
  let partner: PartnerServer;
  let browser: FenqiClient;

  beforeEach(async () => {
    let partnerUrl = '';
    mock = await startMockBankServer({
      log: false,
      clock: { start: '2026-12-03T10:00:00Z', frozen: true },
      webhooks: {
        // The partner server needs the bank's URL, so it starts second: the bank delivers to
        // wherever it ended up listening.
        url: 'http://partner.invalid/webhooks/fenqi',
        fetch: (_url, init) => fetch(`${partnerUrl}/webhooks/fenqi`, init),
        retryDelaysMs: [100, 200],
      },
    });
    partner = await createPartnerServer({ secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY, apiBase: mock.url, webhookSecret: MOCK_WEBHOOK_SECRET, log: false });
    partnerUrl = partner.url;
    browser = createClient({ publishableKey: PUBLISHABLE_KEY, baseUrl: mock.url });
  });
  afterEach(async () => {
    await settle();
    await partner.close();
    await mock.close();
  });

  /** Waits until every webhook has been delivered and every piece of work it started is done. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await mock.bank.webhooks.settled();
      await partner.settled();
    }
  }

  async function advance(duration: { seconds?: number; minutes?: number }): Promise<void> {
    mock.bank.clock.advance(duration);
    await settle();
  }

  async function call<T = Loose>(path: string, init: RequestInit = {}): Promise<Answer<T>> {
    const response = await fetch(partner.url + path, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }
  const post = <T = Loose>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  function expectProblem(answer: Answer, status: number, slug: string): void {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
    expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(answer.body).to.include({ status, type: `/problems/${slug}` });
    expect(JSON.stringify(answer.body)).not.to.match(/\bat .+:\d+:\d+|sk_test_/); // no stack trace, no secret
  }

  /** What the page does on "pay in instalments". */
  async function checkout(site: string, cart: unknown) {
    const answer = await post<{ orderId: string; clientSecret: string; amount: { value: string; currency: string } }>('/api/checkout', { site, cart });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body;
  }

  /** What the widget does in the browser: pick a plan for the session's amount and apply. */
  async function apply(clientSecret: string, applicant: Applicant): Promise<Application> {
    const session = await browser.checkoutSessions.retrieve(clientSecret);
    const { offers } = await browser.offersFor(parseMoney(session.amount.value, session.amount.currency), { merchant: session.merchant, scenario: session.scenario });
    const plan = offers.find((offer) => offer.plan.termMonths === 12) ?? offers[0]!;
    return browser.applications.create({ clientSecret, planId: plan.plan.id, applicant, consent: CONSENT });
  }

  /** Signs an event as the bank does (or with another secret or time) and posts it to the partner. */
  async function deliver(event: WebhookEvent, options: { secret?: string; timestamp?: number } = {}): Promise<Answer> {
    const body = JSON.stringify(event);
    const headers = await signWebhook({ id: event.id, timestamp: options.timestamp ?? Math.floor(Date.now() / 1000), body, secret: options.secret ?? MOCK_WEBHOOK_SECRET });
    return call('/webhooks/fenqi', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  }

  const confirm = (orderId: string, applicationId: string) => post(`/api/orders/${orderId}/confirm`, { applicationId });
  const order = (orderId: string) => call<Order & { loan: Loose; disbursement: Loose; bankError?: Loose }>(`/api/orders/${orderId}`);
  const bankCalls = (operationId: string) => mock.bank.requests.filter((entry) => entry.operationId === operationId);
  /** Confirmations the bank really performed (not idempotent replays). */
  const confirmations = () => bankCalls('confirmApplication').filter((entry) => entry.status === 200 && !entry.replayed);

  describe('pages read the configuration, the catalogue and prices', () => {
    it('GET /api/config gives the publishable key, the bank URL and the merchants, never the secret key', async () => {
      const answer = await call('/api/config');
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ publishableKey: PUBLISHABLE_KEY, apiBase: mock.url, merchants: { shop: 'demo-shop', travel: 'demo-travel', education: 'demo-school' } });
      expect(JSON.stringify(answer.body)).not.to.contain('sk_');
    });

    it('GET /api/catalogue/{site} and POST /api/price answer the server’s own numbers; a bad cart is a 422 pointing at the field', async () => {
      const catalogue = await call('/api/catalogue/travel');
      expect(catalogue.body).to.include({ merchant: 'demo-travel', currency: 'EUR' });
      expectProblem(await call('/api/catalogue/bakery'), 404, 'site-not-found');

      const priced = await post('/api/price', { site: 'travel', cart: LISBON_CART });
      expect(priced.status).to.equal(200);
      expect(priced.body).to.include({ currency: 'EUR', total: '1381.51' });
      const bad = await post('/api/price', { site: 'shop', cart: { ...PHONE_CART, items: [{ sku: 'phone-x1', variant: '128gb', quantity: 11 }] } });
      expectProblem(bad, 422, 'cart-invalid');
      expect(bad.body).to.deep.include({ code: 'quantity-out-of-range', errors: [{ pointer: '#/cart/items/0/quantity', detail: bad.body.detail }] });
      expectProblem(await post('/api/price', { site: 'bakery', cart: {} }), 422, 'cart-invalid');
    });
  });

  describe('an approved application: confirmed, disbursed once, paid', () => {
    it('checkout → apply → confirm → disbursement → webhook → paid, with an active loan and one disbursement at the bank', async () => {
      const started = await checkout('shop', { ...PHONE_CART, shipping: 'express', discountCode: 'SAVE10' });
      // The server priced it: 4,999.00 − 499.90 + 25.00
      expect(started.amount).to.deep.equal({ value: '4524.10', currency: 'CNY' });
      const session = [...mock.bank.state.sessions.values()][0]!.session;
      expect(session).to.deep.include({ amount: started.amount, orderId: started.orderId, scenario: 'retail', merchant: 'demo-shop' });

      const application = await apply(started.clientSecret, applicantOf('approve'));
      expect(application.status).to.equal('approved');
      const confirmed = await confirm(started.orderId, application.id);
      expect(confirmed.status, JSON.stringify(confirmed.body)).to.equal(200);
      expect(confirmed.body).to.deep.include({ status: 'disbursing', applicationId: application.id, financed: started.amount, remainder: { value: '0.00', currency: 'CNY' } });
      expect(confirmed.body.disbursements).to.have.length(1);
      expect(mock.bank.state.disbursements.size).to.equal(1);

      await advance({ seconds: 2 }); // the mock settles a disbursement 2 s after it was created
      const delivery = mock.bank.webhooks.deliveries.find((entry) => entry.type === 'disbursement.succeeded');
      expect(delivery, 'the webhook reached the partner and was accepted').to.include({ ok: true, status: 200 });
      const paid = await order(started.orderId);
      expect(paid.body).to.include({ status: 'paid' });
      expect(paid.body.loan).to.include({ status: 'active', orderId: started.orderId });
      expect(paid.body.loan.principal).to.deep.equal(started.amount);
      expect(paid.body.disbursement).to.include({ status: 'succeeded' });
      expect(paid.body.events.map((event) => event.type)).to.include.members(['application.decided', 'disbursement.succeeded']);
      expect(mock.bank.state.disbursements.size).to.equal(1);
      expect(confirmations()).to.have.length(1);
      const all = await call<{ orders: Order[] }>('/api/orders');
      expect(all.body.orders.map((entry) => [entry.id, entry.status])).to.deep.equal([[started.orderId, 'paid']]);
    });

    it('confirms once and pays once when the page confirms twice at the same time and again later', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      const [first, second] = await Promise.all([confirm(started.orderId, application.id), confirm(started.orderId, application.id)]);
      expect([first.status, second.status]).to.deep.equal([200, 200]);
      await settle();
      const later = await confirm(started.orderId, application.id);
      expect(later.status).to.equal(200);
      expect(later.body.disbursements).to.have.length(1);
      expect(confirmations()).to.have.length(1);
      expect(mock.bank.state.disbursements.size).to.equal(1);
      await advance({ seconds: 2 });
      expect((await confirm(started.orderId, application.id)).body.status, 'after payment too').to.equal('paid');
      expect(mock.bank.state.disbursements.size).to.equal(1);
    });

    it('survives a 503 on the disbursement: the SDK retries with the same key and the bank pays once', async () => {
      mock.bank.faults.add({ route: 'createDisbursement', times: 1, status: 503 });
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      const confirmed = await confirm(started.orderId, application.id);
      expect(confirmed.status).to.equal(200);
      expect(bankCalls('createDisbursement').map((entry) => entry.status)).to.deep.equal([503, 201]);
      expect(mock.bank.state.disbursements.size).to.equal(1);
      await advance({ seconds: 2 });
      expect((await order(started.orderId)).body.status).to.equal('paid');
    });
  });

  describe('disbursement failures', () => {
    it('answers 502 while the bank will not take the disbursement, and the next confirm picks up where the last one stopped', async () => {
      mock.bank.faults.add({ route: 'createDisbursement', times: 6, status: 503 });
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      // Confirmed, but the disbursement fails three times (the SDK's retries), twice over.
      const failed = await confirm(started.orderId, application.id);
      expectProblem(failed, 502, 'bank-error');
      expect(failed.body.bank).to.include({ status: 503 });
      expect(partner.orders.get(started.orderId)).to.include({ status: 'confirmed' });
      expectProblem(await confirm(started.orderId, application.id), 502, 'bank-error');
      const resumed = await confirm(started.orderId, application.id);
      expect(resumed.status).to.equal(200);
      expect(resumed.body).to.include({ status: 'disbursing' });
      expect(bankCalls('createDisbursement').map((entry) => entry.status)).to.deep.equal([503, 503, 503, 503, 503, 503, 201]);
      expect(confirmations()).to.have.length(1);
      expect(mock.bank.state.disbursements.size).to.equal(1);
    });

    it('an amount ending in .51: the disbursement.failed webhook starts attempt 2 with a new key, which pays; a replay of it changes nothing', async () => {
      const started = await checkout('travel', LISBON_CART);
      expect(started.amount).to.deep.equal({ value: '1381.51', currency: 'EUR' });
      const application = await apply(started.clientSecret, EURO_APPLICANT);
      expect((await confirm(started.orderId, application.id)).body.status).to.equal('disbursing');

      await advance({ seconds: 2 }); // attempt 1 fails; the webhook makes the server try again
      const retrying = await order(started.orderId);
      expect(retrying.body.status).to.equal('disbursing');
      expect(retrying.body.disbursements.map((entry) => [entry.attempt, entry.status])).to.deep.equal([[1, 'failed'], [2, 'pending']]);
      expect(retrying.body.disbursements[0]).to.include({ failureCode: 'bank_unavailable' });

      await advance({ seconds: 2 });
      const paid = await order(started.orderId);
      expect(paid.body.status).to.equal('paid');
      const statuses = [...mock.bank.state.disbursements.values()].map((entry) => entry.status);
      expect(statuses).to.deep.equal(['failed', 'succeeded']);

      // The bank (or an attacker replaying a captured delivery) sends the failure again, freshly signed.
      const failed = mock.bank.webhooks.events.find((event) => event.type === 'disbursement.failed')!;
      const replay = await deliver(failed);
      expect(replay.status).to.equal(200);
      expect(replay.body).to.deep.equal({ received: true, duplicate: true });
      await settle();
      expect(mock.bank.state.disbursements.size).to.equal(2);
      const after = await order(started.orderId);
      expect(after.body.status).to.equal('paid');
      expect(after.body.events.filter((event) => event.id === failed.id)).to.have.length(1);
    });

    it('an amount ending in .52: after three failed attempts the order is failed', async () => {
      const started = await checkout('travel', { trip: 'lisbon-city-break', travellers: 6, nights: 3, insurance: true });
      // 6 × 189.00 + 3 rooms × 3 nights × 96.50 + 6 × 14.17 = 1,134.00 + 868.50 + 85.02
      expect(started.amount.value).to.equal('2087.52');
      const application = await apply(started.clientSecret, EURO_APPLICANT);
      await confirm(started.orderId, application.id);
      for (let attempt = 1; attempt <= 3; attempt += 1) await advance({ seconds: 2 });
      const failed = await order(started.orderId);
      expect(failed.body.status).to.equal('failed');
      expect(failed.body.disbursements.map((entry) => entry.status)).to.deep.equal(['failed', 'failed', 'failed']);
      expect(failed.body.failure!.detail).to.contain('3 attempts');
      expect(mock.bank.state.disbursements.size).to.equal(3);
    });
  });

  describe('decisions other than an instant approval', () => {
    it('review → approved 30 minutes later: the webhook records it; only the shopper’s checkout (after they accept the terms) confirms', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('review-approve'));
      expect(application.status).to.equal('review');
      const waiting = await confirm(started.orderId, application.id);
      expect(waiting.status).to.equal(202);
      expect(waiting.body).to.include({ status: 'awaiting_decision' });
      expect(confirmations()).to.have.length(0);

      // Approved at the review's tier, above the plan's rate: the shopper has not seen that yet.
      await advance({ minutes: 30 });
      const approved = await order(started.orderId);
      expect(approved.body.decision).to.deep.equal({ status: 'approved' });
      expect(approved.body.loanId, 'nothing confirmed on terms the shopper never saw').to.equal(undefined);
      expect(confirmations()).to.have.length(0);

      // fenqi-approved, once they accepted: the page confirms.
      const confirmed = await confirm(started.orderId, application.id);
      expect(confirmed.body).to.include({ status: 'disbursing' });
      expect(confirmations()).to.have.length(1);
      await advance({ seconds: 2 });
      expect((await order(started.orderId)).body.status).to.equal('paid');
      expect(mock.bank.state.disbursements.size).to.equal(1);
    });

    it('a declined application: confirm is refused with the reason codes and the order is declined', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('decline-underage'));
      expect(application.status).to.equal('declined');
      const refused = await confirm(started.orderId, application.id);
      expectProblem(refused, 409, 'application-declined');
      expect(refused.body.reasons).to.deep.equal(['underage']);
      expect((await order(started.orderId)).body).to.include({ status: 'declined' });
      expect(bankCalls('confirmApplication')).to.have.length(0);
      expect(mock.bank.state.loans.size).to.equal(0);
    });

    it('a counter-offer accepted in the browser: the loan finances the offered amount and the remainder is recorded', async () => {
      const started = await checkout('shop', PHONE_CART); // ¥4,999.00
      const application = await apply(started.clientSecret, applicantOf('thin-file'));
      if (application.status !== 'counter_offer') throw new Error(`expected a counter-offer, got ${application.status}`);
      expect(application.offer.amount).to.deep.equal({ value: '2499.00', currency: 'CNY' });
      expectProblem(await confirm(started.orderId, application.id), 409, 'offer-not-accepted');

      await browser.applications.acceptOffer(application.id, started.clientSecret);
      const confirmed = await confirm(started.orderId, application.id);
      expect(confirmed.status).to.equal(200);
      expect(confirmed.body).to.deep.include({ financed: { value: '2499.00', currency: 'CNY' }, remainder: { value: '2500.00', currency: 'CNY' } });
      expect([...mock.bank.state.disbursements.values()].map((entry) => entry.amount)).to.deep.equal([{ value: '2499.00', currency: 'CNY' }]);
      await advance({ seconds: 2 });
      const paid = await order(started.orderId);
      expect(paid.body).to.include({ status: 'paid' });
      expect(paid.body.loan.principal).to.deep.equal({ value: '2499.00', currency: 'CNY' });
      expect(confirmations()).to.have.length(1);
    });

    it('an order cancelled while in review is not confirmed when the approval arrives', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('review-approve'));
      expect((await confirm(started.orderId, application.id)).status).to.equal(202);
      const cancelled = await call(`/api/orders/${started.orderId}/cancel`, { method: 'POST' });
      expect(cancelled.status).to.equal(200);
      expect(cancelled.body).to.include({ status: 'cancelled' });
      await advance({ minutes: 30 });
      expect((await order(started.orderId)).body.status).to.equal('cancelled');
      expect(bankCalls('confirmApplication')).to.have.length(0);
      expectProblem(await confirm(started.orderId, application.id), 409, 'order-cancelled');
    });
  });

  describe('the browser cannot choose what the bank lends', () => {
    it('refuses an amount, a total or a price sent with the cart, before any order or session exists', async () => {
      for (const [body, pointer] of [
        [{ site: 'shop', cart: PHONE_CART, amount: { value: '1.00', currency: 'CNY' } }, '#/amount'],
        [{ site: 'shop', cart: { ...PHONE_CART, total: '1.00' } }, '#/cart/total'],
        [{ site: 'shop', cart: { ...PHONE_CART, items: [{ sku: 'phone-x1', variant: '128gb', quantity: 1, price: '1.00' }] } }, '#/cart/items/0/price'],
        [{ site: 'education', cart: { course: 'ux-design', materials: false, tuition: '1.00' } }, '#/cart/tuition'],
      ] as const) {
        const answer = await post('/api/checkout', body);
        expect(answer.status, pointer).to.equal(422);
        expect(answer.body.errors[0].pointer).to.equal(pointer);
      }
      expect(mock.bank.state.sessions.size).to.equal(0);
      expect((await call('/api/orders')).body.orders).to.deep.equal([]);
    });

    it('refuses to confirm an order with the application of another order, and changes nothing', async () => {
      const mine = await checkout('shop', PHONE_CART);
      const theirs = await checkout('shop', { items: [{ sku: 'watch-s', variant: '41mm', quantity: 1 }], shipping: 'standard' });
      const theirApplication = await apply(theirs.clientSecret, applicantOf('approve'));
      const refused = await confirm(mine.orderId, theirApplication.id);
      expectProblem(refused, 422, 'application-mismatch');
      expect(refused.body.errors[0].pointer).to.equal('#/applicationId');
      expectProblem(await confirm(mine.orderId, 'app_99999999'), 422, 'application-mismatch');
      expectProblem(await confirm(mine.orderId, '../../v1/loans'), 422, 'application-mismatch');
      await settle();
      expect((await order(mine.orderId)).body).to.include({ status: 'awaiting_application' });
      expect((await order(mine.orderId)).body.applicationId).to.equal(undefined);
      // Their approval reached the server as a webhook, which recorded it; no order has a loan.
      expect(mock.bank.state.loans.size).to.equal(0);
      expect((await order(theirs.orderId)).body.decision).to.deep.equal({ status: 'approved' });
    });

    it('maps the bank’s refusals to problems: an amount no plan covers is a 422, a failing bank a 502', async () => {
      const tooSmall = await post('/api/checkout', { site: 'shop', cart: { items: [{ sku: 'cable-c', variant: '1m', quantity: 1 }], shipping: 'standard' } });
      expectProblem(tooSmall, 422, 'bank-refused');
      expect(tooSmall.body.detail).to.match(/^No plan covers this amount: plans run from 100\.00 to 50000\.00 CNY/);
      expect(tooSmall.body.bank).to.include({ status: 422 });
      mock.bank.faults.add({ route: 'createCheckoutSession', times: 3, status: 503 });
      const down = await post('/api/checkout', { site: 'shop', cart: PHONE_CART });
      expectProblem(down, 502, 'bank-error');
      expect(down.body.bank).to.include({ status: 503 });
      expect(down.body.bank.requestId).to.match(/^req_/);
      expect((await call<{ orders: Order[] }>('/api/orders')).body.orders.map((entry) => entry.status)).to.deep.equal(['failed', 'failed']);
    });
  });

  describe('webhooks', () => {
    /** An order waiting for its disbursement, and the success event the bank would send for it. */
    async function disbursingOrder() {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      const confirmed = (await confirm(started.orderId, application.id)).body;
      const pending = confirmed.disbursements[0]!;
      const succeeded: WebhookEvent = {
        id: 'evt_forged0001',
        object: 'event',
        type: 'disbursement.succeeded',
        createdAt: '2026-12-03T10:00:02.000Z',
        data: { id: pending.id, object: 'disbursement', loanId: confirmed.loanId!, amount: confirmed.financed!, status: 'succeeded', createdAt: '2026-12-03T10:00:00.000Z', updatedAt: '2026-12-03T10:00:02.000Z' },
      };
      return { orderId: started.orderId, succeeded };
    }

    it('refuses a bad signature, a stale timestamp or missing headers with 400 and changes nothing; the same event well signed is processed once', async () => {
      const { orderId, succeeded } = await disbursingOrder();
      expectProblem(await deliver(succeeded, { secret: 'whsec_c29tZW9uZS1lbHNlcy1zZWNyZXQ=' }), 400, 'webhook-refused');
      const stale = await deliver(succeeded, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
      expectProblem(stale, 400, 'webhook-refused');
      expect(stale.body.code).to.equal('timestamp-out-of-tolerance');
      const tampered = await signWebhook({ id: succeeded.id, timestamp: Math.floor(Date.now() / 1000), body: JSON.stringify(succeeded), secret: MOCK_WEBHOOK_SECRET });
      const changed = JSON.stringify({ ...succeeded, data: { ...succeeded.data, amount: { value: '1.00', currency: 'CNY' } } });
      expectProblem(await call('/webhooks/fenqi', { method: 'POST', headers: { ...tampered, 'content-type': 'application/json' }, body: changed }), 400, 'webhook-refused');
      expectProblem(await call('/webhooks/fenqi', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(succeeded) }), 400, 'webhook-refused');
      const unchanged = await order(orderId);
      expect(unchanged.body.status).to.equal('disbursing');
      expect(unchanged.body.events.map((event) => event.id)).not.to.include(succeeded.id);

      const accepted = await deliver(succeeded);
      expect(accepted.status).to.equal(200);
      expect(accepted.body).to.deep.equal({ received: true, duplicate: false });
      const replayed = await deliver(succeeded);
      expect(replayed.status).to.equal(200);
      expect(replayed.body).to.deep.equal({ received: true, duplicate: true });
      const paid = partner.orders.get(orderId)!;
      expect(paid.status).to.equal('paid');
      expect(paid.events.filter((event) => event.id === succeeded.id)).to.have.length(1);
    });

    it('answers 200 to a verified event for no order of this server, and 413 to a body over 256 KB', async () => {
      const stranger: WebhookEvent = {
        id: 'evt_stranger01',
        object: 'event',
        type: 'repayment.due',
        createdAt: '2026-12-03T10:00:00.000Z',
        data: { loanId: 'loan_elsewhere', instalment: 1, dueDate: '2027-01-03', amount: { value: '10.00', currency: 'CNY' } },
      };
      expect((await deliver(stranger)).status).to.equal(200);
      const huge = await call('/webhooks/fenqi', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300 * 1024) });
      expectProblem(huge, 413, 'body-too-large');
      expect((await call('/api/config')).status).to.equal(200);
    });

    it('records repayment reminders on the order', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      await confirm(started.orderId, application.id);
      await advance({ seconds: 2 });
      mock.bank.clock.advance({ days: 30 }); // the first instalment falls due on 2027-01-03; its reminder three days before
      await settle();
      const reminded = await order(started.orderId);
      expect(reminded.body.events.find((event) => event.type === 'repayment.due')).to.include({ instalment: 1, dueDate: '2027-01-03' });
    });
  });

  describe('HTTP edge cases: a clear problem each time, and the server keeps running', () => {
    it('answers 404, 405, 400, 415, 413, 422 and unknown orders as problems', async () => {
      const alive = async () => expect((await call('/api/config')).status).to.equal(200);
      expectProblem(await call('/nothing-here'), 404, 'not-found');
      await alive();
      const wrongMethod = await call('/api/checkout');
      expectProblem(wrongMethod, 405, 'method-not-allowed');
      expect(wrongMethod.headers.get('allow')).to.equal('POST');
      expectProblem(await call('/api/config', { method: 'DELETE' }), 405, 'method-not-allowed');
      await alive();
      expectProblem(await call('/api/price', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"site": "shop", cart: ' }), 400, 'malformed-json');
      await alive();
      expectProblem(await call('/api/price', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported-media-type');
      expectProblem(await call('/api/price', { method: 'POST', body: '{}' }), 415, 'unsupported-media-type');
      await alive();
      expectProblem(await post('/api/price', { site: 'shop', cart: PHONE_CART, padding: 'x'.repeat(20_000) }), 413, 'body-too-large');
      await alive();
      expectProblem(await post('/api/price', ['shop']), 422, 'invalid-body');
      expectProblem(await post('/api/price', { site: 'shop' }), 422, 'invalid-body');
      expectProblem(await call('/api/orders/ord_nope'), 404, 'order-not-found');
      expectProblem(await confirm('ord_nope', 'app_00000001'), 404, 'order-not-found');
      expectProblem(await call('/api/orders/ord_nope/cancel', { method: 'POST' }), 404, 'order-not-found');
      const started = await checkout('shop', PHONE_CART);
      expectProblem(await post(`/api/orders/${started.orderId}/confirm`, { applicationId: 'app_00000001', amount: '1.00' }), 422, 'invalid-body');
      expectProblem(await post(`/api/orders/${started.orderId}/confirm`, {}), 422, 'invalid-body');
      await alive();
    });

    it('keeps answering when the bank is unreachable, and reports it on the order', async () => {
      const started = await checkout('shop', PHONE_CART);
      const application = await apply(started.clientSecret, applicantOf('approve'));
      await confirm(started.orderId, application.id);
      await settle();
      mock.bank.faults.add({ route: 'retrieveLoan', network: true });
      const read = await order(started.orderId);
      expect(read.status).to.equal(200);
      expect(read.body).to.include({ status: 'disbursing', loan: null });
      expect(read.body.bankError).to.include({ title: 'The bank cannot be reached' });
    });
  });
});

describe('examples/partner-server static files (the demo sites’ extension point)', () => {
  let root: string;
  let server: PartnerServer;
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(server.url + path, { redirect: 'manual', ...init });
    return { status: response.status, type: response.headers.get('content-type'), location: response.headers.get('location'), text: await response.text() };
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'partner-static-'));
    await mkdir(join(root, 'shop', 'assets'), { recursive: true });
    await writeFile(join(root, 'shop', 'index.html'), '<!doctype html><title>shop</title>');
    await writeFile(join(root, 'shop', 'assets', 'app.mjs'), 'export {};');
    await writeFile(join(root, 'shop', 'assets', 'style.css'), 'body {}');
    await writeFile(join(root, 'shop', '.env'), 'FENQI_SECRET_KEY=sk_test_secret');
    await mkdir(join(root, 'shop', 'node_modules', 'react'), { recursive: true });
    await writeFile(join(root, 'shop', 'node_modules', 'react', 'package.json'), '{"name":"sk_test_leak"}');
    await writeFile(join(root, 'outside.txt'), 'not for the web');
    await symlink(join(root, 'outside.txt'), join(root, 'shop', 'link.txt'));
    server = await createPartnerServer({
      secretKey: SECRET_KEY,
      publishableKey: PUBLISHABLE_KEY,
      apiBase: 'http://127.0.0.1:9',
      webhookSecret: MOCK_WEBHOOK_SECRET,
      log: false,
      static: { '/shop/': join(root, 'shop'), '/catalogue.mjs': new URL('./catalogue.mjs', import.meta.url).pathname },
    });
  });
  after(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves files with their content types, index.html for a folder, and redirects to the trailing slash', async () => {
    expect(await get('/shop')).to.include({ status: 308, location: '/shop/' });
    expect(await get('/shop/')).to.include({ status: 200, type: 'text/html; charset=utf-8', text: '<!doctype html><title>shop</title>' });
    expect(await get('/shop/assets')).to.include({ status: 308, location: '/shop/assets/' });
    expect(await get('/shop/assets/app.mjs')).to.include({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('/shop/assets/style.css')).to.include({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await get('/catalogue.mjs')).text).to.contain('export function priceCart');
    expect(await get('/shop/', { method: 'HEAD' })).to.include({ status: 200, text: '' });
    expect(await get('/shop/', { method: 'POST' })).to.include({ status: 405 });
    expect((await get('/api/config')).status, 'API routes still answer').to.equal(200);
  });

  it('never leaves the folder: dot segments, encoded slashes, dot files, installed dependencies, symbolic links out and missing files are 404', async () => {
    for (const path of ['/shop/../outside.txt', '/shop/%2e%2e/outside.txt', '/shop/..%2foutside.txt', '/shop/assets%2f..%2f..%2foutside.txt', '/shop/.env', '/shop/%2eenv', '/shop/link.txt', '/shop/missing.html', '/shop/%E0%A4%A', '/shop/a%00b', '/catalogue.mjs/x', '/outside.txt', '/shop/node_modules/react/package.json']) {
      const answer = await get(path);
      expect(answer.status, path).to.equal(404);
      expect(answer.text).not.to.contain('not for the web').and.not.contain('sk_test');
    }
  });
});

describe('examples/partner-server server.mjs (a real process)', function () {
  this.timeout(20_000);
  const script = new URL('./server.mjs', import.meta.url).pathname;

  before(function () {
    for (const built of ['../../packages/sdk/dist/server.js', '../../packages/core/dist/index.js']) {
      if (!existsSync(new URL(built, import.meta.url))) throw new Error('Build the packages first: npm run build (npm test does).');
    }
  });

  /** Starts server.mjs with these environment variables; resolves once it printed its URL, or exited. */
  function start(env: Record<string, string>) {
    const child = spawn(process.execPath, [script], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<string | undefined>((resolve) => {
      child.stdout.on('data', () => {
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0];
        if (url) resolve(url);
      });
      void exited.then(() => resolve(undefined));
    });
    return { child, ready, exited, output: () => ({ stdout, stderr }) };
  }

  it('prints its URL, answers /api/config and exits 0 on SIGTERM', async () => {
    const run = start({ PORT: '0', FENQI_API_BASE: 'http://127.0.0.1:4010' });
    const url = await run.ready;
    expect(url, run.output().stderr).to.be.a('string');
    const config = await (await fetch(`${url}/api/config`)).json();
    expect(config).to.deep.equal({ publishableKey: 'pk_test_partnerDemo2026', apiBase: 'http://127.0.0.1:4010', merchants: { shop: 'demo-shop', travel: 'demo-travel', education: 'demo-school' } });
    run.child.kill('SIGTERM');
    expect(await run.exited).to.equal(0);
  });

  it('exits 1 with one clear line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const run = start({ PORT: String(port) });
      expect(await run.exited).to.equal(1);
      const { stderr } = run.output();
      expect(stderr.trim()).to.equal(`partner server: Port ${port} on 127.0.0.1 is already in use. Set PORT to another port.`);
    } finally {
      blocker.close();
    }
  });
});
