import type { Money, RateMarket } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import { declineReasons } from '../scoring/reasons.js';
import type { DeclineCode } from '../scoring/reasons.js';
import { majorToMinor, tierLimit, tierTerms } from '../scoring/scorecard.js';
import type { Decision, Tier } from '../scoring/types.js';

/*
 * Test personas: applicants whose outcome is fixed, like a payment provider's test cards.
 *
 * They are triggered by values the real API accepts, so any client can reach them:
 * - an email `+tag`: `anyone+decline-affordability@any-domain.com` (the tag is matched without
 *   regard to case, and `_` may stand for `-`);
 * - a national ID number on the mock's list (valid GB 11643 resident IDs, so they pass the
 *   checksum rule; the date of birth must match the ID).
 * A national ID persona wins over an email tag.
 *
 * A persona decides instead of the scorecard and the history rules (velocity, shared devices),
 * so a test suite can use one persona any number of times. It does not override the data rules:
 * an invalid ID, an impossible date of birth, an applicant under 18, a malformed or disposable
 * email, a mobile number wrong for the market, or income in another currency still decline.
 */

/**
 * The name of a test persona, e.g. `'decline-affordability'`.
 *
 * @example
 * ```ts
 * const id: PersonaId = 'decline-affordability'
 * ```
 */
export type PersonaId =
  | 'approve'
  | 'approve-by-id'
  | 'review-approve'
  | 'review-decline'
  | 'thin-file'
  | 'fraud-block'
  | 'decline-affordability'
  | 'decline-insufficient-income'
  | 'decline-high-existing-debt'
  | 'decline-credit-history'
  | 'decline-underage'
  | 'decline-identity-unverified'
  | 'decline-fraud-suspected'
  | 'decline-velocity'
  | 'decline-employment'
  | 'decline-limit-exceeded'
  | 'decline-currency-mismatch'
  | 'decline-currency-unsupported';

/**
 * A persona: how to trigger it, what happens, and an applicant that shows it.
 *
 * @example
 * ```ts
 * const persona: Persona | undefined = personaFor({ email: 'ana+review-approve@example.com' })
 * ```
 */
export interface Persona {
  readonly id: PersonaId;
  /** `email`: the `+tag` of the address (`value` is the tag). `nationalId`: the whole number. */
  readonly trigger: { readonly field: 'email' | 'nationalId'; readonly value: string };
  /** What happens, in words for the docs table. */
  readonly outcome: string;
  /** The kind of the decision. */
  readonly decision: Decision['kind'];
  /** For `review`: what it turns into after {@link PERSONA_REVIEW_MINUTES}. */
  readonly then?: 'approve' | 'decline';
  /** The tier of an approval, or of the approval a review turns into. */
  readonly tier?: Tier;
  /** The decline reason codes (of the decline, or of the decline a review turns into). */
  readonly reasons: readonly DeclineCode[];
  /** An application that shows the persona: it passes the SDK's `Applicant` schema and every data rule in `market`. */
  readonly example: {
    readonly applicant: Applicant;
    readonly market: RateMarket;
    /** The checkout amount, as on the wire. */
    readonly amount: { readonly value: string; readonly currency: string };
  };
}

/**
 * Minutes before a persona's `review` turns into its final decision (mock clock).
 *
 * @example
 * ```ts
 * bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES }) // a review persona is now decided
 * ```
 */
export const PERSONA_REVIEW_MINUTES = 30;

// A healthy applicant per market: each persona changes only what it must, which shows that the
// trigger alone decides.
const CN_APPLICANT: Applicant = {
  name: '王芳',
  dateOfBirth: '1991-08-16',
  email: 'wang.fang@example.com',
  mobile: '+8613912345678',
  monthlyIncome: { value: '18000.00', currency: 'CNY' },
  employment: 'employed',
  housing: 'mortgage',
  existingMonthlyDebt: { value: '1200.00', currency: 'CNY' },
};
const CN_AMOUNT = { value: '4999.00', currency: 'CNY' };

function cn(tag: string, changes: Partial<Applicant> = {}): Persona['example'] {
  const [user = '', domain = ''] = CN_APPLICANT.email.split('@');
  return { applicant: { ...CN_APPLICANT, email: `${user}+${tag}@${domain}`, ...changes }, market: 'CN', amount: CN_AMOUNT };
}

function decline(code: DeclineCode, example: Persona['example'], why: string): Persona {
  const tag = code.replaceAll('_', '-');
  return { id: `decline-${tag}` as PersonaId, trigger: { field: 'email', value: `decline-${tag}` }, outcome: `Declined, ${code}: ${why}`, decision: 'decline', reasons: [code], example };
}

