import { currencyExponent, isCurrencyCode } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import { declineReasons } from './reasons.js';
import type { DeclineCode } from './reasons.js';
import type { Decision, Scenario, Tier } from './types.js';

/*
 * The mock bank's credit scorecard
 * ================================
 *
 * Built like a real application scorecard, and small enough to read: start from BASE_POINTS
 * (450) and add the points of the one bin each characteristic falls into. Ratios are of monthly
 * amounts in the purchase's currency; "typical income" is CURRENCY_FIGURES[currency].
 *
 *   characteristic   bins → points
 *   ---------------  ----------------------------------------------------------------------------
 *   monthlyIncome    income ÷ typical: ≤0.5× 0 · ≤1× 20 · ≤1.5× 30 · ≤2.5× 40 · more 50
 *   debtToIncome     existing debt ÷ income: none 40 · ≤10 % 35 · ≤20 % 25 · ≤30 % 15 · ≤40 % 5 · more 0
 *   affordability    (largest instalment + existing debt) ÷ income: ≤15 % 50 · ≤25 % 35 · ≤35 % 20 · ≤50 % 5 · more 0
 *   employment       employed 40 · retired 30 · self-employed 25 · other 10 · student 5 · unemployed 0
 *   age              18–20 5 · 21–24 15 · 25–34 25 · 35 and over 35 (never lower for older people)
 *   housing          own 30 · mortgage 25 · family 15 · rent 10 · other 5
 *   history          approved before 30 · no history 10 · declined once 0 · declined twice or more −20
 *   scenario         medical 15 · education 10 · retail 10 · travel 5
 *
 * Points run from 445 to 740. They map to a probability of default (PD) with the usual log-odds
 * scaling: 600 points are good:bad odds of 50:1, and every 20 points more (the "points to double
 * the odds", PDO) doubles the odds:
 *
 *   odds(points) = 50 · 2^((points − 600) / 20)        PD = 1 / (1 + odds)
 *
 * so 560 points ≈ 7.4 % PD, 600 ≈ 2.0 %, 650 ≈ 0.35 %. Points then pick a tier (TIERS): A ≥ 650,
 * B ≥ 620, C ≥ 590, D ≥ 560, a review band of 550–559, and a decline (tier E) below 550.
 *
 * Before the points count, three policy rules decline outright (POLICY): income below the
 * currency's minimum, existing debt above 40 % of income, and no employment. After them, the
 * repayments with the existing debt may take at most 50 % of income; when the amount is over that
 * or over the tier's limit, a lower amount is offered if one fits above the plan's minimum.
 *
 * Every weight here is a round, plausible assumption for a mock, not a statistic.
 */

/** Points every applicant starts from. */
export const BASE_POINTS = 450;

/** A bin of a numeric characteristic: it holds values up to and including `upTo`. */
export interface NumericBin {
  readonly upTo: number;
  readonly attribute: string;
  readonly points: number;
}

/**
 * The scorecard's characteristics and bins (see the table at the top of scorecard.ts). `reason`
 * is the decline code a characteristic gives when it costs the applicant the most points.
 *
 * @example
 * ```ts
 * SCORECARD.employment.points.employed // 40
 * ```
 */
