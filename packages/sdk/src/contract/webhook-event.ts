import * as z from 'zod/mini';
import { Application } from './application.js';
import { CheckoutSession } from './checkout-session.js';
import { Loan } from './loan.js';
import { CalendarDay, prefixedId, Timestamp, WireMoney } from './primitives.js';
import { Disbursement } from './disbursement.js';

const eventBase = { id: prefixedId('evt'), object: z.literal('event'), createdAt: Timestamp };

/**
 * The events the bank sends to a partner's webhook endpoint, signed with the Standard Webhooks
 * scheme, one for every change of state after the checkout: a session expired unused, an
 * application decided, a loan created (order confirmed), a disbursement settled, a repayment due,
 * paid or overdue, and the loan paid off. `webhook-id` equals `id` and is the key to deduplicate on.
 *
 * @example
 * ```ts
 * const event: WebhookEvent = await verifyWebhook(await request.text(), request.headers, secret)
 * if (await alreadyHandled(event.id)) return new Response(null, { status: 200 })
 * if (event.type === 'repayment.due') remind(event.data.loanId, event.data.dueDate, event.data.amount)
 * ```
 */
export const WebhookEvent = z
  .discriminatedUnion('type', [
    z.object({ ...eventBase, type: z.literal('checkout_session.expired'), data: CheckoutSession }),
    z.object({ ...eventBase, type: z.literal('application.decided'), data: Application }),
    z.object({ ...eventBase, type: z.literal('loan.created'), data: Loan }),
    z.object({ ...eventBase, type: z.literal('disbursement.succeeded'), data: Disbursement }),
    z.object({ ...eventBase, type: z.literal('disbursement.failed'), data: Disbursement }),
    z.object({
      ...eventBase,
      type: z.literal('repayment.due'),
      data: z.object({ loanId: prefixedId('loan'), instalment: z.int().check(z.minimum(1)), dueDate: CalendarDay, amount: WireMoney }),
    }),
    z.object({
      ...eventBase,
      type: z.literal('repayment.paid'),
      data: z.object({ loanId: prefixedId('loan'), instalment: z.int().check(z.minimum(1)), paidOn: CalendarDay, amount: WireMoney }),
    }),
    z.object({
      ...eventBase,
      type: z.literal('loan.overdue'),
      data: z.object({ loanId: prefixedId('loan'), instalment: z.int().check(z.minimum(1)), overdueSince: CalendarDay, amount: WireMoney }),
    }),
    z.object({ ...eventBase, type: z.literal('loan.paid'), data: Loan }),
  ]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;