/**
 * Every test persona, in the order of the docs table. Render it for the docs; iterate it in
 * tests.
 *
 * @example
 * ```ts
 * for (const persona of PERSONAS) {
 *   console.log(`| ${persona.id} | ${persona.trigger.field}: ${persona.trigger.value} | ${persona.outcome} |`)
 * }
 * const { applicant } = PERSONAS.find((persona) => persona.id === 'review-approve')!.example
 * ```
 */
export const PERSONAS: readonly Persona[] = [
  {
    id: 'approve',
    trigger: { field: 'email', value: 'approve' },
    outcome: 'Approved at once, tier A (no rate add-on), with a limit of at least the amount.',
    decision: 'approve',
    tier: 'A',
    reasons: [],
    example: cn('approve'),
  },
  {
    id: 'approve-by-id',
    trigger: { field: 'nationalId', value: '110101199003074477' },
    outcome: 'Approved at once, tier A, for Chinese-market tests that keep the email plain.',
    decision: 'approve',
    tier: 'A',
    reasons: [],
    example: { applicant: { ...CN_APPLICANT, name: '张伟', email: 'zhang.wei@example.com', dateOfBirth: '1990-03-07', nationalId: '110101199003074477' }, market: 'CN', amount: CN_AMOUNT },
  },
  {
    id: 'review-approve',
    trigger: { field: 'email', value: 'review-approve' },
    outcome: `Review; approved at tier B ${PERSONA_REVIEW_MINUTES} minutes later (mock clock).`,
    decision: 'review',
    then: 'approve',
    tier: 'B',
    reasons: [],
    example: cn('review-approve', { name: '李娜', dateOfBirth: '1995-06-18', nationalId: '440305199506185120' }),
  },
  {
    id: 'review-decline',
    trigger: { field: 'email', value: 'review-decline' },
    outcome: `Review; declined with credit_history ${PERSONA_REVIEW_MINUTES} minutes later (mock clock).`,
    decision: 'review',
    then: 'decline',
    reasons: ['credit_history'],
    example: cn('review-decline', { name: '刘洋' }),
  },
  {
    id: 'thin-file',
    trigger: { field: 'email', value: 'thin-file' },
    outcome:
      "Thin file: a counter-offer of half the amount (rounded down to a whole unit) at tier D; when half is below the plan's minimum, approval at tier D with a limit of exactly the amount.",
    decision: 'counter_offer',
    tier: 'D',
    reasons: [],
    example: cn('thin-file', { name: '陈静', dateOfBirth: '2004-04-12', housing: 'family', existingMonthlyDebt: { value: '0', currency: 'CNY' } }),
  },
  {
    id: 'fraud-block',
    trigger: { field: 'nationalId', value: '310104198811120031' },
    outcome: 'Blocked as fraud (the ID is on the mock bank\'s list of stolen identities): declined, fraud_suspected.',
    decision: 'decline',
    reasons: ['fraud_suspected'],
    example: { applicant: { ...CN_APPLICANT, name: '赵磊', email: 'zhao.lei@example.com', dateOfBirth: '1988-11-12', nationalId: '310104198811120031' }, market: 'CN', amount: CN_AMOUNT },
  },
  decline(
    'affordability',
    {
      applicant: { name: 'Olivia Bennett', dateOfBirth: '1987-02-11', email: 'olivia.bennett+decline-affordability@example.co.uk', mobile: '+447700900123', monthlyIncome: { value: '3100.00', currency: 'GBP' }, employment: 'employed', housing: 'rent', existingMonthlyDebt: { value: '250.00', currency: 'GBP' } },
      market: 'UK',
      amount: { value: '800.00', currency: 'GBP' },
    },
    'the repayments would take too much of the income.',
  ),
  decline(
    'insufficient_income',
    {
      applicant: { name: 'Ana Ortiz', dateOfBirth: '1993-09-30', email: 'ana.ortiz+decline-insufficient-income@example.com', mobile: '+12025550143', monthlyIncome: { value: '5200.00', currency: 'USD' }, employment: 'self-employed', housing: 'rent', existingMonthlyDebt: { value: '300.00', currency: 'USD' } },
      market: 'US',
      amount: { value: '1200.00', currency: 'USD' },
    },
    'income below the minimum.',
  ),
  decline(
    'high_existing_debt',
    {
      applicant: { name: 'Lena Fischer', dateOfBirth: '1984-12-05', email: 'lena.fischer+decline-high-existing-debt@example.de', mobile: '+4915112345678', monthlyIncome: { value: '3600.00', currency: 'EUR' }, employment: 'employed', housing: 'own', existingMonthlyDebt: { value: '400.00', currency: 'EUR' } },
      market: 'EU',
      amount: { value: '1500.00', currency: 'EUR' },
    },
    'existing debts too high for the income.',
  ),
  decline(
    'credit_history',
    {
      applicant: { name: 'Sato Hanako', dateOfBirth: '1979-01-05', email: 'hanako.sato+decline-credit-history@example.jp', mobile: '+819012345678', monthlyIncome: { value: '420000', currency: 'JPY' }, employment: 'employed', housing: 'own', existingMonthlyDebt: { value: '30000', currency: 'JPY' } },
      market: 'JP',
      amount: { value: '150000', currency: 'JPY' },
    },
    'history with the bank does not support new credit.',
  ),
  decline('underage', cn('decline-underage', { name: '杨帆' }), 'the decline an applicant under 18 gets (the tag works on an adult, so the example never ages out).'),
  decline('identity_unverified', cn('decline-identity-unverified', { name: '黄敏' }), 'identity could not be verified.'),
  decline('fraud_suspected', cn('decline-fraud-suspected', { name: '周杰' }), 'blocked as suspected fraud.'),
  decline('velocity', cn('decline-velocity', { name: '吴静' }), 'too many applications in 24 hours.'),
  decline('employment', cn('decline-employment', { name: '徐明' }), 'employment status outside the criteria.'),
  decline('limit_exceeded', cn('decline-limit-exceeded', { name: '孙丽' }), 'amount above any limit the bank would offer.'),
  decline('currency_mismatch', cn('decline-currency-mismatch', { name: '马超' }), 'income and debts must be in the currency of the purchase.'),
  decline('currency_unsupported', cn('decline-currency-unsupported', { name: '朱红' }), 'no instalments in this currency.'),
];