export const SCORECARD = {
  monthlyIncome: {
    measures: 'Net monthly income ÷ the typical monthly income of the currency',
    reason: 'insufficient_income',
    bins: [
      { upTo: 0.5, attribute: 'up to 0.5× typical', points: 0 },
      { upTo: 1, attribute: '0.5–1× typical', points: 20 },
      { upTo: 1.5, attribute: '1–1.5× typical', points: 30 },
      { upTo: 2.5, attribute: '1.5–2.5× typical', points: 40 },
      { upTo: Infinity, attribute: 'over 2.5× typical', points: 50 },
    ],
  },
  debtToIncome: {
    measures: 'Existing monthly debt repayments ÷ monthly income',
    reason: 'high_existing_debt',
    bins: [
      { upTo: 0, attribute: 'no existing debt', points: 40 },
      { upTo: 0.1, attribute: 'up to 10 %', points: 35 },
      { upTo: 0.2, attribute: '10–20 %', points: 25 },
      { upTo: 0.3, attribute: '20–30 %', points: 15 },
      { upTo: 0.4, attribute: '30–40 %', points: 5 },
      { upTo: Infinity, attribute: 'over 40 %', points: 0 },
    ],
  },
  affordability: {
    measures: "(The plan's largest instalment + existing monthly debt) ÷ monthly income",
    reason: 'affordability',
    bins: [
      { upTo: 0.15, attribute: 'up to 15 %', points: 50 },
      { upTo: 0.25, attribute: '15–25 %', points: 35 },
      { upTo: 0.35, attribute: '25–35 %', points: 20 },
      { upTo: 0.5, attribute: '35–50 %', points: 5 },
      { upTo: Infinity, attribute: 'over 50 %', points: 0 },
    ],
  },
  employment: {
    measures: 'Employment status',
    reason: 'employment',
    points: { employed: 40, retired: 30, 'self-employed': 25, other: 10, student: 5, unemployed: 0 },
  },
  age: {
    measures: 'Age in whole years today',
    reason: undefined,
    // Older applicants never score lower than middle-aged ones (as US Regulation B requires of
    // scorecards that use age); young ones score lower because their files are thin.
    bins: [
      { upTo: 20, attribute: '18–20', points: 5 },
      { upTo: 24, attribute: '21–24', points: 15 },
      { upTo: 34, attribute: '25–34', points: 25 },
      { upTo: Infinity, attribute: '35 and over', points: 35 },
    ],
  },
  housing: {
    measures: 'Housing',
    reason: undefined,
    points: { own: 30, mortgage: 25, family: 15, rent: 10, other: 5 },
  },
  history: {
    measures: 'Earlier applications with the mock bank by the same identity',
    reason: 'credit_history',
    points: { 'approved-before': 30, 'no-history': 10, 'declined-once': 0, 'declined-repeatedly': -20 },
  },
  scenario: {
    // Travel is consumed before it is paid for and nothing is left to return; medical and
    // education spending is planned. An assumption, as is every weight here.
    measures: 'What is being bought',
    reason: undefined,
    points: { medical: 15, education: 10, retail: 10, travel: 5 },
  },
} as const satisfies Record<string, { measures: string; reason: DeclineCode | undefined } & ({ bins: readonly NumericBin[] } | { points: Record<string, number> })>;

/** A characteristic of the scorecard, e.g. `'affordability'`. */
export type Characteristic = keyof typeof SCORECARD;
/** What {@link historyAttribute} makes of earlier applications. */
export type HistoryAttribute = keyof typeof SCORECARD.history.points;

/** Round figures per currency that scale the scorecard and the limits (major units). */
export interface CurrencyFigures {
  /** A typical net monthly income; income is scored as a multiple of it. */
  readonly typicalMonthlyIncome: number;
  /** Below this net monthly income the bank does not lend. */
  readonly minimumMonthlyIncome: number;
  /** Limits are rounded down to a multiple of this. */
  readonly limitStep: number;
  /** The highest limit of each tier, whatever the income. */
  readonly limitCap: Readonly<Record<Tier, number>>;
}

/**
 * {@link CurrencyFigures} for the currencies of the mock's rate cards. Other currencies are
 * declined with `currency_unsupported`.
 */
export const CURRENCY_FIGURES: Readonly<Record<string, CurrencyFigures>> = {
  CNY: { typicalMonthlyIncome: 8000, minimumMonthlyIncome: 2000, limitStep: 100, limitCap: { A: 50000, B: 30000, C: 20000, D: 10000 } },
  USD: { typicalMonthlyIncome: 4500, minimumMonthlyIncome: 1000, limitStep: 10, limitCap: { A: 10000, B: 6000, C: 4000, D: 2000 } },
  EUR: { typicalMonthlyIncome: 3000, minimumMonthlyIncome: 900, limitStep: 10, limitCap: { A: 8000, B: 5000, C: 3000, D: 1500 } },
  GBP: { typicalMonthlyIncome: 2800, minimumMonthlyIncome: 800, limitStep: 10, limitCap: { A: 7000, B: 4500, C: 2800, D: 1400 } },
  JPY: { typicalMonthlyIncome: 300000, minimumMonthlyIncome: 100000, limitStep: 1000, limitCap: { A: 1000000, B: 600000, C: 400000, D: 200000 } },
};

