import { parseMoney } from '@fenqi/core';
import type { CheckoutSession, CheckoutSessionCreate } from '@fenqi/sdk';
import type { SessionRecord } from '../bank/bank-state.js';
import { MockProblem } from '../http/problem-response.js';
import type { OperationCall, OperationContext, OperationResult } from './operation-context.js';
import { offerFor, wire } from './quoted-plans.js';
import { outOfRange, requireRateCard } from './products-and-quotes.js';

const DEFAULT_SESSION_MINUTES = 60;

/** `POST /v1/checkout-sessions`: the partner's server fixes amount, order and scenario. */
export function createCheckoutSession(context: OperationContext, call: OperationCall): OperationResult {
  const request = call.body as CheckoutSessionCreate;
  const card = requireRateCard(context, request.merchant, request.scenario, request.amount.currency);
  const amount = parseMoney(request.amount.value, request.amount.currency);
  if (!card.plans.some((plan) => !('reason' in offerFor(card, plan, amount)))) throw outOfRange(card, card.plans);
  for (const record of context.state.sessions.values()) {
    const { session } = record;
    if (session.merchant === request.merchant && session.orderId === request.orderId && statusOf(context, record) !== 'expired') {
      throw new MockProblem(409, 'order-already-has-session', 'Order already has a checkout session', `Order ${request.orderId} already has session ${session.id}; retrieve it, or let it expire first.`);
    }
  }
  const id = context.ids.next('cs');
  const clientSecret = `${id}_secret_${context.ids.token(24)}`;
  const now = context.clock.now();
  const session: CheckoutSession = {
    id,
    object: 'checkout_session',
    status: 'open',
    amount: wire(amount), // written with the currency's decimals, whatever form was sent
    orderId: request.orderId,
    scenario: request.scenario,
    merchant: request.merchant,
    ...(request.metadata ? { metadata: request.metadata } : {}),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + (request.expiresInMinutes ?? DEFAULT_SESSION_MINUTES) * 60_000).toISOString(),
  };
  const record: SessionRecord = { session, clientSecret, rateCard: card };
  context.state.sessions.set(id, record);
  context.state.sessionsBySecret.set(clientSecret, record);
  context.schedule(Date.parse(session.expiresAt), () => {
    // Unused when its time is up (no application made with it): tell the partner once. A session
    // with an application lives on through the application's own decision and expiry.
    if (record.session.status === 'open' && record.session.applicationId === undefined) context.webhooks.emit({ type: 'checkout_session.expired', data: { ...record.session, status: 'expired' } });
  });
  // The client secret is shown once, on creation, like a password.
  return { status: 201, body: { ...session, clientSecret } };
}

/** `GET /v1/checkout-sessions/{id}`: the partner's server, or the browser holding the session's client secret. */
export function retrieveCheckoutSession(context: OperationContext, call: OperationCall): OperationResult {
  const record = context.state.sessions.get(call.params['id']!);
  requireClientSecret(call, record);
  if (!record) throw new MockProblem(404, 'not-found', 'No such checkout session', `There is no checkout session ${call.params['id']}.`);
  return { status: 200, body: { ...record.session, status: statusOf(context, record) } };
}

/** A session's status now: an open session past its expiry has expired. */
export function statusOf(context: OperationContext, record: SessionRecord): CheckoutSession['status'] {
  const { session } = record;
  return session.status === 'open' && Date.parse(session.expiresAt) <= context.clock.now() ? 'expired' : session.status;
}

/**
 * A browser caller (publishable key) must hold the session's client secret in the
 * Fenqi-Client-Secret header (reads) or the body (writes); the secret key needs none.
 */
export function requireClientSecret(call: OperationCall, record: SessionRecord | undefined, secret = call.headers.get('fenqi-client-secret')): void {
  if (call.caller.kind !== 'publishable') return;
  if (!secret) throw new MockProblem(401, 'client-secret-required', 'Client secret required', "Send the checkout session's client secret in the Fenqi-Client-Secret header, or call from your server with the secret key.");
  // Same answer for "no such thing" and "not yours": ids are not an oracle.
  if (!record || record.clientSecret !== secret) throw new MockProblem(403, 'forbidden', 'Not allowed', 'This client secret does not own that resource.');
}
