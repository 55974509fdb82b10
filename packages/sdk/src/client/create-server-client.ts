import type { Application } from '../contract/application.js';
import type { CheckoutSession, CheckoutSessionCreate } from '../contract/checkout-session.js';
import type { Disbursement, DisbursementCreate } from '../contract/disbursement.js';
import type { Loan } from '../contract/loan.js';
import { confirmApplicationOperation, createCheckoutSessionOperation, createDisbursementOperation, retrieveApplicationOperation, retrieveCheckoutSessionOperation, retrieveDisbursementOperation, retrieveLoanOperation } from '../contract/operations.js';
import { fromWire } from '../contract/primitives.js';
import type { ConfirmedOrder, OrderConfirmation } from '../contract/order.js';
import type { WebhookEvent } from '../contract/webhook-event.js';
import { FenqiError } from '../errors/fenqi-error.js';
import type { RequestOptions } from '../http/transport.js';
import { verifyWebhook } from '../webhooks/webhook-signature.js';
import { transportForKey } from './keys.js';

/**
 * Options of {@link createServerClient}.
 *
 * @example
 * ```ts
 * const bank = createServerClient({ secretKey: process.env.FENQI_SECRET_KEY! })
 * ```
 */
export interface ServerClientOptions {
  /** Your secret key, `sk_test_…` or `sk_live_…`. Keep it on your server. */
  readonly secretKey: string;
  /** The bank's API. @default 'https://api.fenqi.com' for live keys, 'https://sandbox.fenqi.com' for test keys */
  readonly baseUrl?: string;
  /** Per attempt, in milliseconds. @default 15000 */
  readonly timeout?: number;
  /** For a whole call, retries and waits included, in milliseconds. @default 60000 */
  readonly totalTimeout?: number;
  /** Retries (GET always; POST with its idempotency key). @default 2 */
  readonly maxRetries?: number;
  /** A fetch to use instead of the global one. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Lets the server client run in a browser (tests only: it would expose the secret key). @default false */
  readonly dangerouslyAllowBrowser?: boolean;
}

/**
 * The partner-server client: secret-key calls and webhook verification.
 *
 * @example
 * ```ts
 * const session = await bank.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-42', scenario: 'retail', merchant: 'shop-1' })
 * ```
 */
export interface FenqiServerClient {
  readonly checkoutSessions: {
    create(request: CheckoutSessionCreate, options?: RequestOptions): Promise<CheckoutSession>;
    retrieve(id: string, options?: RequestOptions): Promise<CheckoutSession>;
  };
  readonly applications: {
    /** An application and its decision, e.g. to learn how a review ended (no client secret needed with the secret key). */
    retrieve(applicationId: string, options?: RequestOptions): Promise<Application>;
    /** Confirms the order of an approved application; the answer must repeat the order id and amount sent. */
    confirm(applicationId: string, order: OrderConfirmation, options?: RequestOptions): Promise<ConfirmedOrder>;
  };
  readonly disbursements: {
    /**
     * Pays the merchant. Pass a key you stored with the order for this attempt (e.g. `disburse-<order>-<attempt>`), so a
     * retry after a crash never pays twice; after `disbursement.failed`, a new attempt needs a new key.
     */
    create(request: DisbursementCreate, options?: RequestOptions): Promise<Disbursement>;
    retrieve(id: string, options?: RequestOptions): Promise<Disbursement>;
  };
  readonly loans: {
    retrieve(id: string, options?: RequestOptions): Promise<Loan>;
  };
  readonly webhooks: {
    /** Verifies a webhook (Standard Webhooks) and returns its typed event. */
    verify(body: string, headers: Headers | Readonly<Record<string, string | undefined>>, secret: string): Promise<WebhookEvent>;
  };
}

/**
 * Creates the server client. Throws {@link FenqiError} in a browser (unless
 * `dangerouslyAllowBrowser`), for a publishable or malformed key, or for a test/live mix-up.
 *
 * @example
 * ```ts
 * import { createServerClient } from '@fenqi/sdk/server'
 * const bank = createServerClient({ secretKey: 'sk_test_51HxExample', baseUrl: 'http://localhost:4010' })
 * ```
 */
export function createServerClient(options: ServerClientOptions): FenqiServerClient {
  if (options === null || typeof options !== 'object') throw new FenqiError('createServerClient needs options: { secretKey }.');
  if (typeof window !== 'undefined' && typeof document !== 'undefined' && !options.dangerouslyAllowBrowser) {
    throw new FenqiError('The server client holds your secret key and must not run in a browser: use createClient with your publishable key there.');
  }
  const transport = transportForKey(options.secretKey, 'sk', options, { timeout: 15_000, totalTimeout: 60_000 });
  const byId = (id: string) => ({ params: { id } });
  return {
    checkoutSessions: {
      create: (request, requestOptions) => transport.call(createCheckoutSessionOperation, { body: request }, requestOptions),
      retrieve: (id, requestOptions) => transport.call(retrieveCheckoutSessionOperation, byId(id), requestOptions),
    },
    applications: {
      retrieve: (applicationId, requestOptions) => transport.call(retrieveApplicationOperation, byId(applicationId), requestOptions),
      async confirm(applicationId, order, requestOptions) {
        const confirmed = await transport.call<ConfirmedOrder>(confirmApplicationOperation, { ...byId(applicationId), body: order }, requestOptions);
        // Belt and braces: never treat a confirmation of another order or amount as this one.
        const [sent, answered] = [fromWire(order.amount), fromWire(confirmed.amount)];
        if (confirmed.orderId !== order.orderId || sent.minor !== answered.minor || sent.currency !== answered.currency) {
          throw new FenqiError(`The bank confirmed ${confirmed.orderId} for ${confirmed.amount.value} ${confirmed.amount.currency}, not ${order.orderId} for ${order.amount.value} ${order.amount.currency}.`);
        }
        return confirmed;
      },
    },
    disbursements: {
      create: (request, requestOptions) => transport.call(createDisbursementOperation, { body: request }, requestOptions),
      retrieve: (id, requestOptions) => transport.call(retrieveDisbursementOperation, byId(id), requestOptions),
    },
    loans: {
      retrieve: (id, requestOptions) => transport.call(retrieveLoanOperation, byId(id), requestOptions),
    },
    webhooks: { verify: (body, headers, secret) => verifyWebhook(body, headers, secret) },
  };
}