/** The figures for a currency, or `undefined` when the mock does not lend in it. */
export function currencyFigures(currency: string): CurrencyFigures | undefined {
  return Object.hasOwn(CURRENCY_FIGURES, currency) && isCurrencyCode(currency) ? CURRENCY_FIGURES[currency] : undefined;
}

/**
 * Tiers, best first: the lowest points that reach each, the limit as a multiple of monthly
 * income (in tenths, to stay in whole numbers) and the risk-based price as an add-on to the
 * plan's annual rate, a decimal string.
 *
 * @example
 * ```ts
 * TIERS.find((tier) => tier.tier === 'B')?.rateAddOn // '0.02'
 * ```
 */
export const TIERS: readonly { readonly tier: Tier; readonly minPoints: number; readonly incomeTenths: bigint; readonly rateAddOn: string }[] = [
  { tier: 'A', minPoints: 650, incomeTenths: 30n, rateAddOn: '0' },
  { tier: 'B', minPoints: 620, incomeTenths: 20n, rateAddOn: '0.02' },
  { tier: 'C', minPoints: 590, incomeTenths: 15n, rateAddOn: '0.04' },
  { tier: 'D', minPoints: 560, incomeTenths: 10n, rateAddOn: '0.06' },
];

/** Points from which a file too weak for tier D goes to a person instead of being declined. */
export const REVIEW_MIN_POINTS = 550;

/** Policy limits that decline whatever the points. */
export const POLICY = {
  /** Existing monthly debt may be at most this share of income (percent). */
  maxDebtToIncomePercent: 40n,
  /** Largest instalment plus existing debt may be at most this share of income (percent). */
  maxDebtServicePercent: 50n,
} as const;

// Log-odds scaling: 600 points are 50:1 good:bad odds, 20 points double the odds.
const ANCHOR_POINTS = 600;
const ANCHOR_ODDS = 50;
const POINTS_TO_DOUBLE_ODDS = 20;

/**
 * The probability of default for a number of points: `1 / (1 + 50 · 2^((points − 600) / 20))`.
 *
 * @example
 * ```ts
 * probabilityOfDefault(600) // 1/51 ≈ 0.0196
 * probabilityOfDefault(620) // 1/101 ≈ 0.0099
 * ```
 */
export function probabilityOfDefault(points: number): number {
  const odds = ANCHOR_ODDS * 2 ** ((points - ANCHOR_POINTS) / POINTS_TO_DOUBLE_ODDS);
  return 1 / (1 + odds);
}

/**
 * What the points alone say: a tier, `'review'` in the band just below tier D, or `'decline'`.
 *
 * @example
 * ```ts
 * bandFor(685) // 'A'
 * bandFor(555) // 'review'
 * ```
 */
export function bandFor(points: number): Tier | 'review' | 'decline' {
  const reached = TIERS.find((entry) => points >= entry.minPoints);
  if (reached) return reached.tier;
  return points >= REVIEW_MIN_POINTS ? 'review' : 'decline';
}

/** The row of {@link TIERS} for a tier. */
export function tierTerms(tier: Tier): { readonly tier: Tier; readonly minPoints: number; readonly incomeTenths: bigint; readonly rateAddOn: string } {
  const terms = TIERS.find((entry) => entry.tier === tier);
  if (!terms) throw new RangeError(`No tier ${String(tier)}.`);
  return terms;
}

/** The history attribute for counts of earlier approvals (counter-offers included) and declines. */
export function historyAttribute(priorApproved: number, priorDeclined: number): HistoryAttribute {
  if (priorDeclined >= 2) return 'declined-repeatedly';
  if (priorDeclined === 1) return 'declined-once';
  return priorApproved > 0 ? 'approved-before' : 'no-history';
}

