import type { Money, RateMarket } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import { ageOn, fromWire, parseCalendarDay } from '@fenqi/sdk';
import { personaDecision, personaFor } from '../personas/personas.js';
import type { PersonaId } from '../personas/personas.js';
import { checkVelocity, dataFindings } from './fraud-rules.js';
import type { FraudFinding } from './fraud-rules.js';
import { declineReasons } from './reasons.js';
import type { DeclineCode } from './reasons.js';
import { bandFor, currencyFigures, offerFor, offerProblems, policyDeclines, scoreApplicant, scoreReasons } from './scorecard.js';
import type { Score } from './scorecard.js';
import type { Decision, DeviceSignals, Scenario } from './types.js';

export type { Decision } from './types.js';

/** Minutes between a `review` decision and the decision it turns into, on the mock clock. */
export const REVIEW_MINUTES = 30;

/**
 * Everything the bank knows about one application when it decides.
 *
 * @example
 * ```ts
 * const facts: ApplicationFacts = { applicant, amount, minAmount, scenario: 'retail', market: 'CN', termMonths: 12, largestPayment, today: '2026-12-03', now: Date.now() }
 * ```
 */
export interface ApplicationFacts {
  /** Validated by the SDK's `Applicant` schema already. */
  readonly applicant: Applicant;
  readonly device?: DeviceSignals;
  /** The checkout session's amount. */
  readonly amount: Money;
  /** The chosen plan's minimum: counter-offers stay at or above it. */
  readonly minAmount: Money;
  readonly scenario: Scenario;
  readonly market: RateMarket;
  readonly termMonths: number;
  /** The largest instalment of the chosen plan for `amount`. */
  readonly largestPayment: Money;
  /** `YYYY-MM-DD` from the mock clock. */
  readonly today: string;
  /** Epoch milliseconds from the mock clock. */
  readonly now: number;
}

/**
 * An earlier application the mock bank remembers (for velocity and history).
 *
 * @example
 * ```ts
 * const history: PriorApplication[] = [{ at: Date.now() - 3_600_000, identity: 'li.hua@example.com', outcome: 'declined' }]
 * ```
 */
export interface PriorApplication {
  /** Epoch milliseconds on the mock clock. */
  readonly at: number;
  /** {@link identityOf} its applicant. */
  readonly identity: string;
  readonly fingerprint?: string;
  readonly outcome: 'approved' | 'declined' | 'review' | 'counter_offer';
}

/**
 * The decision with everything that led to it, for logs, the dashboard and tests.
 *
 * @example
 * ```ts
 * const { decision, score, fraud }: Assessment = assessApplication(facts, [])
 * console.log(decision.kind, score.points, score.probabilityOfDefault)
 * ```
 */
export interface Assessment {
  readonly decision: Decision;
  /** Set when a persona decided the application. */
  readonly persona?: PersonaId;
  /**
   * The scorecard's view, computed for every application, persona or not, so it can be shown.
   * When the amounts are not in one currency the mock lends in, nothing can be scored: 0 points,
   * probability of default 1, no factors.
   */
  readonly score: Score;
  /** The fraud and data rules that fired (and decided, when there are any). */
  readonly fraud: readonly FraudFinding[];
}

const UNSCORED: Score = { points: 0, probabilityOfDefault: 1, factors: [] };

/**
 * Who is applying, for velocity and history: the national ID (trimmed, upper case) when given,
 * else the email address in lower case. The `+tag` of an email stays, so each persona address
 * is an identity of its own.
 *
 * @example
 * ```ts
 * identityOf({ ...applicant, email: 'Ana@Example.com' })                          // 'ana@example.com'
 * identityOf({ ...applicant, nationalId: '11010519491231002x' })                   // '11010519491231002X'
 * ```
 */
export function identityOf(applicant: Applicant): string {
  const nationalId = applicant.nationalId?.trim();
  return nationalId ? nationalId.toUpperCase() : applicant.email.trim().toLowerCase();
}

/**
 * Decides an application, the way the mock bank always will for the same facts and history.
 *
 * Order of precedence:
 * 1. data rules on what the applicant typed (resident ID checksum and birth date, age, email,
 *    disposable email, mobile for the market) — these beat personas, so a persona tag never
 *    rescues invalid data;
 * 2. income and debts in another currency than the purchase, or a currency the mock does not
 *    lend in;
 * 3. a persona (see `PERSONAS`), which takes precedence over everything below;
 * 4. history rules (velocity, one device for many identities);
 * 5. the policy rules and the scorecard, with limits, risk-based price, review and counter-offers.
 *
 * Pure: no clock, no randomness; the mock clock comes in as `today` and `now`.
 *
 * @example
 * ```ts
 * const { decision } = assessApplication(
 *   {
 *     applicant, amount: parseMoney('4999.00', 'CNY'), minAmount: parseMoney('600.00', 'CNY'),
 *     scenario: 'retail', market: 'CN', termMonths: 12, largestPayment: parseMoney('446.61', 'CNY'),
 *     today: '2026-12-03', now: Date.parse('2026-12-03T10:00:00+08:00'),
 *   },
 *   bank.priorApplications,
 * )
 * if (decision.kind === 'approve') decision.limit // e.g. 45000.00 CNY, tier 'A'
 * ```
 */
