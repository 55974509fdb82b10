import * as z from 'zod/mini';
import { DecimalRate, offsetDateTime, prefixedId, RateMarket, RepaymentMethod, Scenario, WireMoney } from './primitives.js';

/**
 * One plan the bank offers: enough for `@fenqi/core` to compute any amount's schedule locally.
 *
 * @example
 * ```ts
 * const plan: RatePlan | undefined = rateCard.plans.find((candidate) => candidate.termMonths === 12)
 * plan?.minAmount // { value: '600.00', currency: 'CNY' }
 * ```
 */
export const RatePlan = z
  .object({
    id: prefixedId('plan'),
    termMonths: z.int().check(z.minimum(1), z.maximum(600)),
    method: RepaymentMethod,
    annualRate: DecimalRate,
    monthlyFeeRate: DecimalRate,
    upfrontFee: z.optional(WireMoney),
    feeFinanced: z.boolean(),
    minAmount: WireMoney,
    maxAmount: WireMoney,
    /** Who pays for a 0 % plan: the merchant subsidises it. */
    subsidisedBy: z.optional(z.enum(['merchant'])),
    rounding: z.enum(['half-up', 'half-even', 'down', 'up']),
    residual: z.enum(['last', 'first']),
  });
export type RatePlan = z.infer<typeof RatePlan>;

/**
 * The plans a merchant offers for one scenario and currency (cacheable, publishable key).
 *
 * @example
 * ```ts
 * const rateCard = RateCard.parse(json)
 * rateCard.plans.map((plan) => plan.termMonths) // [3, 12, 24]
 * ```
 */
export const RateCard = z
  .object({
    id: prefixedId('rc'),
    object: z.literal('rate_card'),
    merchant: z.string(),
    scenario: Scenario,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    market: RateMarket,
    plans: z.array(RatePlan),
    updatedAt: offsetDateTime(),
  })
  // Every amount of a plan is in the card's currency, or local offers would compare apples and yen.
  .check(
    z.refine((card) => card.plans.every((plan) => [plan.minAmount, plan.maxAmount, plan.upfrontFee].every((money) => !money || money.currency === card.currency)), {
    message: 'Every plan amount must be in the rate card currency.',
    path: ['plans'],
  }),
  );
export type RateCard = z.infer<typeof RateCard>;

/**
 * Query of `GET /v1/products`.
 *
 * @example
 * ```ts
 * const query: ProductsQuery = { merchant: 'shop-1', scenario: 'retail', currency: 'CNY' }
 * const { data } = await fenqi.products.list(query)
 * ```
 */
export const ProductsQuery = z
  .strictObject({
    merchant: z.string().check(z.minLength(1), z.maxLength(64)),
    scenario: Scenario,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  });
export type ProductsQuery = z.infer<typeof ProductsQuery>;

/**
 * Answer of `GET /v1/products`: the rate cards that match the query.
 *
 * @example
 * ```ts
 * const { data: rateCards } = RateCardList.parse(json)
 * ```
 */
export const RateCardList = z.object({ object: z.literal('list'), data: z.array(RateCard) });
export type RateCardList = z.infer<typeof RateCardList>;
