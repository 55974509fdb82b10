import * as z from 'zod';
import { Metadata, PositiveMoneyInput, prefixedId, Scenario, Timestamp, WireMoney } from './primitives.js';

/**
 * Body of `POST /v1/checkout-sessions` (secret key): the partner's server fixes the amount.
 *
 * @example
 * ```ts
 * const request: CheckoutSessionCreate = { amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-42', scenario: 'retail', merchant: 'shop-1' }
 * const session = await bank.checkoutSessions.create(request)
 * ```
 */
export const CheckoutSessionCreate = z
  .strictObject({
    amount: PositiveMoneyInput,
    orderId: z.string().min(1).max(128),
    scenario: Scenario,
    merchant: z.string().min(1).max(64),
    expiresInMinutes: z.int().min(5).max(24 * 60).optional(),
    metadata: Metadata.optional(),
  })
  .meta({ id: 'CheckoutSessionCreate' });
export type CheckoutSessionCreate = z.infer<typeof CheckoutSessionCreate>;

/**
 * A checkout session; the browser only ever receives its opaque `clientSecret`.
 *
 * @example
 * ```ts
 * const session: CheckoutSession = await bank.checkoutSessions.create(request)
 * return Response.json({ clientSecret: session.clientSecret }) // nothing else goes to the browser
 * ```
 */
export const CheckoutSession = z
  .object({
    id: prefixedId('cs'),
    object: z.literal('checkout_session'),
    status: z.enum(['open', 'completed', 'expired']),
    amount: WireMoney,
    orderId: z.string(),
    scenario: Scenario,
    merchant: z.string(),
    /** Present on creation only; give it to the shopper's browser and nowhere else. */
    clientSecret: z.string().regex(/^cs_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/).optional(),
    applicationId: prefixedId('app').optional(),
    metadata: Metadata.optional(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .meta({ id: 'CheckoutSession' });
export type CheckoutSession = z.infer<typeof CheckoutSession>;
