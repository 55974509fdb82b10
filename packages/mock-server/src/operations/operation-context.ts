import type { Money } from '@fenqi/core';
import type { QuotedPlan, RateCard, RatePlan } from '@fenqi/sdk';
import type { BankState, Ids } from '../bank/bank-state.js';
import type { MockClock } from '../bank/mock-clock.js';
import type { createWebhookOutbox } from '../webhooks/webhook-outbox.js';

/** Who is calling: the kind of API key, and the key (idempotency keys are scoped to it). */
export interface Caller {
  readonly kind: 'publishable' | 'secret';
  readonly key: string;
}

/** One validated call of an operation. */
export interface OperationCall {
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string>>;
  readonly query: unknown;
  readonly body: unknown;
  readonly headers: Headers;
}

/** What an operation answers (problems are thrown as MockProblem). */
export interface OperationResult {
  readonly status: number;
  readonly body: unknown;
  /** `body` already serialised, when the operation has it cheaper than JSON.stringify would. */
  readonly json?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the operations of one bank share. */
export interface OperationContext {
  readonly state: BankState;
  readonly clock: MockClock;
  readonly ids: Ids;
  readonly webhooks: ReturnType<typeof createWebhookOutbox>;
  /** Runs `run` once the bank's clock reaches `at` (a review decided, a repayment falling due). */
  schedule(at: number, run: () => void): void;
  /** The rate card for a merchant, scenario and currency, if the bank offers one. */
  rateCard(merchant: string, scenario: RateCard['scenario'], currency: string): RateCard | undefined;
  /**
   * A plan's full schedule for an amount on the wire, or why the plan is not offered; remembered,
   * since a plan's numbers for an amount never change (quotes carry no dates).
   */
  quotedPlan(card: RateCard, plan: RatePlan, amount: Money): QuotedPlan | { readonly reason: string };
  /** A quoted plan as JSON text, serialised once per plan object. */
  planJson(plan: QuotedPlan): string;
  /** How long a disbursement stays pending, in clock milliseconds. */
  readonly disbursementSettleMs: number;
}
