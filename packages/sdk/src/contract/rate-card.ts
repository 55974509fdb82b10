import * as z from 'zod';
import { DecimalRate, prefixedId, RateMarket, RepaymentMethod, Scenario, WireMoney } from './primitives.js';

/** One plan the bank offers: enough for `@fenqi/core` to compute any amount's schedule locally. */
export const RatePlan = z
  .object({
    id: prefixedId('plan'),
    termMonths: z.int().min(1).max(600),
    method: RepaymentMethod,
    annualRate: DecimalRate,
    monthlyFeeRate: DecimalRate,
    upfrontFee: WireMoney.optional(),
    feeFinanced: z.boolean(),
    minAmount: WireMoney,
    maxAmount: WireMoney,
    /** Who pays for a 0 % plan: the merchant subsidises it. */
    subsidisedBy: z.enum(['merchant']).optional(),
    rounding: z.enum(['half-up', 'half-even', 'down', 'up']),
    residual: z.enum(['last', 'first']),
  })
  .meta({ id: 'RatePlan', description: 'A plan of a rate card; schedules come from @fenqi/core.' });
export type RatePlan = z.infer<typeof RatePlan>;

/** The plans a merchant offers for one scenario and currency (cacheable, publishable key). */
export const RateCard = z
  .object({
    id: prefixedId('rc'),
    object: z.literal('rate_card'),
    merchant: z.string(),
    scenario: Scenario,
    currency: z.string().regex(/^[A-Z]{3}$/),
    market: RateMarket,
    plans: z.array(RatePlan),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RateCard' });
export type RateCard = z.infer<typeof RateCard>;

/** Query of `GET /v1/products`. */
export const ProductsQuery = z
  .strictObject({
    merchant: z.string().min(1).max(64),
    scenario: Scenario,
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .meta({ id: 'ProductsQuery' });
export type ProductsQuery = z.infer<typeof ProductsQuery>;

export const RateCardList = z.object({ object: z.literal('list'), data: z.array(RateCard) }).meta({ id: 'RateCardList' });
export type RateCardList = z.infer<typeof RateCardList>;
