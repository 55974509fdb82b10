/**
 * `@fenqi/mock-server`: a mock bank that behaves like the real one — the whole contract, validated
 * with the SDK's schemas, with state, deterministic personas, a transparent scoring engine, faults,
 * idempotency and signed webhooks — as msw handlers for the browser and for Node tests.
 * `@fenqi/mock-server/node` adds `setupMockServer()`, `@fenqi/mock-server/browser` adds
 * `startMockWorker()`, and the `fenqi-mock-server` command runs it as a standalone HTTP server.
 *
 * @packageDocumentation
 * @module @fenqi/mock-server
 */
export { createMockBank } from './bank/create-mock-bank.js';
export type { MockBank, MockBankOptions, RequestLogEntry } from './bank/create-mock-bank.js';
export type { ApplicationRecord, BankState, LoanRecord, SessionRecord } from './bank/bank-state.js';
export { createMockClock, durationMs } from './bank/mock-clock.js';
export type { Duration, MockClock, MockClockOptions } from './bank/mock-clock.js';
export { parseFaultHeader } from './faults/faults.js';
export type { FaultAction, FaultRule, Faults } from './faults/faults.js';
export { MOCK_WEBHOOK_SECRET } from './webhooks/webhook-outbox.js';
export type { WebhookDelivery, WebhookOptions, WebhookOutbox } from './webhooks/webhook-outbox.js';
export { IDEMPOTENCY_KEY_TTL_MS } from './idempotency/idempotency-store.js';
export { PROBLEM_BASE } from './http/problem-response.js';
export { defaultRateCards } from './catalogue/default-rate-cards.js';
export { FENQI_VERSION } from './version.js';

// the decision engine and the test personas
export { assessApplication, identityOf } from './scoring/assess-application.js';
export type { ApplicationFacts, Assessment, Decision, PriorApplication } from './scoring/assess-application.js';
export { SCORECARD, TIERS, probabilityOfDefault } from './scoring/scorecard.js';
export { FRAUD_RULES, DISPOSABLE_EMAIL_DOMAINS } from './scoring/fraud-rules.js';
export { DECLINE_REASONS } from './scoring/reasons.js';
export type { DeclineCode } from './scoring/reasons.js';
export { AMOUNT_TRIGGERS, disbursementBehaviour, loanBehaviour, PERSONA_REVIEW_MINUTES, PERSONAS, personaFor } from './personas/personas.js';
export type { Persona, PersonaId } from './personas/personas.js';
