import type * as z from 'zod/mini';
import { Application, ApplicationCreate, OfferAcceptance } from './application.js';
import { CheckoutSession, CheckoutSessionCreate } from './checkout-session.js';
import { Disbursement, DisbursementCreate } from './disbursement.js';
import { Loan } from './loan.js';
import { ConfirmedOrder, OrderConfirmation } from './order.js';
import { Quote, QuoteRequest } from './quote.js';
import { ProductsQuery, RateCardList } from './rate-card.js';

/**
 * One operation of the bank's API: the single table the clients, the mock bank and the OpenAPI
 * document are built from.
 *
 * @example
 * ```ts
 * const quote = OPERATIONS.find((operation) => operation.operationId === 'createQuote')
 * quote?.body?.safeParse(request)
 * ```
 */
export interface Operation {
  readonly operationId: string;
  readonly method: 'get' | 'post';
  /** Path with `{id}` placeholders, under the API base URL. */
  readonly path: string;
  readonly summary: string;
  /**
   * Who may call it: a publishable key (browser), a publishable key with the session's client
   * secret, or a secret key (partner server only).
   */
  readonly auth: 'publishable' | 'client-secret' | 'secret';
  /**
   * The `Idempotency-Key` header: `required` for calls that create or move money (the SDK
   * generates one per call when the caller gives none), `optional` where only a caller-given key is
   * sent (a quote), `none` for reads.
   */
  readonly idempotencyKey: 'required' | 'optional' | 'none';
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
}

// One constant per operation, so a client that makes some calls bundles only their schemas; the
// table below (and operation()) references them all.
export const listProductsOperation: Operation = { operationId: 'listProducts', method: 'get', path: '/v1/products', summary: 'Rate cards for a merchant, scenario and currency', auth: 'publishable', idempotencyKey: 'none', query: ProductsQuery, response: RateCardList, status: 200 };
export const createQuoteOperation: Operation = { operationId: 'createQuote', method: 'post', path: '/v1/quotes', summary: "The bank's plans for an amount, with schedules", auth: 'publishable', idempotencyKey: 'optional', body: QuoteRequest, response: Quote, status: 201 };
export const createCheckoutSessionOperation: Operation = { operationId: 'createCheckoutSession', method: 'post', path: '/v1/checkout-sessions', summary: 'Fix amount, order and scenario on the partner server', auth: 'secret', idempotencyKey: 'required', body: CheckoutSessionCreate, response: CheckoutSession, status: 201 };
export const retrieveCheckoutSessionOperation: Operation = { operationId: 'retrieveCheckoutSession', method: 'get', path: '/v1/checkout-sessions/{id}', summary: 'A checkout session (the browser with its client secret, or the partner server)', auth: 'client-secret', idempotencyKey: 'none', response: CheckoutSession, status: 200 };
export const createApplicationOperation: Operation = { operationId: 'createApplication', method: 'post', path: '/v1/applications', summary: 'Apply for the loan of a checkout session', auth: 'client-secret', idempotencyKey: 'required', body: ApplicationCreate, response: Application, status: 201 };
export const retrieveApplicationOperation: Operation = { operationId: 'retrieveApplication', method: 'get', path: '/v1/applications/{id}', summary: 'An application and its decision', auth: 'client-secret', idempotencyKey: 'none', response: Application, status: 200 };
export const acceptOfferOperation: Operation = { operationId: 'acceptOffer', method: 'post', path: '/v1/applications/{id}/accept-offer', summary: "The shopper accepts a counter-offer; the application becomes approved for the offer", auth: 'client-secret', idempotencyKey: 'required', body: OfferAcceptance, response: Application, status: 200 };
export const confirmApplicationOperation: Operation = { operationId: 'confirmApplication', method: 'post', path: '/v1/applications/{id}/confirm', summary: 'Confirm the order of an approved application', auth: 'secret', idempotencyKey: 'required', body: OrderConfirmation, response: ConfirmedOrder, status: 200 };
export const createDisbursementOperation: Operation = { operationId: 'createDisbursement', method: 'post', path: '/v1/disbursements', summary: 'Pay the merchant for a confirmed loan', auth: 'secret', idempotencyKey: 'required', body: DisbursementCreate, response: Disbursement, status: 201 };
export const retrieveDisbursementOperation: Operation = { operationId: 'retrieveDisbursement', method: 'get', path: '/v1/disbursements/{id}', summary: 'A disbursement', auth: 'secret', idempotencyKey: 'none', response: Disbursement, status: 200 };
export const retrieveLoanOperation: Operation = { operationId: 'retrieveLoan', method: 'get', path: '/v1/loans/{id}', summary: 'A loan and its repayment schedule', auth: 'secret', idempotencyKey: 'none', response: Loan, status: 200 };

/**
 * Every operation of the contract.
 *
 * @example
 * ```ts
 * OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`)
 * ```
 */
export const OPERATIONS: readonly Operation[] = [
  listProductsOperation,
  createQuoteOperation,
  createCheckoutSessionOperation,
  retrieveCheckoutSessionOperation,
  createApplicationOperation,
  retrieveApplicationOperation,
  acceptOfferOperation,
  confirmApplicationOperation,
  createDisbursementOperation,
  retrieveDisbursementOperation,
  retrieveLoanOperation,
];

/**
 * The operation with this id.
 *
 * @example
 * ```ts
 * operation('createQuote').path // "/v1/quotes"
 * ```
 */
export function operation(operationId: string): Operation {
  const found = OPERATIONS.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId} in the contract.`);
  return found;
}
