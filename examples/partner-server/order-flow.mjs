// What the partner server does at each step of an instalment checkout, and why.
//
//   1. checkout   the server prices the cart itself, records the order, and creates the bank's
//                 checkout session for that amount; the page gets only the client secret.
//   2. confirm    after the widget's `fenqi-approved` event the page sends the application id. The
//                 server reads the application from the bank (never trusting the page), checks it
//                 belongs to this order, confirms the order for the amount the loan finances and
//                 asks the bank to pay the merchant.
//   3. webhooks   the bank reports what happens later: a review decided, the money paid or not,
//                 repayments due. An approval reaching the server this way is recorded, not
//                 confirmed: the bank may approve at another rate than the plan showed (a risk
//                 tier), and only the shopper's checkout, where they accept it, leads to step 2. A
//                 shopper who closed the page confirms when they come back ("Continue").
//
// Every step that calls the bank runs under a per-order lock, and each call carries an
// idempotency key derived from the order, so double clicks, reloads, concurrent webhooks and
// retries all end in one confirmation and one payment.
import { compareMoney, parseMoney, subtractMoney, toDecimalString } from '@fenqi/core';
import { NotFoundError, WebhookVerificationError } from '@fenqi/sdk/server';
import { catalogueFor, priceCart } from './catalogue.mjs';
import { MAX_DISBURSEMENT_ATTEMPTS } from './fenqi.mjs';
import { HttpProblem, problemFor } from './http.mjs';

/** Statuses in which the bank's decision is still awaited. */
const UNDECIDED = ['awaiting_application', 'awaiting_decision'];
const APPLICATION_ID = /^app_[A-Za-z0-9]{6,64}$/;

/**
 * @param {{ bank: ReturnType<typeof import('./fenqi.mjs').createBank>, orders: ReturnType<typeof import('./orders.mjs').createOrderStore>, log: (line: string) => void }} dependencies
 */
