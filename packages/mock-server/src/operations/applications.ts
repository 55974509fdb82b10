import { buildSchedule, compareMoney, parseMoney } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import { fromWire } from '@fenqi/sdk';
import type { Application, ApplicationCreate, ConfirmedOrder, Loan, OfferAcceptance, OrderConfirmation, RatePlan } from '@fenqi/sdk';
import type { ApplicationRecord, SessionRecord } from '../bank/bank-state.js';
import { invalidField, MockProblem } from '../http/problem-response.js';
import { loanBehaviour } from '../personas/personas.js';
import { assessApplication, identityOf } from '../scoring/assess-application.js';
import type { Decision } from '../scoring/assess-application.js';
import type { OperationCall, OperationContext, OperationResult } from './operation-context.js';
import { largestPayment, offerFor, riskPricedPlan, wire, wireInstalment } from './quoted-plans.js';
import { requireClientSecret, statusOf } from './checkout-sessions.js';

/** How long an approval or a counter-offer can be confirmed. */
const DECISION_TTL_MS = 7 * 86_400_000;

/** `POST /v1/applications`: score the applicant and decide, or put the application in review. */
export function createApplication(context: OperationContext, call: OperationCall): OperationResult {
  const request = call.body as ApplicationCreate;
  const session = context.state.sessionsBySecret.get(request.clientSecret);
  if (!session) throw new MockProblem(403, 'invalid-client-secret', 'Invalid client secret', 'No checkout session has this client secret.', [{ pointer: '#/clientSecret', detail: 'Unknown client secret.' }]);
  const status = statusOf(context, session);
  if (status === 'expired') throw new MockProblem(409, 'checkout-session-expired', 'Checkout session expired', `Session ${session.session.id} expired at ${session.session.expiresAt}; the partner must create a new one.`);
  if (session.session.applicationId) {
    throw new MockProblem(409, 'checkout-session-used', 'Checkout session already has an application', `Session ${session.session.id} already has application ${session.session.applicationId}; retrieve it instead.`);
  }
  const plan = session.rateCard.plans.find((candidate) => candidate.id === request.planId);
  if (!plan) throw invalidField('#/planId', `No plan ${request.planId} for this checkout session.`);
  const amount = fromWire(session.session.amount);
  for (const field of ['monthlyIncome', 'existingMonthlyDebt'] as const) {
    if (request.applicant[field].currency !== amount.currency) throw invalidField(`#/applicant/${field}/currency`, `Must be ${amount.currency}, the currency of the purchase.`, 'currency-mismatch');
  }
  const offer = offerFor(session.rateCard, plan, amount);
  if ('reason' in offer) throw invalidField('#/planId', `Plan ${plan.id} is not available for ${session.session.amount.value} ${amount.currency} (${offer.reason}).`);

  const history = [...context.state.applications.values()].map((record) => ({
    at: record.at,
    identity: record.identity,
    ...(record.fingerprint ? { fingerprint: record.fingerprint } : {}),
    outcome: record.application.status,
  }));
  const assessment = assessApplication(
    {
      applicant: request.applicant,
      ...(request.device ? { device: request.device } : {}),
      amount,
      minAmount: fromWire(plan.minAmount),
      scenario: session.session.scenario,
      market: session.rateCard.market,
      termMonths: plan.termMonths,
      largestPayment: largestPayment(offer),
      today: context.clock.today(),
      now: context.clock.now(),
    },
    history,
  );

  const base = { id: context.ids.next('app'), object: 'application' as const, sessionId: session.session.id, planId: plan.id, createdAt: context.clock.iso() };
  const record: ApplicationRecord = {
    application: { ...base, status: 'review' },
    sessionId: session.session.id,
    identity: identityOf(request.applicant),
    consent: request.consent,
    ...(request.device ? { fingerprint: request.device.fingerprint } : {}),
    at: context.clock.now(),
  };
  decide(context, record, session, plan, assessment.decision);
  context.state.applications.set(base.id, record);
  session.session = { ...session.session, applicationId: base.id };
  return { status: 201, body: record.application };
}

/** Turns a decision into the application the shopper sees, now or (review) later. */
function decide(context: OperationContext, record: ApplicationRecord, session: SessionRecord, plan: RatePlan, decision: Decision): void {
  const { id, object, sessionId, planId, createdAt } = record.application;
  const base = { id, object, sessionId, planId, createdAt };
  const expiresAt = new Date(context.clock.now() + DECISION_TTL_MS).toISOString();
  const quoted = (pricedPlan: RatePlan, amount: Money) => {
    const offer = context.quotedPlan(session.rateCard, pricedPlan, amount);
    if ('reason' in offer) throw new Error(`The mock approved plan ${pricedPlan.id} for an amount it cannot schedule (${offer.reason}).`);
    return offer;
  };
  let application: Application;
  switch (decision.kind) {
    case 'approve':
      record.approvedPlan = riskPricedPlan(plan, decision.rateAddOn);
      application = { ...base, status: 'approved', plan: quoted(record.approvedPlan, fromWire(session.session.amount)), limit: wire(decision.limit), expiresAt };
      break;
    case 'counter_offer':
      record.approvedPlan = riskPricedPlan(plan, decision.rateAddOn);
      application = { ...base, status: 'counter_offer', offer: { amount: wire(decision.amount), plan: quoted(record.approvedPlan, decision.amount) }, expiresAt };
      break;
    case 'decline':
      application = { ...base, status: 'declined', reasons: decision.reasons.map(({ code, message }) => ({ code, message })) };
      break;
    case 'review': {
      const at = context.clock.now() + decision.afterMinutes * 60_000;
      application = { ...base, status: 'review', decisionExpectedAt: new Date(at).toISOString() };
      context.schedule(at, () => decide(context, record, session, plan, decision.then));
      break;
    }
  }
  record.application = application;
  if (application.status !== 'review') context.webhooks.emit({ type: 'application.decided', data: application });
}

