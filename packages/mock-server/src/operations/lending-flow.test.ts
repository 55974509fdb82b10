import { expect } from 'chai';
import { parseMoney } from '@fenqi/core';
import { ConflictError, isApiError, PermissionError, verifyWebhook } from '@fenqi/sdk';
import type { Application } from '@fenqi/sdk';
import { PERSONA_REVIEW_MINUTES, PERSONAS } from '../personas/personas.js';
import type { Persona } from '../personas/personas.js';
import { bankWithClients, CONSENT, GOOD_APPLICANT, rejection } from '../test-support/bank-clients.js';

const KIND: Record<Persona['decision'], Application['status']> = { approve: 'approved', decline: 'declined', review: 'review', counter_offer: 'counter_offer' };

/** A partner's checkout up to the decision: session on the server, plan and application in the browser. */
async function apply(clients: ReturnType<typeof bankWithClients>, input: { amount: { value: string; currency: string }; applicant: unknown; orderId?: string }) {
  const { browser, server } = clients;
  const session = await server.checkoutSessions.create({ amount: input.amount, orderId: input.orderId ?? 'order-1', scenario: 'retail', merchant: 'shop-1' });
  const { offers } = await browser.offersFor(parseMoney(input.amount.value, input.amount.currency), { merchant: 'shop-1', scenario: 'retail' });
  const plan = offers.find((offer) => offer.plan.termMonths === 12) ?? offers[0]!;
  const application = await browser.applications.create({ clientSecret: session.clientSecret!, planId: plan.plan.id, applicant: input.applicant as never, consent: CONSENT });
  return { session, plan, application };
}

/** The rest of the journey for an approval or a counter-offer (accepted by the shopper): confirm, disburse, an active loan. */
async function disburseAndCheck(clients: ReturnType<typeof bankWithClients>, decided: Extract<Application, { status: 'approved' | 'counter_offer' }>, clientSecret: string) {
  const { bank, browser, server } = clients;
  const application = decided.status === 'counter_offer' ? await browser.applications.acceptOffer(decided.id, clientSecret) : decided;
  if (application.status !== 'approved') throw new Error(`expected an approval, got ${application.status}`);
  const amount = decided.status === 'approved' ? (await server.checkoutSessions.retrieve(application.sessionId)).amount : decided.offer.amount;
  const confirmed = await server.applications.confirm(application.id, { orderId: 'order-1', amount });
  await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: `disburse-${confirmed.orderId}` });
  bank.clock.advance({ seconds: 2 });
  const loan = await server.loans.retrieve(confirmed.loanId);
  expect(loan.status).to.equal('active');
  expect(loan.annualRate).to.deep.equal(decided.status === 'approved' ? decided.plan.annualRate : decided.offer.plan.annualRate);
}


