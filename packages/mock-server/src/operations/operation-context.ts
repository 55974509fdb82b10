import type { RateCard } from '@fenqi/sdk';
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
  /** How long a disbursement stays pending, in clock milliseconds. */
  readonly disbursementSettleMs: number;
}