const BY_NATIONAL_ID: ReadonlyMap<string, Persona> = new Map(PERSONAS.filter((persona) => persona.trigger.field === 'nationalId').map((persona) => [persona.trigger.value, persona]));
const BY_EMAIL_TAG: ReadonlyMap<string, Persona> = new Map(PERSONAS.filter((persona) => persona.trigger.field === 'email').map((persona) => [persona.trigger.value, persona]));

/**
 * The persona an applicant triggers, if any: a national ID on the list first, then the `+tag`
 * of the email (case-insensitive, `_` read as `-`). Applicants without one are decided by the
 * fraud rules and the scorecard.
 *
 * @example
 * ```ts
 * personaFor({ ...applicant, email: 'ana+decline-affordability@example.com' })?.id // 'decline-affordability'
 * personaFor({ ...applicant, email: 'ana+newsletter@example.com' })                // undefined
 * ```
 */
export function personaFor(applicant: Pick<Applicant, 'email' | 'nationalId'>): Persona | undefined {
  const byId = applicant.nationalId === undefined ? undefined : BY_NATIONAL_ID.get(applicant.nationalId.trim().toUpperCase());
  if (byId) return byId;
  const at = applicant.email.lastIndexOf('@');
  const local = at === -1 ? applicant.email : applicant.email.slice(0, at);
  const plus = local.indexOf('+');
  if (plus === -1) return undefined;
  return BY_EMAIL_TAG.get(local.slice(plus + 1).toLowerCase().replaceAll('_', '-'));
}

/** What a persona's decision depends on. */
export interface PersonaFacts {
  readonly amount: Money;
  /** The plan's minimum amount. */
  readonly minAmount: Money;
  /** In the amount's currency (the caller checks). */
  readonly monthlyIncome: Money;
}

/**
 * The decision of a persona for an application. An approval's limit is the tier's limit for
 * the income, raised to the amount when lower, so an approval persona approves any amount.
 *
 * @example
 * ```ts
 * personaDecision('review-decline', facts)
 * // { kind: 'review', afterMinutes: 30, then: { kind: 'decline', reasons: [{ code: 'credit_history', … }] } }
 * ```
 */
