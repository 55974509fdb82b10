import * as z from 'zod';
import { CalendarDay, PositiveMoneyInput, prefixedId, RateMarket, RepaymentMethod, Scenario, Timestamp, WireMoney } from './primitives.js';

/** One row of a repayment schedule on the wire. */
export const WireInstalment = z
  .object({
    number: z.int().min(1),
    dueDate: CalendarDay.optional(),
    payment: WireMoney,
    principal: WireMoney,
    interest: WireMoney,
    fee: WireMoney,
    balance: WireMoney,
  })
  .meta({ id: 'Instalment' });
export type WireInstalment = z.infer<typeof WireInstalment>;

/** The annual rate a market requires, solved from the real cash flows. */
export const DisclosedAnnualRate = z
  .object({
    market: RateMarket,
    basis: z.enum(['nominal', 'effective']),
    percent: z.string().regex(/^-?\d+(\.\d+)?$/),
  })
  .meta({ id: 'DisclosedAnnualRate' });

/** A plan with its full schedule for one amount: what the bank will honour. */
export const QuotedPlan = z
  .object({
    planId: prefixedId('plan'),
    termMonths: z.int().min(1),
    method: RepaymentMethod,
    instalments: z.array(WireInstalment),
    totals: z.object({ payment: WireMoney, principal: WireMoney, interest: WireMoney, fees: WireMoney, costOfCredit: WireMoney }),
    upfrontFee: WireMoney,
    annualRate: DisclosedAnnualRate,
  })
  .meta({ id: 'QuotedPlan' });
export type QuotedPlan = z.infer<typeof QuotedPlan>;

/** Body of `POST /v1/quotes` (publishable key). */
export const QuoteRequest = z
  .strictObject({
    merchant: z.string().min(1).max(64),
    scenario: Scenario,
    amount: PositiveMoneyInput,
    planIds: z.array(prefixedId('plan')).min(1).max(50).optional(),
  })
  .meta({ id: 'QuoteRequest' });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/** The bank's authoritative plans for an amount. */
export const Quote = z
  .object({
    id: prefixedId('quote'),
    object: z.literal('quote'),
    amount: WireMoney,
    scenario: Scenario,
    plans: z.array(QuotedPlan),
    expiresAt: Timestamp,
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;
