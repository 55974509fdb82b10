import { parseMoney, toDecimalString } from '@fenqi/core';
import type { ProductsQuery, QuoteRequest, RateCard } from '@fenqi/sdk';
import { invalidField } from '../http/problem-response.js';
import { wire } from './quoted-plans.js';
import type { OperationCall, OperationContext, OperationResult } from './operation-context.js';

/** How long a quote is honoured. */
const QUOTE_TTL_MS = 30 * 60_000;

/** `GET /v1/products`: the rate card for a merchant, scenario and currency (cacheable). */
export function listProducts(context: OperationContext, call: OperationCall): OperationResult {
  const query = call.query as ProductsQuery;
  const card = context.rateCard(query.merchant, query.scenario, query.currency);
  const body = { object: 'list', data: card ? [card] : [] };
  const etag = `"${hash(JSON.stringify(body))}"`;
  const headers = { etag, 'cache-control': 'public, max-age=300' };
  const matches = call.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  return matches ? { status: 304, body: null, headers } : { status: 200, body, headers };
}

/** `POST /v1/quotes`: the bank's plans, with full schedules, for an amount. */
export function createQuote(context: OperationContext, call: OperationCall): OperationResult {
  const request = call.body as QuoteRequest;
  const card = requireRateCard(context, request.merchant, request.scenario, request.amount.currency);
  const amount = parseMoney(request.amount.value, request.amount.currency);
  const unknown = request.planIds?.findIndex((id) => !card.plans.some((plan) => plan.id === id)) ?? -1;
  if (unknown >= 0) throw invalidField(`#/planIds/${unknown}`, `No plan ${request.planIds![unknown]} in the ${request.scenario} ${card.currency} rate card.`);
  const plans = card.plans.filter((plan) => !request.planIds || request.planIds.includes(plan.id));
  const quoted = plans.map((plan) => context.quotedPlan(card, plan, amount)).flatMap((offer) => ('reason' in offer ? [] : [offer]));
  if (quoted.length === 0) throw outOfRange(card, plans);
  const head = { id: context.ids.next('quote'), object: 'quote', amount: wire(amount), scenario: request.scenario };
  const expiresAt = new Date(context.clock.now() + QUOTE_TTL_MS).toISOString();
  // The plans' text is remembered with the plans: serialising a dozen schedules is most of a quote's cost.
  const json = `${JSON.stringify(head).slice(0, -1)},"plans":[${quoted.map((plan) => context.planJson(plan)).join(',')}],"expiresAt":${JSON.stringify(expiresAt)}}`;
  return { status: 201, body: { ...head, plans: quoted, expiresAt }, json };
}

/** The rate card a request names, or a 422 at its currency. */
export function requireRateCard(context: OperationContext, merchant: string, scenario: QuoteRequest['scenario'], currency: string): RateCard {
  const card = context.rateCard(merchant, scenario, currency);
  if (!card) throw invalidField('#/amount/currency', `No ${scenario} plans in ${currency}.`, 'unsupported-currency');
  return card;
}

/** The 422 for an amount no plan covers, saying which amounts would work. */
export function outOfRange(card: RateCard, plans: RateCard['plans']): Error {
  const minors = plans.flatMap((plan) => [parseMoney(plan.minAmount.value, card.currency).minor, parseMoney(plan.maxAmount.value, card.currency).minor]);
  const low = minors.reduce((a, b) => (b < a ? b : a));
  const high = minors.reduce((a, b) => (b > a ? b : a));
  const money = (minor: bigint) => toDecimalString({ minor, currency: card.currency });
  return invalidField('#/amount/value', `No plan covers this amount: plans run from ${money(low)} to ${money(high)} ${card.currency}.`, 'amount-out-of-range');
}

/** FNV-1a, as a short stable entity tag. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  return (h >>> 0).toString(36);
}
