import * as z from 'zod/mini';
import { PositiveMoneyInput, prefixedId, Timestamp, WireMoney } from './primitives.js';

/**
 * Body of `POST /v1/applications/{id}/confirm` (secret key): the partner's server confirms the
 * order; the bank re-checks amount and order id against the session.
 *
 * @example
 * ```ts
 * const order: OrderConfirmation = { orderId: 'order-42', amount: { value: '4999.00', currency: 'CNY' } }
 * const confirmed = await bank.applications.confirm('app_00000001', order)
 * ```
 */
export const OrderConfirmation = z
  .strictObject({
    orderId: z.string().check(z.minLength(1), z.maxLength(128)),
    amount: PositiveMoneyInput,
  });
export type OrderConfirmation = z.infer<typeof OrderConfirmation>;

/**
 * A confirmed order: the loan exists and can be disbursed.
 *
 * @example
 * ```ts
 * const confirmed: ConfirmedOrder = await bank.applications.confirm(applicationId, order)
 * // One key per attempt: a retry of this attempt reuses it; a new attempt after disbursement.failed gets a new one.
 * await bank.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: `disburse-${confirmed.orderId}-1` })
 * ```
 */
export const ConfirmedOrder = z
  .object({
    object: z.literal('order_confirmation'),
    applicationId: prefixedId('app'),
    orderId: z.string(),
    amount: WireMoney,
    loanId: prefixedId('loan'),
    confirmedAt: Timestamp,
  });
export type ConfirmedOrder = z.infer<typeof ConfirmedOrder>;
