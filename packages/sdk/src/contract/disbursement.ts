import * as z from 'zod/mini';
import { PositiveMoneyInput, prefixedId, Timestamp, WireMoney } from './primitives.js';

/**
 * Body of `POST /v1/disbursements` (secret key; an Idempotency-Key is required).
 *
 * @example
 * ```ts
 * const request: DisbursementCreate = { loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' } }
 * // The key stored with the order: a retry after a crash never pays twice
 * const disbursement = await bank.disbursements.create(request, { idempotencyKey: 'disburse-order-42-1' }) // order 42, attempt 1
 * ```
 */
export const DisbursementCreate = z
  .strictObject({
    loanId: prefixedId('loan'),
    amount: PositiveMoneyInput,
  });
export type DisbursementCreate = z.infer<typeof DisbursementCreate>;

/**
 * Money paid by the bank to the merchant for a loan.
 *
 * @example
 * ```ts
 * const disbursement: Disbursement = await bank.disbursements.retrieve('dsb_00000001')
 * if (disbursement.status === 'failed') alertFinance(disbursement.failureCode)
 * ```
 */
export const Disbursement = z
  .object({
    id: prefixedId('dsb'),
    object: z.literal('disbursement'),
    loanId: prefixedId('loan'),
    amount: WireMoney,
    status: z.enum(['pending', 'succeeded', 'failed']),
    failureCode: z.optional(z.string()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  });
export type Disbursement = z.infer<typeof Disbursement>;
