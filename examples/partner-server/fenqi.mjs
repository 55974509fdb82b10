// Every call this server makes to the bank, in one place, with the secret key.
//
// Each call that creates or changes something carries an idempotency key derived from the order
// (never a random one): whether the SDK retries a timeout, the shopper double-clicks or this
// server restarts half-way, the bank recognises the repeat and answers it without acting twice.
import { createServerClient } from '@fenqi/sdk/server';

/** How many times the bank may fail to pay the merchant before the order is given up as failed. */
export const MAX_DISBURSEMENT_ATTEMPTS = 3;

/**
 * The bank, as this server uses it.
 *
 * @param {{ secretKey: string, apiBase: string, webhookSecret: string, signal?: AbortSignal }} options
 *   `signal` cancels every call in flight (the server is shutting down).
 */
export function createBank({ secretKey, apiBase, webhookSecret, signal }) {
  const bank = createServerClient({ secretKey, baseUrl: apiBase });
  const options = (idempotencyKey) => ({ ...(idempotencyKey ? { idempotencyKey } : {}), ...(signal ? { signal } : {}) });

  return {
    /**
     * The checkout session for an order: the amount comes from the server's own pricing, and the
     * browser will only ever see the session's client secret.
     */
    createCheckoutSession(order, { merchant, scenario }) {
      return bank.checkoutSessions.create({ amount: order.amount, orderId: order.id, scenario, merchant }, options(`session-${order.id}`));
    },

    /** An application and its decision, read with the secret key: the browser's word is never taken. */
    retrieveApplication(applicationId) {
      return bank.applications.retrieve(applicationId, options());
    },

    /** Confirms the order for the amount the loan finances; the bank re-checks it against the session. */
    confirmOrder(order, applicationId, financed) {
      return bank.applications.confirm(applicationId, { orderId: order.id, amount: financed }, options(`confirm-${order.id}`));
    },

    /**
     * Asks the bank to pay the merchant. One key per order and attempt: a retry of the same attempt
     * is recognised; only after the bank reports an attempt failed does the next number start a
     * new payment.
     */
    createDisbursement(order, attempt) {
      return bank.disbursements.create({ loanId: order.loanId, amount: order.financed }, options(`disburse-${order.id}-${attempt}`));
    },

    retrieveDisbursement(disbursementId) {
      return bank.disbursements.retrieve(disbursementId, options());
    },

    retrieveLoan(loanId) {
      return bank.loans.retrieve(loanId, options());
    },

    /**
     * Checks a webhook's signature and age (Standard Webhooks) on the exact body text received, and
     * returns the typed event; throws `WebhookVerificationError` otherwise.
     */
    verifyWebhook(body, headers) {
      return bank.webhooks.verify(body, headers, webhookSecret);
    },
  };
}