/** Everything the scorecard looks at. All amounts are monthly and in one currency. */
export interface ScorecardInput {
  readonly monthlyIncome: Money;
  readonly existingMonthlyDebt: Money;
  /** The largest instalment of the chosen plan for the amount asked for. */
  readonly largestPayment: Money;
  readonly employment: Applicant['employment'];
  readonly housing: Applicant['housing'];
  /** Whole years, from the date of birth and the mock clock's today. */
  readonly age: number;
  readonly scenario: Scenario;
  /** Earlier applications by the same identity that were approved or counter-offered. */
  readonly priorApproved: number;
  /** Earlier applications by the same identity that were declined. */
  readonly priorDeclined: number;
}

/** One line of a score: the characteristic, the bin it fell into and the points it gave. */
export interface ScoreFactor {
  readonly characteristic: Characteristic | 'base';
  readonly attribute: string;
  readonly points: number;
}

/** A scored application: the points (the sum of the factors' points) and what they mean. */
export interface Score {
  readonly points: number;
  readonly probabilityOfDefault: number;
  readonly factors: readonly ScoreFactor[];
}

/**
 * `numerator ÷ denominator` of two amounts as a number, for binning. A zero income makes any
 * debt an infinite share of it, and no debt a zero share.
 */
function ratio(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) return numerator > 0n ? Infinity : 0;
  return Number(numerator) / Number(denominator);
}

function binOf(bins: readonly NumericBin[], value: number): NumericBin {
  const bin = bins.find((candidate) => value <= candidate.upTo) ?? bins.at(-1);
  if (!bin) throw new RangeError('A numeric characteristic needs at least one bin.');
  return bin;
}

function numeric(characteristic: 'monthlyIncome' | 'debtToIncome' | 'affordability' | 'age', value: number): ScoreFactor {
  const { attribute, points } = binOf(SCORECARD[characteristic].bins, value);
  return { characteristic, attribute, points };
}

function categorical<C extends 'employment' | 'housing' | 'history' | 'scenario'>(characteristic: C, attribute: keyof (typeof SCORECARD)[C]['points'] & string): ScoreFactor {
  const table: Readonly<Record<string, number>> = SCORECARD[characteristic].points;
  return { characteristic, attribute, points: table[attribute] ?? 0 };
}

/**
 * Scores an applicant with the scorecard. Throws a RangeError when the amounts are not all in
 * one currency the mock lends in (check that first: see {@link currencyFigures}).
 *
 * @example
 * ```ts
 * const score = scoreApplicant({
 *   monthlyIncome: parseMoney('15000.00', 'CNY'), existingMonthlyDebt: parseMoney('0', 'CNY'),
 *   largestPayment: parseMoney('446.61', 'CNY'), employment: 'employed', housing: 'rent', age: 36,
 *   scenario: 'retail', priorApproved: 0, priorDeclined: 0,
 * })
 * score.points // 685
 * ```
 */
export function scoreApplicant(input: ScorecardInput): Score {
  const { monthlyIncome: income, existingMonthlyDebt: debt, largestPayment: payment } = input;
  const figures = currencyFigures(income.currency);
  if (!figures || debt.currency !== income.currency || payment.currency !== income.currency) {
    throw new RangeError(`Cannot score amounts in ${income.currency}, ${debt.currency} and ${payment.currency}.`);
  }
  const typical = majorToMinor(figures.typicalMonthlyIncome, income.currency);
  const factors: ScoreFactor[] = [
    { characteristic: 'base', attribute: 'base points', points: BASE_POINTS },
    numeric('monthlyIncome', ratio(income.minor, typical)),
    numeric('debtToIncome', ratio(debt.minor, income.minor)),
    numeric('affordability', ratio(payment.minor + debt.minor, income.minor)),
    categorical('employment', input.employment),
    numeric('age', input.age),
    categorical('housing', input.housing),
    categorical('history', historyAttribute(input.priorApproved, input.priorDeclined)),
    categorical('scenario', input.scenario),
  ];
  const points = factors.reduce((sum, factor) => sum + factor.points, 0);
  return { points, probabilityOfDefault: probabilityOfDefault(points), factors };
}