/** `GET /v1/applications/{id}`: the partner's server, or the browser holding the session's client secret. */
export function retrieveApplication(context: OperationContext, call: OperationCall): OperationResult {
  const record = context.state.applications.get(call.params['id']!);
  const session = record && context.state.sessions.get(record.sessionId);
  requireClientSecret(call, session);
  if (!record) throw new MockProblem(404, 'not-found', 'No such application', `There is no application ${call.params['id']}.`);
  return { status: 200, body: record.application };
}

/**
 * `POST /v1/applications/{id}/accept-offer`: the shopper takes the counter-offer. The application
 * becomes approved for the offered amount and plan; accepting again answers the same approval.
 */
export function acceptOffer(context: OperationContext, call: OperationCall): OperationResult {
  const record = context.state.applications.get(call.params['id']!);
  const session = record && context.state.sessions.get(record.sessionId);
  // Only the shopper accepts, so the client secret is required whoever calls.
  requireClientSecret({ ...call, caller: { ...call.caller, kind: 'publishable' } }, session, (call.body as OfferAcceptance).clientSecret);
  if (!record) throw new MockProblem(404, 'not-found', 'No such application', `There is no application ${call.params['id']}.`);
  const application = record.application;
  if (application.status === 'approved' && record.acceptedOffer) return { status: 200, body: application };
  if (application.status !== 'counter_offer') {
    throw new MockProblem(409, 'no-counter-offer', 'No counter-offer to accept', `Application ${application.id} is ${application.status}; only a counter-offer can be accepted.`);
  }
  if (Date.parse(application.expiresAt) <= context.clock.now()) throw new MockProblem(409, 'application-expired', 'Offer expired', `The counter-offer expired at ${application.expiresAt}.`);
  const { offer, status: _status, ...base } = application;
  record.acceptedOffer = offer.amount;
  record.application = { ...base, status: 'approved', plan: offer.plan, limit: offer.amount };
  context.webhooks.emit({ type: 'application.decided', data: record.application });
  return { status: 200, body: record.application };
}

/** `POST /v1/applications/{id}/confirm`: the partner confirms the order; the loan is created. */
export function confirmApplication(context: OperationContext, call: OperationCall): OperationResult {
  const request = call.body as OrderConfirmation;
  const record = context.state.applications.get(call.params['id']!);
  if (!record) throw new MockProblem(404, 'not-found', 'No such application', `There is no application ${call.params['id']}.`);
  const session = context.state.sessions.get(record.sessionId)!;
  if (record.confirmation) throw new MockProblem(409, 'application-already-confirmed', 'Already confirmed', `Application ${record.application.id} was confirmed as loan ${record.confirmation.loanId}.`);
  const application = record.application;
  if (application.status === 'counter_offer') {
    throw new MockProblem(409, 'offer-not-accepted', 'Counter-offer not accepted', `Application ${application.id} is a counter-offer the shopper has not accepted; the shopper accepts it in the checkout (POST /v1/applications/{id}/accept-offer).`);
  }
  if (application.status !== 'approved') {
    throw new MockProblem(409, 'application-not-approved', 'Application not approved', `Application ${application.id} is ${application.status}; only an approved application or an accepted counter-offer can be confirmed.`);
  }
  if (Date.parse(application.expiresAt) <= context.clock.now()) throw new MockProblem(409, 'application-expired', 'Approval expired', `The decision expired at ${application.expiresAt}.`);
  if (request.orderId !== session.session.orderId) throw invalidField('#/orderId', `Does not match the checkout session's order (${session.session.orderId}).`, 'order-mismatch');
  const approved = record.acceptedOffer ?? session.session.amount;
  const amount = parseMoney(request.amount.value, request.amount.currency);
  if (amount.currency !== approved.currency || compareMoney(amount, fromWire(approved)) !== 0) {
    throw invalidField('#/amount', `Must equal the approved amount, ${approved.value} ${approved.currency}.`, 'amount-mismatch');
  }

  const plan = record.approvedPlan!;
  const schedule = buildSchedule({
    principal: amount,
    termMonths: plan.termMonths,
    method: plan.method,
    annualRate: plan.annualRate,
    monthlyFeeRate: plan.monthlyFeeRate,
    ...(plan.upfrontFee ? { upfrontFee: fromWire(plan.upfrontFee) } : {}),
    feeFinanced: plan.feeFinanced,
    rounding: plan.rounding,
    residual: plan.residual,
    startDate: context.clock.today(),
  });
  const loanId = context.ids.next('loan');
  const loan: Loan = {
    id: loanId,
    object: 'loan',
    applicationId: application.id,
    orderId: request.orderId,
    status: 'pending_disbursement',
    principal: wire(amount),
    annualRate: application.plan.annualRate,
    instalments: schedule.instalments.map((row) => ({ ...wireInstalment(row), status: 'upcoming' as const })),
    outstanding: wire(schedule.totals.payment),
    createdAt: context.clock.iso(),
  };
  context.state.loans.set(loanId, { loan, behaviour: loanBehaviour(amount), failedDisbursements: 0 });
  const confirmation: ConfirmedOrder = { object: 'order_confirmation', applicationId: application.id, orderId: request.orderId, amount: wire(amount), loanId, confirmedAt: context.clock.iso() };
  record.confirmation = confirmation;
  session.session = { ...session.session, status: 'completed' };
  context.webhooks.emit({ type: 'loan.created', data: loan });
  return { status: 200, body: confirmation };
}