describe('the lending flow against the mock bank, with the SDK clients', () => {
  describe('every persona reaches its documented decision through the API', () => {
    for (const persona of PERSONAS) {
      it(`${persona.id}: ${persona.outcome}`, async () => {
        const clients = bankWithClients();
        const { application, session } = await apply(clients, persona.example);
        expect(application.status).to.equal(KIND[persona.decision]);
        if (application.status === 'declined') expect(application.reasons.map((reason) => reason.code)).to.deep.equal(persona.reasons);
        if (application.status === 'approved' || application.status === 'counter_offer') await disburseAndCheck(clients, application, session.clientSecret!);
        if (application.status !== 'review') return;

        // Decided later: nothing changes until the clock passes the expected time.
        expect(application.decisionExpectedAt).to.equal(new Date(Date.parse('2026-12-03T10:00:00Z') + PERSONA_REVIEW_MINUTES * 60_000).toISOString());
        const { bank, server } = clients;
        bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES - 1 });
        expect((await server.applications.retrieve(application.id)).status).to.equal('review');
        bank.clock.advance({ minutes: 1 });
        const decided = await server.applications.retrieve(application.id);
        expect(decided.status).to.equal(persona.then === 'approve' ? 'approved' : 'declined');
        expect(bank.webhooks.events.map((event) => event.type)).to.deep.equal(['application.decided']);
        if (decided.status === 'approved') await disburseAndCheck(clients, decided, session.clientSecret!);
      });
    }
  });

  it('approves a good applicant by the scorecard, confirms, disburses and runs the loan to paid', async () => {
    const clients = bankWithClients();
    const { bank, server, browser } = clients;
    const { session, application } = await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT });
    expect(application.status).to.equal('approved');
    if (application.status !== 'approved') return;
    // The browser may read its own decision with the client secret.
    expect((await browser.applications.retrieve(application.id, session.clientSecret!)).status).to.equal('approved');

    const confirmed = await server.applications.confirm(application.id, { orderId: 'order-1', amount: { value: '4999.00', currency: 'CNY' } });
    const loan = await server.loans.retrieve(confirmed.loanId);
    expect(loan.status).to.equal('pending_disbursement');
    expect(loan.instalments.map((row) => row.payment)).to.deep.equal(application.plan.instalments.map((row) => row.payment));
    expect(loan.instalments[0]!.dueDate).to.equal('2027-01-03');
    expect((await server.checkoutSessions.retrieve(session.id)).status).to.equal('completed');

    const disbursement = await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'disburse-order-1' });
    expect(disbursement.status).to.equal('pending');
    bank.clock.advance({ seconds: 2 });
    expect((await server.disbursements.retrieve(disbursement.id)).status).to.equal('succeeded');
    expect((await server.loans.retrieve(confirmed.loanId)).status).to.equal('active');

    // A double click, or a retry after a crash, with the order's key: the same disbursement.
    const again = await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'disburse-order-1' });
    expect(again.id).to.equal(disbursement.id);
    // Another key cannot pay twice either.
    expect(await rejection(server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'other' }))).to.be.instanceOf(ConflictError);
    expect(bank.state.disbursements.size).to.equal(1);

    bank.clock.advance({ days: 400 });
    const repaid = await server.loans.retrieve(confirmed.loanId);
    expect(repaid.status).to.equal('paid');
    expect(repaid.outstanding.value).to.equal('0.00');
    // A webhook for every change of state, in order.
    const types = bank.webhooks.events.map((event) => event.type);
    expect(types.slice(0, 3)).to.deep.equal(['application.decided', 'loan.created', 'disbursement.succeeded']);
    expect(types.filter((type) => type === 'repayment.due')).to.have.length(12);
    expect(types.filter((type) => type === 'repayment.paid')).to.have.length(12);
    expect(types.at(-1)).to.equal('loan.paid');
    const created = bank.webhooks.events.find((event) => event.type === 'loan.created');
    expect(created?.type === 'loan.created' && created.data.id).to.equal(confirmed.loanId);
    const paidOff = bank.webhooks.events.at(-1)!;
    expect(paidOff.type === 'loan.paid' && paidOff.data.outstanding.value).to.equal('0.00');
    expect(types.filter((type) => type === 'checkout_session.expired'), 'a confirmed session never expires').to.have.length(0);
  });

  it('tells the partner once when a checkout session expires unused', async () => {
    const { bank, server } = bankWithClients();
    const session = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-9', scenario: 'retail', merchant: 'shop-1', expiresInMinutes: 30 });
    bank.clock.advance({ minutes: 29 });
    expect(bank.webhooks.events).to.have.length(0);
    bank.clock.advance({ minutes: 2 });
    expect(bank.webhooks.events.map((event) => event.type)).to.deep.equal(['checkout_session.expired']);
    const [expired] = bank.webhooks.events;
    expect(expired?.type === 'checkout_session.expired' && expired.data).to.deep.include({ id: session.id, status: 'expired' });
    bank.clock.advance({ days: 1 });
    expect(bank.webhooks.events).to.have.length(1);
  });

  it('never calls a session expired once an application was made with it', async () => {
    const clients = bankWithClients();
    const { bank } = clients;
    await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT });
    bank.clock.advance({ minutes: 61 });
    expect(bank.webhooks.events.map((event) => event.type)).to.deep.equal(['application.decided']);
  });

  it('re-checks the order on confirmation: order id and amount must match the session', async () => {
    const clients = bankWithClients();
    const { server } = clients;
    const { application } = await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT });
    const wrongAmount = await rejection(server.applications.confirm(application.id, { orderId: 'order-1', amount: { value: '4998.99', currency: 'CNY' } }));
    expect(isApiError(wrongAmount) && wrongAmount.problem.errors?.[0]?.pointer).to.equal('#/amount');
    const wrongOrder = await rejection(server.applications.confirm(application.id, { orderId: 'order-2', amount: { value: '4999.00', currency: 'CNY' } }));
    expect(isApiError(wrongOrder) && wrongOrder.problem.errors?.[0]?.pointer).to.equal('#/orderId');
    await server.applications.confirm(application.id, { orderId: 'order-1', amount: { value: '4999.00', currency: 'CNY' } });
    expect(await rejection(server.applications.confirm(application.id, { orderId: 'order-1', amount: { value: '4999.00', currency: 'CNY' } }))).to.be.instanceOf(ConflictError);
  });

  it("a client secret reads only its own session's application", async () => {
    const clients = bankWithClients();
    const { browser } = clients;
    const first = await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT, orderId: 'order-1' });
    const second = await apply(clients, { amount: { value: '1999.00', currency: 'CNY' }, applicant: { ...GOOD_APPLICANT, email: 'li.hua+approve@example.com' }, orderId: 'order-2' });
    expect((await browser.applications.retrieve(first.application.id, first.session.clientSecret!)).id).to.equal(first.application.id);
    expect(await rejection(browser.applications.retrieve(first.application.id, second.session.clientSecret!))).to.be.instanceOf(PermissionError);
  });

  it('one session, one application: a second application is a conflict, an expired session too', async () => {
    const clients = bankWithClients();
    const { browser, bank, server } = clients;
    const { session, plan } = await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT });
    const second = rejection(browser.applications.create({ clientSecret: session.clientSecret!, planId: plan.plan.id, applicant: GOOD_APPLICANT, consent: CONSENT }));
    expect(await second).to.be.instanceOf(ConflictError);

    const late = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-2', scenario: 'retail', merchant: 'shop-1', expiresInMinutes: 5 });
    bank.clock.advance({ minutes: 5 });
    expect((await server.checkoutSessions.retrieve(late.id)).status).to.equal('expired');
    const expired = await rejection(browser.applications.create({ clientSecret: late.clientSecret!, planId: plan.plan.id, applicant: GOOD_APPLICANT, consent: CONSENT }));
    expect(isApiError(expired) && expired.problem.type).to.match(/checkout-session-expired$/);
  });

  it('a counter-offer is confirmed for the offered amount once the shopper accepts it, and only then', async () => {
    const clients = bankWithClients();
    const { bank, browser, server } = clients;
    const thinFile = PERSONAS.find((persona) => persona.id === 'thin-file')!;
    const { application, session } = await apply(clients, thinFile.example);
    expect(application.status).to.equal('counter_offer');
    if (application.status !== 'counter_offer') return;
    expect(parseMoney(application.offer.amount.value, 'CNY').minor < parseMoney(thinFile.example.amount.value, 'CNY').minor).to.equal(true);
    const confirm = () => server.applications.confirm(application.id, { orderId: 'order-1', amount: application.offer.amount });
    expect(await rejection(confirm())).to.include({ name: 'ConflictError' }).and.nested.include({ 'problem.type': 'https://docs.fenqi.com/problems/offer-not-accepted' });
    expect(await rejection(browser.applications.acceptOffer(application.id, 'cs_00000009_secret_wrong'))).to.include({ status: 403 });

    const accepted = await browser.applications.acceptOffer(application.id, session.clientSecret!);
    expect(accepted).to.deep.include({ status: 'approved', plan: application.offer.plan, limit: application.offer.amount, expiresAt: application.expiresAt });
    expect(await browser.applications.acceptOffer(application.id, session.clientSecret!), 'accepting again').to.deep.equal(accepted);
    expect(await browser.applications.retrieve(application.id, session.clientSecret!)).to.deep.equal(accepted);
    expect(bank.webhooks.events.filter((event) => event.type === 'application.decided').map((event) => (event.data as Application).status)).to.deep.equal(['counter_offer', 'approved']);

    expect(await rejection(server.applications.confirm(application.id, { orderId: 'order-1', amount: thinFile.example.amount })), 'the original amount').to.include({ status: 422 });
    const confirmed = await confirm();
    expect((await server.loans.retrieve(confirmed.loanId)).principal).to.deep.equal(application.offer.amount);
  });

  it('only a counter-offer can be accepted', async () => {
    const clients = bankWithClients();
    const { application, session } = await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: { ...GOOD_APPLICANT, email: 'li.hua+approve@example.com' } });
    expect(await rejection(clients.browser.applications.acceptOffer(application.id, session.clientSecret!))).to.include({ status: 409 }).and.nested.include({ 'problem.type': 'https://docs.fenqi.com/problems/no-counter-offer' });
  });

  it('the browser reads its checkout session with the client secret, and only its own', async () => {
    const clients = bankWithClients();
    const { browser, server } = clients;
    const mine = await server.checkoutSessions.create({ amount: { value: '4999', currency: 'CNY' }, orderId: 'order-7', scenario: 'retail', merchant: 'shop-1' });
    const other = await server.checkoutSessions.create({ amount: { value: '100', currency: 'CNY' }, orderId: 'order-8', scenario: 'retail', merchant: 'shop-1' });
    const session = await browser.checkoutSessions.retrieve(mine.clientSecret!);
    expect(session).to.deep.include({ id: mine.id, amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-7', status: 'open' });
    expect(session).not.to.have.property('clientSecret');
    const forged = `${other.id}_secret_${mine.clientSecret!.split('_secret_')[1]}`;
    expect(await rejection(browser.checkoutSessions.retrieve(forged))).to.include({ status: 403 });
    expect(await rejection(browser.checkoutSessions.retrieve('cs_nope'))).to.include({ name: 'ValidationError' });
  });

  describe('amount triggers after approval', () => {
    async function disburse(value: string) {
      const clients = bankWithClients();
      const { application } = await apply(clients, { amount: { value, currency: 'CNY' }, applicant: { ...GOOD_APPLICANT, email: 'li.hua+approve@example.com' } });
      const confirmed = await clients.server.applications.confirm(application.id, { orderId: 'order-1', amount: { value, currency: 'CNY' } });
      return { ...clients, confirmed };
    }

    it('x.51 fails the first disbursement (webhook disbursement.failed), and a new attempt succeeds', async () => {
      const { bank, server, confirmed } = await disburse('4999.51');
      const first = await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'attempt-1' });
      bank.clock.advance({ seconds: 2 });
      const failed = await server.disbursements.retrieve(first.id);
      expect([failed.status, failed.failureCode]).to.deep.equal(['failed', 'bank_unavailable']);
      const second = await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'attempt-2' });
      bank.clock.advance({ seconds: 2 });
      expect((await server.disbursements.retrieve(second.id)).status).to.equal('succeeded');
      expect(bank.webhooks.events.map((event) => event.type)).to.include.members(['disbursement.failed', 'disbursement.succeeded']);
    });

    it('x.52 fails every disbursement', async () => {
      const { bank, server, confirmed } = await disburse('4999.52');
      for (const key of ['attempt-1', 'attempt-2']) {
        const attempt = await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: key });
        bank.clock.advance({ seconds: 2 });
        expect((await server.disbursements.retrieve(attempt.id)).status).to.equal('failed');
      }
    });

    it('x.53 becomes overdue after its first due date, with a loan.overdue webhook', async () => {
      const { bank, server, confirmed } = await disburse('4999.53');
      await server.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: 'attempt-1' });
      bank.clock.advance({ seconds: 2 });
      bank.clock.advance({ days: 31 });
      expect((await server.loans.retrieve(confirmed.loanId)).status).to.equal('active');
      bank.clock.advance({ days: 1 });
      const loan = await server.loans.retrieve(confirmed.loanId);
      expect(loan.status).to.equal('overdue');
      expect(loan.instalments[0]!.status).to.equal('overdue');
      const overdue = bank.webhooks.events.filter((event) => event.type === 'loan.overdue');
      expect(overdue).to.have.length(1);
    });
  });

  it('delivers signed webhooks the SDK verifier accepts, retrying a failing endpoint, and tells listeners', async () => {
    const received: { status: number; type: string }[] = [];
    let calls = 0;
    // The partner's endpoint: refuses the first delivery, then verifies like a partner server would.
    const endpoint: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      calls += 1;
      if (calls === 1) return new Response('busy', { status: 500 });
      const event = await verifyWebhook(await request.text(), request.headers, clients.bank.webhooks.secret);
      received.push({ status: 200, type: event.type });
      return new Response(null, { status: 204 });
    };
    const clients = bankWithClients({ webhooks: { url: 'https://partner.example/webhooks/fenqi', fetch: endpoint, retryDelaysMs: [5, 5] } });
    const seen: string[] = [];
    clients.bank.webhooks.on((event) => seen.push(event.type));
    await apply(clients, { amount: { value: '4999.00', currency: 'CNY' }, applicant: GOOD_APPLICANT });
    await clients.bank.webhooks.settled();
    expect(seen).to.deep.equal(['application.decided']);
    expect(received).to.deep.equal([{ status: 200, type: 'application.decided' }]);
    expect(clients.bank.webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.ok, delivery.status])).to.deep.equal([
      [1, false, 500],
      [2, true, 204],
    ]);
  });
});
