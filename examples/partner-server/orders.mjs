// The partner's orders, in memory. A real shop keeps them in its database; what matters for the
// integration is what an order remembers (the bank's ids, the idempotency keys' attempt numbers,
// the webhook events) and that its status only ever moves forward.
import { randomBytes } from 'node:crypto';

/**
 * Where an order can go from each status. Anything else is refused, so a late or replayed
 * webhook can never take a paid order back to `disbursing`, or a declined one to `confirmed`.
 *
 * - `awaiting_application`: checkout session created, the shopper is applying in the widget
 * - `awaiting_decision`: the bank put the application in review; its webhook decides
 * - `confirmed`: the order is confirmed at the bank, the loan exists
 * - `disbursing`: the bank is paying the merchant (an attempt is pending or being retried)
 * - `paid`: the merchant has the money; ship the goods
 * - `declined`: the bank declined the application; offer another way to pay
 * - `cancelled`: the shopper chose another way to pay before the bank decided
 * - `failed`: the checkout session could not be created, or every disbursement attempt failed
 */
export const TRANSITIONS = Object.freeze({
  awaiting_application: ['awaiting_decision', 'confirmed', 'declined', 'cancelled', 'failed'],
  awaiting_decision: ['confirmed', 'declined', 'cancelled', 'failed'],
  confirmed: ['disbursing', 'failed'],
  disbursing: ['paid', 'failed'],
  paid: [],
  declined: [],
  cancelled: [],
  failed: [],
});

/**
 * An in-memory order store.
 *
 * An order: `{ id: 'ord_…', site, cart, priced, amount: { value, currency }, status, sessionId,
 * applicationId?, loanId?, financed?, remainder?, decision?, failure?, disbursements: [{ attempt,
 * id, status, failureCode? }], events: [{ id, type, createdAt, receivedAt, … }], createdAt, updatedAt }`.
 * `financed` is what the loan pays; `remainder` (total − financed, after a counter-offer) is what
 * the shopper still pays another way.
 */
export function createOrderStore() {
  /** @type {Map<string, any>} */
  const orders = new Map();

  return {
    /** Records a new order for a priced cart, before any call to the bank. */
    create({ site, cart, priced }) {
      const now = new Date().toISOString();
      // Unguessable: the order id is all a page needs to read its order.
      const id = `ord_${randomBytes(9).toString('base64url')}`;
      const order = {
        id,
        site,
        cart,
        priced,
        amount: { value: priced.total, currency: priced.currency },
        status: 'awaiting_application',
        sessionId: null,
        disbursements: [],
        events: [],
        createdAt: now,
        updatedAt: now,
      };
      orders.set(id, order);
      return order;
    },

    /** The order, or undefined. */
    get(id) {
      return orders.get(id);
    },

    /** Every order, newest first. */
    list() {
      return [...orders.values()].reverse();
    },

    /** The order a bank checkout session was created for. */
    findBySession(sessionId) {
      return [...orders.values()].find((order) => order.sessionId === sessionId);
    },

    /** The order a bank loan pays for. */
    findByLoan(loanId) {
      return [...orders.values()].find((order) => order.loanId === loanId);
    },

    /**
     * Changes an order's fields, and its status only along {@link TRANSITIONS}; staying in the
     * same status is allowed. Returns false (and changes nothing) for a transition not allowed.
     */
    update(order, changes) {
      if (changes.status !== undefined && changes.status !== order.status && !TRANSITIONS[order.status].includes(changes.status)) return false;
      Object.assign(order, changes, { updatedAt: new Date().toISOString() });
      return true;
    },
  };
}