export function assessApplication(facts: ApplicationFacts, history: readonly PriorApplication[]): Assessment {
  const { applicant, amount } = facts;
  const identity = identityOf(applicant);
  const monthlyIncome = fromWire(applicant.monthlyIncome);
  const existingMonthlyDebt = fromWire(applicant.existingMonthlyDebt);
  const currencyProblem = currencyDecline(amount.currency, [monthlyIncome, existingMonthlyDebt, facts.largestPayment, facts.minAmount]);
  const score = currencyProblem ? UNSCORED : scoreFacts(facts, history, identity, monthlyIncome, existingMonthlyDebt);

  const data = dataFindings(applicant, facts.market, facts.today);
  if (data.length > 0) return { decision: declineFor(data), score, fraud: data };
  if (currencyProblem) return { decision: { kind: 'decline', reasons: declineReasons([currencyProblem]) }, score, fraud: [] };

  const persona = personaFor(applicant);
  if (persona) {
    return { decision: personaDecision(persona.id, { amount, minAmount: facts.minAmount, monthlyIncome }), persona: persona.id, score, fraud: [] };
  }

  const behaviour = checkVelocity({ identity, fingerprint: facts.device?.fingerprint, now: facts.now }, history);
  if (behaviour.length > 0) return { decision: declineFor(behaviour), score, fraud: behaviour };

  const policy = policyDeclines({ monthlyIncome, existingMonthlyDebt, employment: applicant.employment });
  if (policy.length > 0) return { decision: { kind: 'decline', reasons: declineReasons(policy) }, score, fraud: [] };

  const offerInput = { amount, minAmount: facts.minAmount, monthlyIncome, existingMonthlyDebt, largestPayment: facts.largestPayment, termMonths: facts.termMonths };
  const band = bandFor(score.points);
  if (band === 'decline') return { decision: { kind: 'decline', reasons: declineReasons(scoreReasons(score)) }, score, fraud: [] };
  if (band === 'review') {
    // A borderline file goes to an underwriter, who approves it at tier D when the amount fits
    // tier D's limit and is affordable as asked, and otherwise declines it (no counter-offer for
    // a borderline file), giving what stood in the way first and then the score's reasons.
    const atD = offerFor('D', offerInput);
    const then: Decision = atD.kind === 'approve' ? atD : { kind: 'decline', reasons: declineReasons([...offerProblems('D', offerInput), ...scoreReasons(score)]) };
    return { decision: { kind: 'review', afterMinutes: REVIEW_MINUTES, then }, score, fraud: [] };
  }
  return { decision: offerFor(band, offerInput), score, fraud: [] };
}

/** The scorecard over the facts, with history counted for this identity. */
function scoreFacts(facts: ApplicationFacts, history: readonly PriorApplication[], identity: string, monthlyIncome: Money, existingMonthlyDebt: Money): Score {
  const birth = parseCalendarDay(facts.applicant.dateOfBirth);
  const today = parseCalendarDay(facts.today);
  const own = history.filter((prior) => prior.identity === identity);
  return scoreApplicant({
    monthlyIncome,
    existingMonthlyDebt,
    largestPayment: facts.largestPayment,
    employment: facts.applicant.employment,
    housing: facts.applicant.housing,
    // An impossible date of birth is declined by the data rules; 0 only keeps the score defined.
    age: birth && today ? Math.max(0, ageOn(birth, today)) : 0,
    scenario: facts.scenario,
    priorApproved: own.filter((prior) => prior.outcome === 'approved' || prior.outcome === 'counter_offer').length,
    priorDeclined: own.filter((prior) => prior.outcome === 'declined').length,
  });
}

/** Income, debts and the plan's figures must be in the purchase's currency, one the mock lends in. */
function currencyDecline(currency: string, amounts: readonly Money[]): DeclineCode | undefined {
  if (!currencyFigures(currency)) return 'currency_unsupported';
  return amounts.some((money) => money.currency !== currency) ? 'currency_mismatch' : undefined;
}

/**
 * A decline for rule findings. A block stops the assessment, so only blocks give reasons then;
 * otherwise every data problem found is reported at once, so the shopper can fix them together.
 */
function declineFor(findings: readonly FraudFinding[]): Decision {
  const blocks = findings.filter((found) => found.severity === 'block');
  return { kind: 'decline', reasons: declineReasons((blocks.length > 0 ? blocks : findings).map((found) => found.reason)) };
}
