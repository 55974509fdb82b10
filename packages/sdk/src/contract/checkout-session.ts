import * as z from 'zod/mini';
import { ClientSecret, PositiveMoneyInput, prefixedId, Scenario, Timestamp, WireMoney } from './primitives.js';

/**
 * Free-form partner data: at most 20 short string values. (Only checkout sessions carry it, so it
 * lives here: a browser bundle that never touches a session leaves it out.)
 *
 * @example
 * ```ts
 * const metadata = Metadata.parse({ cartId: 'cart-981', channel: 'app' })
 * ```
 */
export const Metadata = z
  .record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(500)))
  .check(z.refine((record) => Object.keys(record).length <= 20, { message: 'At most 20 metadata keys.' }));

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
    orderId: z.string().check(z.minLength(1), z.maxLength(128)),
    scenario: Scenario,
    merchant: z.string().check(z.minLength(1), z.maxLength(64)),
    expiresInMinutes: z.optional(z.int().check(z.minimum(5), z.maximum(24 * 60))),
    metadata: z.optional(Metadata),
  });
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
    clientSecret: z.optional(ClientSecret),
    applicationId: z.optional(prefixedId('app')),
    metadata: z.optional(Metadata),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  });
export type CheckoutSession = z.infer<typeof CheckoutSession>;
