import type { Application, ApplicationCreate, CheckoutSession, ConfirmedOrder, Disbursement, Loan, RateCard, RatePlan, WireMoney } from '@fenqi/sdk';

/**
 * A checkout session and what only the bank knows about it.
 *
 * @example
 * ```ts
 * const { session, clientSecret } = bank.state.sessions.get('cs_00000001')!
 * ```
 */
export interface SessionRecord {
  session: CheckoutSession;
  readonly clientSecret: string;
  readonly rateCard: RateCard;
}

/**
 * An application, the facts its velocity checks need, and its confirmation once there is one.
 *
 * @example
 * ```ts
 * const record = bank.state.applications.get('app_00000001')
 * record?.application.status // 'approved'
 * ```
 */
export interface ApplicationRecord {
  application: Application;
  readonly sessionId: string;
  readonly identity: string;
  /** What the shopper agreed to, with the versions of the terms and privacy notice. */
  readonly consent: ApplicationCreate['consent'];
  readonly fingerprint?: string;
  readonly at: number;
  /** The plan as approved (with the tier's rate add-on), when approved or counter-offered. */
  approvedPlan?: RatePlan;
  /** The loan amount when the shopper accepted a counter-offer (otherwise the session's amount). */
  acceptedOffer?: WireMoney;
  confirmation?: ConfirmedOrder;
}

/**
 * A loan and the mock's plan for its life.
 *
 * @example
 * ```ts
 * bank.state.loans.get('loan_00000001')?.loan.status // 'active'
 * ```
 */
export interface LoanRecord {
  loan: Loan;
  readonly behaviour: 'normal' | 'overdue';
  failedDisbursements: number;
}

/**
 * Everything one mock bank remembers; `reset()` empties it.
 *
 * @example
 * ```ts
 * const { sessions, applications, loans, disbursements } = bank.state
 * ```
 */
export interface BankState {
  readonly sessions: Map<string, SessionRecord>;
  readonly sessionsBySecret: Map<string, SessionRecord>;
  readonly applications: Map<string, ApplicationRecord>;
  readonly loans: Map<string, LoanRecord>;
  readonly disbursements: Map<string, Disbursement>;
}

export function createBankState(): BankState {
  return { sessions: new Map(), sessionsBySecret: new Map(), applications: new Map(), loans: new Map(), disbursements: new Map() };
}

/**
 * Deterministic identifiers: `app_00000001`, `app_00000002`, … per prefix, and seeded random
 * secrets, so two runs with the same seed see the same ids (stable snapshots and screenshots).
 */
export function createIds(seed: number) {
  const counters = new Map<string, number>();
  let state = seed >>> 0;
  // mulberry32: tiny, fast and good enough for test data; never used for anything secret.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return {
    next(prefix: string): string {
      const count = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, count);
      return `${prefix}_${String(count).padStart(8, '0')}`;
    },
    token(length: number): string {
      let text = '';
      for (let index = 0; index < length; index += 1) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      return text;
    },
    random,
    reset() {
      counters.clear();
      state = seed >>> 0;
    },
  };
}
export type Ids = ReturnType<typeof createIds>;
