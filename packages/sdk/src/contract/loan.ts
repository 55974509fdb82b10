import * as z from 'zod/mini';
import { prefixedId, Timestamp, WireMoney } from './primitives.js';
import { DisclosedAnnualRate, WireInstalment } from './quote.js';

/**
 * A loan after confirmation, with the state of every instalment.
 *
 * @example
 * ```ts
 * const loan: Loan = await bank.loans.retrieve('loan_00000001')
 * const next = loan.instalments.find((instalment) => instalment.status === 'upcoming' || instalment.status === 'due')
 * ```
 */
export const Loan = z
  .object({
    id: prefixedId('loan'),
    object: z.literal('loan'),
    applicationId: prefixedId('app'),
    orderId: z.string(),
    status: z.enum(['pending_disbursement', 'active', 'paid', 'overdue']),
    principal: WireMoney,
    annualRate: DisclosedAnnualRate,
    instalments: z.array(z.extend(WireInstalment, { status: z.enum(['upcoming', 'due', 'paid', 'overdue']) })),
    outstanding: WireMoney,
    createdAt: Timestamp,
  });
export type Loan = z.infer<typeof Loan>;