function maxPoints(characteristic: Characteristic): number {
  const entry: { bins: readonly NumericBin[] } | { points: Record<string, number> } = SCORECARD[characteristic];
  return Math.max(...('bins' in entry ? entry.bins.map((bin) => bin.points) : Object.values(entry.points)));
}

/**
 * The principal reasons a score is low, as adverse-action notices give them: the (at most two)
 * characteristics that carry a decline code and fell furthest below their best bin, worst
 * first; ties keep the scorecard's order.
 *
 * @example
 * ```ts
 * scoreReasons(scoreApplicant(weakApplicant)) // e.g. ['affordability', 'insufficient_income']
 * ```
 */
export function scoreReasons(score: Score): DeclineCode[] {
  const shortfalls: { reason: DeclineCode; shortfall: number }[] = [];
  for (const factor of score.factors) {
    if (factor.characteristic === 'base') continue;
    const { reason } = SCORECARD[factor.characteristic];
    const shortfall = maxPoints(factor.characteristic) - factor.points;
    if (reason !== undefined && shortfall > 0) shortfalls.push({ reason, shortfall });
  }
  const worst = shortfalls.sort((a, b) => b.shortfall - a.shortfall).slice(0, 2).map((entry) => entry.reason);
  return worst.length > 0 ? worst : ['credit_history'];
}

/** Amounts the policy rules need, all in one currency. */
export interface PolicyInput {
  readonly monthlyIncome: Money;
  readonly existingMonthlyDebt: Money;
  readonly employment: Applicant['employment'];
}

/**
 * The policy rules that decline whatever the points: income below the currency's minimum
 * (`insufficient_income`), existing debt above 40 % of income (`high_existing_debt`), and no
 * employment (`employment`).
 *
 * @example
 * ```ts
 * policyDeclines({ monthlyIncome: parseMoney('1500.00', 'CNY'), existingMonthlyDebt: parseMoney('0', 'CNY'), employment: 'employed' })
 * // ['insufficient_income']
 * ```
 */
export function policyDeclines(input: PolicyInput): DeclineCode[] {
  const { monthlyIncome: income, existingMonthlyDebt: debt } = input;
  const figures = currencyFigures(income.currency);
  const codes: DeclineCode[] = [];
  if (figures && income.minor < majorToMinor(figures.minimumMonthlyIncome, income.currency)) codes.push('insufficient_income');
  if (debt.minor * 100n > income.minor * POLICY.maxDebtToIncomePercent) codes.push('high_existing_debt');
  if (input.employment === 'unemployed') codes.push('employment');
  return codes;
}

/**
 * The credit limit of a tier: the tier's multiple of monthly income, at most the tier's cap for
 * the currency, rounded down to the currency's limit step. `undefined` for a currency the mock
 * does not lend in.
 *
 * @example
 * ```ts
 * tierLimit('A', parseMoney('15000.00', 'CNY')) // 45000.00 CNY (3× income, under the 50,000 cap)
 * tierLimit('D', parseMoney('15000.00', 'CNY')) // 10000.00 CNY (1× income would be 15,000: capped)
 * ```
 */
export function tierLimit(tier: Tier, monthlyIncome: Money): Money | undefined {
  const { currency } = monthlyIncome;
  const figures = currencyFigures(currency);
  if (!figures) return undefined;
  const byIncome = (monthlyIncome.minor * tierTerms(tier).incomeTenths) / 10n;
  const cap = majorToMinor(figures.limitCap[tier], currency);
  const step = majorToMinor(figures.limitStep, currency);
  return { minor: roundDown(byIncome < cap ? byIncome : cap, step), currency };
}

/** What {@link offerFor} needs: the request and the applicant's monthly figures, in one currency. */
export interface OfferInput {
  readonly amount: Money;
  /** The plan's minimum: a counter-offer is never below it. */
  readonly minAmount: Money;
  readonly monthlyIncome: Money;
  readonly existingMonthlyDebt: Money;
  /** The largest instalment of the plan for `amount`. */
  readonly largestPayment: Money;
  readonly termMonths: number;
}

