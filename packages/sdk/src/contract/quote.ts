import * as z from 'zod/mini';
import { $constructor } from 'zod/v4/core';
import { CalendarDay, PositiveMoneyInput, plainWireMoney, prefixedId, RateMarket, RepaymentMethod, Scenario, Timestamp, WireMoney } from './primitives.js';

const instalmentShape = {
  number: z.int().check(z.minimum(1)),
  dueDate: z.optional(CalendarDay),
  payment: WireMoney,
  principal: WireMoney,
  interest: WireMoney,
  fee: WireMoney,
  balance: WireMoney,
};
type InstalmentSchema = z.ZodMiniObject<typeof instalmentShape, z.core.$strip>;
const INSTALMENT_KEYS = Object.keys(instalmentShape).join();

/**
 * The instalment object, with a shortcut: a plainly valid row (a whole number from 1, an ISO day
 * or none, five plainly valid amounts) is read in one step, as zod would read it; anything else
 * goes through zod's object path. A 12-month quote has 12 rows; zod/mini's run per key made them
 * most of a quote's parse. A schema made from it with other keys (a loan's rows, by z.extend)
 * is an ordinary object.
 */
const initObject: (inst: InstalmentSchema, def: InstalmentSchema['_zod']['def']) => void = z.ZodMiniObject.init;
const WireInstalmentObject: $constructor<InstalmentSchema> = $constructor('FenqiWireInstalment', (inst, def) => {
  initObject(inst, def);
  const parseObject = inst._zod.parse;
  let sameKeys: boolean | undefined;
  inst._zod.parse = (payload, context) => {
    sameKeys ??= Object.keys(def.shape).join() === INSTALMENT_KEYS;
    const row = sameKeys ? plainInstalment(payload.value) : undefined;
    if (row === undefined) return parseObject(payload, context);
    payload.value = row;
    return payload;
  };
});

function plainInstalment(input: unknown): WireInstalment | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const row = input as Record<string, unknown>;
  const number = row['number'];
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return undefined;
  // An absent day is left out; a present one must be a string zod's ISO date accepts.
  const hasDueDate = 'dueDate' in row;
  const dueDate = row['dueDate'];
  if (hasDueDate && (typeof dueDate !== 'string' || !CalendarDay._zod.def.pattern!.test(dueDate))) return undefined;
  const payment = plainWireMoney(row['payment']);
  const principal = plainWireMoney(row['principal']);
  const interest = plainWireMoney(row['interest']);
  const fee = plainWireMoney(row['fee']);
  const balance = plainWireMoney(row['balance']);
  if (!payment || !principal || !interest || !fee || !balance) return undefined;
  return hasDueDate ? { number, dueDate: dueDate as string, payment, principal, interest, fee, balance } : { number, payment, principal, interest, fee, balance };
}

/**
 * One row of a repayment schedule on the wire.
 *
 * @example
 * ```ts
 * const rows = plan.instalments.map((row: WireInstalment) => [row.number, row.dueDate, row.payment.value])
 * ```
 */
export const WireInstalment = new WireInstalmentObject({ type: 'object', shape: instalmentShape }) as InstalmentSchema;
export type WireInstalment = z.infer<typeof WireInstalment>;

/**
 * The annual rate a market requires, solved from the real cash flows.
 *
 * @example
 * ```ts
 * const rate = DisclosedAnnualRate.parse({ market: 'CN', basis: 'nominal', percent: '13.03' })
 * const label = `${rate.percent} % a year (${rate.basis})` // "13.03 % a year (nominal)"
 * ```
 */
export const DisclosedAnnualRate = z
  .object({
    market: RateMarket,
    basis: z.enum(['nominal', 'effective']),
    percent: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
  });

/**
 * A plan with its full schedule for one amount: what the bank will honour.
 *
 * @example
 * ```ts
 * const twelve: QuotedPlan | undefined = quote.plans.find((plan) => plan.termMonths === 12)
 * twelve?.totals.costOfCredit // interest + fees, as WireMoney
 * ```
 */
export const QuotedPlan = z
  .object({
    planId: prefixedId('plan'),
    termMonths: z.int().check(z.minimum(1)),
    method: RepaymentMethod,
    instalments: z.array(WireInstalment),
    totals: z.object({ payment: WireMoney, principal: WireMoney, interest: WireMoney, fees: WireMoney, costOfCredit: WireMoney }),
    upfrontFee: WireMoney,
    annualRate: DisclosedAnnualRate,
  });
export type QuotedPlan = z.infer<typeof QuotedPlan>;

/**
 * Body of `POST /v1/quotes` (publishable key).
 *
 * @example
 * ```ts
 * const request: QuoteRequest = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } }
 * const quote = await fenqi.quotes.create(request)
 *
 * // On a server: check a body, pointing at each bad field
 * const result = QuoteRequest.safeParse(body)
 * if (!result.success) return Response.json({ errors: toProblemErrors(result.error) }, { status: 422 })
 * ```
 */
export const QuoteRequest = z
  .strictObject({
    merchant: z.string().check(z.minLength(1), z.maxLength(64)),
    scenario: Scenario,
    amount: PositiveMoneyInput,
    planIds: z.optional(z.array(prefixedId('plan')).check(z.minLength(1), z.maxLength(50))),
  });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/**
 * The bank's authoritative plans for an amount.
 *
 * @example
 * ```ts
 * const quote = Quote.parse(json)
 * quote.plans.map((plan) => plan.termMonths) // e.g. [3, 12, 24]
 * ```
 */
export const Quote = z
  .object({
    id: prefixedId('quote'),
    object: z.literal('quote'),
    amount: WireMoney,
    scenario: Scenario,
    plans: z.array(QuotedPlan),
    expiresAt: Timestamp,
  });
export type Quote = z.infer<typeof Quote>;