export function personaDecision(id: PersonaId, facts: PersonaFacts): Decision {
  const persona = PERSONAS.find((candidate) => candidate.id === id);
  if (!persona) throw new RangeError(`No persona ${id}.`);
  switch (persona.decision) {
    case 'approve':
      return approval(persona.tier ?? 'A', facts);
    case 'decline':
      return { kind: 'decline', reasons: declineReasons(persona.reasons) };
    case 'review':
      return {
        kind: 'review',
        afterMinutes: PERSONA_REVIEW_MINUTES,
        then: persona.then === 'approve' ? approval(persona.tier ?? 'B', facts) : { kind: 'decline', reasons: declineReasons(persona.reasons) },
      };
    case 'counter_offer':
      return thinFile(persona.tier ?? 'D', facts);
  }
}

function approval(tier: Tier, facts: PersonaFacts): Decision {
  const limit = tierLimit(tier, facts.monthlyIncome);
  const atLeastAmount = limit && limit.minor >= facts.amount.minor ? limit : facts.amount;
  return { kind: 'approve', tier, limit: atLeastAmount, rateAddOn: tierTerms(tier).rateAddOn };
}

// A thin file gets a cautious first limit: half of what was asked, or just what was asked when
// half would not reach the plan's minimum.
function thinFile(tier: Tier, facts: PersonaFacts): Decision {
  const { amount, minAmount } = facts;
  const unit = majorToMinor(1, amount.currency);
  const half = amount.minor / 2n - ((amount.minor / 2n) % unit);
  const { rateAddOn } = tierTerms(tier);
  if (half >= minAmount.minor && half > 0n) {
    const offered = { minor: half, currency: amount.currency };
    return { kind: 'counter_offer', amount: offered, tier, limit: offered, rateAddOn };
  }
  return { kind: 'approve', tier, limit: amount, rateAddOn };
}

// ---------------------------------------------------------------------------------------------
// Amount-level triggers
// ---------------------------------------------------------------------------------------------

/*
 * Amount-level triggers for what happens after approval, in the style of Braintree's and
 * Checkout.com's magic amounts. The trigger is the last two digits of the amount in minor units,
 * so it works in every currency: 4999.51 CNY, 1200.52 USD, 10,053 JPY (the yen has no minor unit,
 * so its last two digits are the yen's), 12.051 KWD. Every other ending behaves normally.
 *
 * Pick these endings only when you mean them: a real basket that happens to cost x.51 fails its
 * first disbursement in the mock, exactly as documented.
 */

/** What the mock does with a disbursement. */
export type DisbursementBehaviour = 'succeed' | 'fail-once' | 'fail-always';
/** What becomes of a loan after disbursement. */
export type LoanBehaviour = 'normal' | 'overdue';

/**
 * The amount endings that change behaviour, for the docs table.
 *
 * @example
 * ```ts
 * AMOUNT_TRIGGERS.map((trigger) => `${trigger.ending}: ${trigger.effect}`)
 * ```
 */
export const AMOUNT_TRIGGERS: readonly { readonly ending: string; readonly example: string; readonly effect: string }[] = [
  { ending: '51', example: '4999.51 CNY', effect: 'The first disbursement attempt for the loan fails; the next attempt succeeds.' },
  { ending: '52', example: '4999.52 CNY', effect: 'Every disbursement attempt fails.' },
  { ending: '53', example: '4999.53 CNY', effect: 'The disbursement succeeds; the loan becomes overdue once its first due date has passed (move the mock clock).' },
];

function ending(amount: Money): bigint {
  const minor = amount.minor < 0n ? -amount.minor : amount.minor;
  return minor % 100n;
}

/**
 * How the mock handles disbursing a loan of `amount`: minor units ending in 51 fail once then
 * succeed, 52 always fail, anything else succeeds.
 *
 * @example
 * ```ts
 * disbursementBehaviour(parseMoney('4999.51', 'CNY')) // 'fail-once'
 * disbursementBehaviour(parseMoney('10052', 'JPY'))   // 'fail-always'
 * disbursementBehaviour(parseMoney('4999.00', 'CNY')) // 'succeed'
 * ```
 */
export function disbursementBehaviour(amount: Money): DisbursementBehaviour {
  const last = ending(amount);
  if (last === 51n) return 'fail-once';
  if (last === 52n) return 'fail-always';
  return 'succeed';
}

/**
 * What becomes of a loan of `amount` after disbursement: minor units ending in 53 become overdue
 * at the first due date, anything else runs normally.
 *
 * @example
 * ```ts
 * loanBehaviour(parseMoney('4999.53', 'CNY')) // 'overdue'
 * loanBehaviour(parseMoney('4999.00', 'CNY')) // 'normal'
 * ```
 */
export function loanBehaviour(amount: Money): LoanBehaviour {
  return ending(amount) === 53n ? 'overdue' : 'normal';
}
