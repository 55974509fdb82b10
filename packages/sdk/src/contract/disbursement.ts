import * as z from 'zod';
import { PositiveMoneyInput, prefixedId, Timestamp, WireMoney } from './primitives.js';

/** Body of `POST /v1/disbursements` (secret key; an Idempotency-Key is required). */
export const DisbursementCreate = z
  .strictObject({
    loanId: prefixedId('loan'),
    amount: PositiveMoneyInput,
  })
  .meta({ id: 'DisbursementCreate' });
export type DisbursementCreate = z.infer<typeof DisbursementCreate>;

/** Money paid by the bank to the merchant for a loan. */
export const Disbursement = z
  .object({
    id: prefixedId('dsb'),
    object: z.literal('disbursement'),
    loanId: prefixedId('loan'),
    amount: WireMoney,
    status: z.enum(['pending', 'succeeded', 'failed']),
    failureCode: z.string().optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Disbursement' });
export type Disbursement = z.infer<typeof Disbursement>;