/** True when the largest instalment plus existing debt is within {@link POLICY}'s share of income. */
export function isAffordable(input: Pick<OfferInput, 'monthlyIncome' | 'existingMonthlyDebt' | 'largestPayment'>): boolean {
  const service = input.largestPayment.minor + input.existingMonthlyDebt.minor;
  return service * 100n <= input.monthlyIncome.minor * POLICY.maxDebtServicePercent;
}

/**
 * The largest amount whose instalments fit within {@link POLICY}'s share of income, in minor
 * units, assuming (as holds for every plan the mock offers) that the largest instalment grows in
 * proportion to the amount. Instalments are rounded per row and one row absorbs the rounding
 * residual, so a proportional estimate can be a few minor units high: one minor unit per month of
 * the term is kept back to cover that.
 */
export function affordableAmount(input: OfferInput): bigint {
  const { amount, largestPayment, termMonths } = input;
  if (largestPayment.minor <= 0n) return amount.minor;
  const headroom = (input.monthlyIncome.minor * POLICY.maxDebtServicePercent) / 100n - input.existingMonthlyDebt.minor - BigInt(termMonths) - 1n;
  if (headroom <= 0n) return 0n;
  return (headroom * amount.minor) / largestPayment.minor;
}

/**
 * What a tier can offer for the amount asked: an approval when the amount is within the tier's
 * limit and affordable; otherwise a counter-offer of the most that is both (rounded down to a
 * whole major unit) when that is at least the plan's minimum; otherwise a decline with
 * `limit_exceeded` and/or `affordability`.
 *
 * @example
 * ```ts
 * offerFor('A', { amount: parseMoney('60000.00', 'CNY'), minAmount: parseMoney('600.00', 'CNY'), monthlyIncome: parseMoney('15000.00', 'CNY'), … })
 * // { kind: 'counter_offer', amount: 45000.00 CNY, tier: 'A', limit: 45000.00 CNY, rateAddOn: '0' }
 * ```
 */
export function offerFor(tier: Tier, input: OfferInput): Extract<Decision, { kind: 'approve' | 'counter_offer' | 'decline' }> {
  const { amount, minAmount } = input;
  const limit = limitOf(tier, input.monthlyIncome, amount.currency);
  const { rateAddOn } = tierTerms(tier);
  const problems = offerProblems(tier, input);
  if (problems.length === 0) return { kind: 'approve', tier, limit, rateAddOn };

  const most = [limit.minor, amount.minor, affordableAmount(input)].reduce((a, b) => (b < a ? b : a));
  const counter = roundDown(most, majorToMinor(1, amount.currency));
  if (counter >= minAmount.minor && counter > 0n && counter < amount.minor) {
    return { kind: 'counter_offer', amount: { minor: counter, currency: amount.currency }, tier, limit, rateAddOn };
  }
  return { kind: 'decline', reasons: declineReasons(problems) };
}

/**
 * Why a tier cannot approve the amount as asked: `limit_exceeded` when it is above the tier's
 * limit, `affordability` when the instalments are too high. Empty when it can.
 *
 * @example
 * ```ts
 * offerProblems('D', { amount: parseMoney('16000.00', 'CNY'), monthlyIncome: parseMoney('15000.00', 'CNY'), … }) // ['limit_exceeded']
 * ```
 */
export function offerProblems(tier: Tier, input: OfferInput): DeclineCode[] {
  const codes: DeclineCode[] = [];
  if (input.amount.minor > limitOf(tier, input.monthlyIncome, input.amount.currency).minor) codes.push('limit_exceeded');
  if (!isAffordable(input)) codes.push('affordability');
  return codes;
}

function limitOf(tier: Tier, monthlyIncome: Money, currency: string): Money {
  return tierLimit(tier, monthlyIncome) ?? { minor: 0n, currency };
}

/** `major` whole units of `currency` in minor units. */
export function majorToMinor(major: number, currency: string): bigint {
  return BigInt(major) * 10n ** BigInt(currencyExponent(currency));
}

function roundDown(minor: bigint, step: bigint): bigint {
  return minor - (minor % step);
}