export function createOrderFlow({ bank, orders, log }) {
  /** Per order, the tail of its queue of bank work. */
  const locks = new Map();
  /** Work started by a webhook, after its 2xx answer. */
  const background = new Set();
  /**
   * Webhook ids already processed. The bank retries a delivery until it gets a 2xx, for days, so
   * a real server keeps these in its database at least that long.
   */
  const processedWebhooks = new Set();

  /** Runs `task` after every earlier task of the same order has finished. */
  function withOrderLock(order, task) {
    const previous = locks.get(order.id) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.catch(() => undefined);
    locks.set(order.id, tail);
    void tail.then(() => {
      if (locks.get(order.id) === tail) locks.delete(order.id);
    });
    return run;
  }

  /** Bank work a webhook asked for: it runs after the answer, and its failure is logged, not lost silently. */
  function inBackground(order, task) {
    const work = withOrderLock(order, task)
      .catch((error) => log(`order ${order.id}: ${problemFor(error).detail} (${error?.message ?? error})`))
      .finally(() => background.delete(work));
    background.add(work);
  }

  // ---- 1. checkout --------------------------------------------------------------------------

  /** Prices the cart (CartError for a bad one), records the order and opens the bank's checkout session. */
  async function checkout(site, cart) {
    const priced = priceCart(site, cart);
    const catalogue = catalogueFor(site);
    // Recorded before the bank is called, so a failure leaves a trace rather than nothing.
    const order = orders.create({ site, cart, priced });
    try {
      const session = await bank.createCheckoutSession(order, catalogue);
      if (!session.clientSecret) throw new HttpProblem(502, 'bank-error', 'The bank gave an unexpected answer', 'The new checkout session has no client secret.');
      orders.update(order, { sessionId: session.id });
      return { order, clientSecret: session.clientSecret };
    } catch (error) {
      const problem = problemFor(error);
      orders.update(order, { status: 'failed', failure: { title: problem.title, detail: problem.detail } });
      throw problem;
    }
  }

  // ---- 2. confirm ---------------------------------------------------------------------------

  /**
   * The page reports an application. Answers `{ status: 200 | 202, order }` (202: the bank is
   * still reviewing, its webhook will finish the order), or throws the problem to answer.
   */
  function confirm(order, applicationId) {
    if (typeof applicationId !== 'string' || !APPLICATION_ID.test(applicationId)) {
      throw invalidApplication('applicationId must be the id of the application, such as "app_00000001".');
    }
    return withOrderLock(order, async () => {
      if (order.applicationId && order.applicationId !== applicationId) throw invalidApplication(`Order ${order.id} belongs to another application.`);
      // Already decided (a double click, a reload, or the webhook was faster): resume, never redo.
      if (!UNDECIDED.includes(order.status)) {
        await advance(order);
        return outcome(order);
      }
      let application;
      try {
        application = await bank.retrieveApplication(applicationId);
      } catch (error) {
        if (error instanceof NotFoundError) throw invalidApplication(`The bank has no application ${applicationId}.`);
        throw error;
      }
      // The page could send any application id: only one of this order's own session counts.
      if (application.sessionId !== order.sessionId) throw invalidApplication(`Application ${applicationId} was not made for order ${order.id}.`);
      recordDecision(order, application);
      if (application.status === 'approved') await completeOrder(order, application);
      return outcome(order);
    });
  }

  /** What the page hears about an order once its application has been looked at. */
  function outcome(order) {
    switch (order.status) {
      case 'awaiting_decision':
        return { status: 202, order };
      case 'confirmed':
      case 'disbursing':
      case 'paid':
        return { status: 200, order };
      case 'declined':
        throw new HttpProblem(409, 'application-declined', 'Application declined', 'The bank declined the instalment application; please choose another way to pay.', { reasons: order.decision?.reasons ?? [], order });
      case 'cancelled':
        throw new HttpProblem(409, 'order-cancelled', 'Order cancelled', `Order ${order.id} was cancelled.`, { order });
      case 'failed':
        throw new HttpProblem(409, 'order-failed', 'Order failed', order.failure?.detail ?? `Order ${order.id} failed.`, { order });
      default:
        if (order.decision?.status === 'counter_offer') {
          throw new HttpProblem(409, 'offer-not-accepted', 'Counter-offer not accepted', 'The bank offered a lower amount; the shopper accepts it in the checkout before the order is confirmed.', { order });
        }
        throw new HttpProblem(409, 'application-not-decided', 'No decision yet', 'The application has no decision yet.', { order });
    }
  }

  /** Records a decision the bank made (read by the server, or signed in a webhook). */
  function recordDecision(order, application) {
    const decision =
      application.status === 'declined'
        ? { status: 'declined', reasons: application.reasons.map((reason) => reason.code) }
        : application.status === 'counter_offer'
          ? { status: 'counter_offer', offer: application.offer.amount }
          : application.status === 'review'
            ? { status: 'review', ...(application.decisionExpectedAt ? { expectedAt: application.decisionExpectedAt } : {}) }
            : { status: 'approved' };
    const status = { declined: 'declined', review: 'awaiting_decision', counter_offer: order.status, approved: order.status }[decision.status];
    // Only an order still waiting takes a decision: a late or stale one changes nothing.
    if (UNDECIDED.includes(order.status)) orders.update(order, { applicationId: application.id, decision, status });
  }

  /**
   * Confirms an approved application and starts paying the merchant, for the confirm endpoint
   * (the shopper's checkout said `fenqi-approved`). Runs under the order's lock.
   */
  async function completeOrder(order, application) {
    if (!order.loanId) {
      if (!UNDECIDED.includes(order.status)) return; // cancelled or failed meanwhile: do not lend
      const total = parseMoney(order.amount.value, order.amount.currency);
      // What the loan pays: the order total, or less when the shopper accepted a counter-offer.
      const financed = parseMoney(application.plan.totals.principal.value, application.plan.totals.principal.currency);
      if (financed.currency !== total.currency || financed.minor <= 0n || compareMoney(financed, total) > 0) {
        throw new HttpProblem(502, 'unexpected-approval', 'Unexpected approval', `The bank approved ${toDecimalString(financed)} ${financed.currency} for an order of ${order.amount.value} ${order.amount.currency}.`);
      }
      const confirmation = await bank.confirmOrder(order, application.id, wire(financed));
      orders.update(order, {
        status: 'confirmed',
        applicationId: application.id,
        decision: { status: 'approved' },
        loanId: confirmation.loanId,
        financed: confirmation.amount,
        // The rest of the total is paid another way (card, transfer): the shop collects it.
        remainder: wire(subtractMoney(total, financed)),
      });
    }
    await advance(order);
  }

  /**
   * The next disbursement step, if one is due: the first attempt after confirmation, or the next
   * one after the bank reported an attempt failed (at most {@link MAX_DISBURSEMENT_ATTEMPTS}).
   * Runs under the order's lock, so two triggers never start two attempts.
   */
  async function advance(order) {
    const last = order.disbursements.at(-1);
    if (order.status === 'confirmed' && !last) return disburse(order, 1);
    if (order.status !== 'disbursing' || last?.status !== 'failed') return;
    if (last.attempt < MAX_DISBURSEMENT_ATTEMPTS) return disburse(order, last.attempt + 1);
    orders.update(order, { status: 'failed', failure: { title: 'Disbursement failed', detail: `The bank could not pay the merchant after ${last.attempt} attempts (${last.failureCode ?? 'no reason given'}).` } });
  }

  async function disburse(order, attempt) {
    const disbursement = await bank.createDisbursement(order, attempt);
    recordDisbursement(order, disbursement, attempt);
  }

  /** Records what the bank says about a disbursement; a success pays the order. */
  function recordDisbursement(order, disbursement, attempt) {
    let entry = order.disbursements.find((candidate) => candidate.id === disbursement.id);
    if (!entry) {
      if (attempt === undefined) return undefined; // not one this server asked for
      entry = { attempt, id: disbursement.id };
      order.disbursements.push(entry);
    }
    Object.assign(entry, { status: disbursement.status, ...(disbursement.failureCode ? { failureCode: disbursement.failureCode } : {}), updatedAt: disbursement.updatedAt });
    orders.update(order, { status: 'disbursing' });
    if (disbursement.status === 'succeeded') orders.update(order, { status: 'paid' });
    return entry;
  }

  // ---- 3. webhooks --------------------------------------------------------------------------

  /**
   * Verifies and handles one webhook delivery. `body` is the raw body text: the signature covers
   * the exact bytes, so it is checked before any JSON parsing. Returns `{ duplicate }`; throws a
   * 400 problem (and changes nothing) for a delivery that fails verification.
   */
  async function receiveWebhook(body, headers) {
    let event;
    try {
      event = await bank.verifyWebhook(body, headers);
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new HttpProblem(400, 'webhook-refused', 'Webhook refused', error.message, { code: error.code });
      throw error;
    }
    // Standard Webhooks delivers at least once: the same webhook-id again is a retry or a replay.
    if (processedWebhooks.has(event.id)) return { duplicate: true };
    // From here to the answer nothing awaits, so two concurrent deliveries cannot both get past the check.
    const order = orderOf(event);
    if (order) {
      handle(order, event);
      order.events.push(summary(event));
    } else {
      log(`webhook ${event.id} (${event.type}) is for no order of this server; ignored`);
    }
    processedWebhooks.add(event.id);
    return { duplicate: false };
  }

  function orderOf(event) {
    switch (event.type) {
      case 'application.decided':
        return orders.findBySession(event.data.sessionId);
      case 'checkout_session.expired':
        return orders.findBySession(event.data.id);
      case 'loan.created':
      case 'loan.paid':
        return orders.findByLoan(event.data.id);
      default:
        return orders.findByLoan(event.data.loanId);
    }
  }

  function handle(order, event) {
    switch (event.type) {
      case 'application.decided':
        // Recorded only. An approval is confirmed when the shopper's checkout says so: the terms
        // may differ from the plan they chose, and they accept those first.
        recordDecision(order, event.data);
        return;
      case 'disbursement.succeeded':
        recordDisbursement(order, event.data);
        return;
      case 'disbursement.failed':
        recordDisbursement(order, event.data);
        inBackground(order, () => advance(order));
        return;
      case 'checkout_session.expired':
      case 'loan.created':
      case 'repayment.due':
      case 'repayment.paid':
      case 'loan.overdue':
      case 'loan.paid':
        // Recorded on the order (in `events`): the shop may remind the shopper, stop the service,
        // or close the order; nothing here needs the bank again.
        return;
    }
  }

  // ---- reading and cancelling ---------------------------------------------------------------

  /**
   * The order with what the bank says now: its loan and latest disbursement. Reading also
   * catches up: the bank's answer is recorded as a missed webhook would have been, and a step
   * that failed earlier (the bank was down when a webhook asked for it) is tried again.
   */
  async function refresh(order) {
    const last = order.disbursements.at(-1);
    let loan = null;
    let disbursement = null;
    let bankError;
    try {
      [loan, disbursement] = await Promise.all([order.loanId ? bank.retrieveLoan(order.loanId) : null, last ? bank.retrieveDisbursement(last.id) : null]);
      if (disbursement) recordDisbursement(order, disbursement);
    } catch (error) {
      const problem = problemFor(error);
      bankError = { title: problem.title, detail: problem.detail };
    }
    if (hasUnfinishedStep(order)) inBackground(order, () => resume(order));
    return { ...order, loan, disbursement, ...(bankError ? { bankError } : {}) };
  }

  /** An approval not yet confirmed, a confirmation not yet disbursed, or a failed attempt not yet retried. */
  function hasUnfinishedStep(order) {
    const last = order.disbursements.at(-1);
    return (
      (order.status === 'confirmed' && !last) ||
      (order.status === 'disbursing' && last?.status === 'failed')
    );
  }

  /** Takes an order on from wherever it stopped. Runs under the order's lock. */
  async function resume(order) {
    await advance(order);
  }

  /** The shopper pays another way before the bank decided: a later approval is then not confirmed. */
  function cancel(order) {
    return withOrderLock(order, async () => {
      if (order.status === 'cancelled') return order;
      // Approved but not yet confirmed is still cancellable: the bank lends only once confirmed.
      if (!UNDECIDED.includes(order.status)) {
        throw new HttpProblem(409, 'order-not-cancellable', 'Order cannot be cancelled here', `Order ${order.id} is ${order.status}; only an order still waiting for the bank's decision can be cancelled.`, { order });
      }
      orders.update(order, { status: 'cancelled' });
      return order;
    });
  }

  return {
    checkout,
    confirm,
    receiveWebhook,
    refresh,
    cancel,
    /** Resolves once no bank work started by a webhook is left. */
    async settled() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}

function invalidApplication(detail) {
  return new HttpProblem(422, 'application-mismatch', 'Invalid application', detail, { errors: [{ pointer: '#/applicationId', detail }] });
}

function wire(money) {
  return { value: toDecimalString(money), currency: money.currency };
}

/** What an order keeps of a webhook event: enough to show and audit, not the whole payload. */
function summary(event) {
  const base = { id: event.id, type: event.type, createdAt: event.createdAt, receivedAt: new Date().toISOString() };
  switch (event.type) {
    case 'application.decided':
      return { ...base, applicationId: event.data.id, status: event.data.status };
    case 'disbursement.succeeded':
    case 'disbursement.failed':
      return { ...base, disbursementId: event.data.id, status: event.data.status, ...(event.data.failureCode ? { failureCode: event.data.failureCode } : {}) };
    case 'repayment.due':
      return { ...base, instalment: event.data.instalment, dueDate: event.data.dueDate, amount: event.data.amount };
    case 'loan.overdue':
      return { ...base, instalment: event.data.instalment, overdueSince: event.data.overdueSince, amount: event.data.amount };
    default:
      return base;
  }
}
