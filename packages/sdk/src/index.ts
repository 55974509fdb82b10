/**
 * `@fenqi/sdk`: the Fenqi bank API contract as zod schemas, shared by the clients, the mock bank
 * and the generated OpenAPI document.
 *
 * @packageDocumentation
 * @module @fenqi/sdk
 */

// contract
export { ClientSecret, fromWire, PositiveMoneyInput, prefixedId, WireMoney, WireMoneyInput } from './contract/primitives.js';
export { CalendarDay, DecimalRate, RateMarket, RepaymentMethod, Scenario, Timestamp } from './contract/primitives.js';
export { ProductsQuery, RateCard, RateCardList, RatePlan } from './contract/rate-card.js';
export { DisclosedAnnualRate, Quote, QuotedPlan, QuoteRequest, WireInstalment } from './contract/quote.js';
export { CheckoutSession, CheckoutSessionCreate, Metadata } from './contract/checkout-session.js';
export { Applicant, Application, ApplicationCreate, Consent, DeclineReason, DeviceSignals, OfferAcceptance } from './contract/application.js';
export { ConfirmedOrder, OrderConfirmation } from './contract/order.js';
export { Disbursement, DisbursementCreate } from './contract/disbursement.js';
export { Loan } from './contract/loan.js';
export { WebhookEvent } from './contract/webhook-event.js';
export { Problem, toJsonPointer, toProblemErrors } from './contract/problem.js';
export { parseContract } from './contract/messages.js';
export { operation, OPERATIONS } from './contract/operations.js';
export type { Operation } from './contract/operations.js';

// applicant checks shared by the checkout and the bank
export { ageOn, compareDays, formatCalendarDay, isRealDate, parseCalendarDay } from './applicant/calendar-day.js';
export type { CalendarDate } from './applicant/calendar-day.js';
export { parseResidentId, residentIdCheckCharacter } from './applicant/resident-id.js';
export type { ResidentIdFailure, ResidentIdResult } from './applicant/resident-id.js';
export { mobileNumberProblem } from './applicant/mobile-number.js';

// clients
export { createClient, offersFromRateCard } from './client/create-client.js';
export type { ClientOptions, FenqiClient, IneligiblePlan, Offer, Offers } from './client/create-client.js';
export type { RequestOptions } from './http/transport.js';

// webhooks (Web Crypto: Node, browsers and edge runtimes)
export { signWebhook, verifyWebhook, WebhookVerificationError } from './webhooks/webhook-signature.js';
export type { WebhookErrorCode } from './webhooks/webhook-signature.js';

// errors
export { FenqiError, isFenqiError } from './errors/fenqi-error.js';
export {
  ApiError,
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  isApiError,
  isAuthenticationError,
  isConflictError,
  isIdempotencyError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  isServerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from './errors/api-error.js';
export { isNetworkError, NetworkError } from './errors/network-error.js';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.js';
export { isValidationError, ValidationError } from './errors/validation-error.js';
export type { FieldIssue } from './errors/validation-error.js';
export { FENQI_VERSION } from './version.js';
