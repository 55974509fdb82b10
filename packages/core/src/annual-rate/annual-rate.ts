import { AnnualRateError } from '../errors/annual-rate-error.js';
import { describe, isCurrencyCode } from '../money/currency.js';
import type { Money } from '../money/money.js';
import { MAX_MINOR_UNITS } from '../money/money.js';
import type { CalendarDate } from '../schedule/calendar.js';
import { isLeapYear, monthsAndDaysBetween, parseIsoDate } from '../schedule/calendar.js';

/**
 * One repayment the borrower makes, placed in time by `period` or by `date`.
 *
 * @example
 * ```ts
 * const flow: CashFlow = { amount: parseMoney('92.63', 'GBP'), period: 1 }
 * ```
 */
export interface CashFlow {
  /** What is paid (zero or more). */
  readonly amount: Money;
  /** When, in unit periods after the advance (1 = one period later; fractions allowed). */
  readonly period?: number;
  /** When, as an ISO date `YYYY-MM-DD` (needs `advanceDate`). */
  readonly date?: string;
}

/**
 * How time between the advance and each payment is measured.
 * - `periods`: `period` unit periods, discounted with compound interest `(1 + i)^−t`.
 * - `us-reg-z`: Regulation Z Appendix J: whole unit periods compound, a fractional (odd) period is
 *   simple interest, `(1 + f·i)(1 + i)^w`. From dates: whole months counted back from the payment,
 *   odd days as a fraction of a 30-day month (monthly unit period only).
 * - `calendar`: the EU/UK APRC rule (CCD Annex I; Commission guidelines): whole months counted
 *   back from each payment date are twelfths of a year, the days left over are /365 (/366 when the
 *   year they fall in is a leap year). Needs dates.
 * - `days-365`: actual days / 365 between the dates, as XIRR does.
 *
 * @example
 * ```ts
 * annualRate({ advance, payments, advanceDate: '2012-10-10', timeBasis: 'days-365' })
 * ```
 */
export type TimeBasis = 'periods' | 'us-reg-z' | 'calendar' | 'days-365';

/**
 * The cash flows of a credit, for {@link annualRate}.
 *
 * @example
 * ```ts
 * const input: AnnualRateInput = {
 *   advance: parseMoney('1000.00', 'EUR'),
 *   payments: [{ amount: parseMoney('1200.00', 'EUR'), period: 546 / 365 }],
 *   periodsPerYear: 1,
 * }
 * annualRate(input).effective // 0.1296…
 * ```
 */
export interface AnnualRateInput {
  /** What the borrower actually receives at the start, net of any fee paid up front. */
  readonly advance: Money;
  /** Every repayment, fees included: a fee is a cash flow, never left out. */
  readonly payments: readonly CashFlow[];
  /** The date of the advance, when payments carry dates. */
  readonly advanceDate?: string;
  /** Unit periods in a year, from 0.01 to 600,000 (12 for monthly; 365/255 for one 255-day term). @default 12 */
  readonly periodsPerYear?: number;
  /** @default 'periods', or 'calendar' when every payment has a date */
  readonly timeBasis?: TimeBasis;
}

/**
 * Annual rates of a credit, as fractions (0.1303 is 13.03 %).
 *
 * @example
 * ```ts
 * const { nominal, effective } = buildSchedule(input).annualRates
 * ```
 */
export interface AnnualRates {
  /** The internal rate of return per unit period. */
  readonly periodic: number;
  /** `periodic × periodsPerYear`: China's IRR-based annualised rate (单利), Reg Z APR, Japan's 実質年率. */
  readonly nominal: number;
  /** `(1 + periodic)^periodsPerYear − 1`: the EU/UK APRC. */
  readonly effective: number;
}

/**
 * Solves the rate that makes the present value of the payments equal the advance, and annualises
 * it both ways. The solver brackets the single root (payments are non-negative, so the present
 * value falls as the rate rises), refines it with Newton steps that are only accepted inside the
 * bracket and bisection otherwise, so it needs no guess, never leaves (−100 %, ∞), and never
 * returns `NaN` or `Infinity`: malformed flows or flows with no solution throw
 * {@link AnnualRateError}. Payments dated at the advance itself reduce the amount lent.
 *
 * @example
 * ```ts
 * // 12,000 CNY repaid in 12 × 1,072.00 (a 0.6 %/month fee on the original principal)
 * const rates = annualRate({
 *   advance: parseMoney('12000.00', 'CNY'),
 *   payments: Array.from({ length: 12 }, (_, k) => ({ amount: parseMoney('1072.00', 'CNY'), period: k + 1 })),
 * })
 * rates.nominal   // 0.1303… (not 0.072)
 * rates.effective // 0.1384…
 * ```
 */
export function annualRate(input: AnnualRateInput): AnnualRates {
  if (input === null || typeof input !== 'object') throw new AnnualRateError('invalid-cash-flows', 'annualRate needs { advance, payments }.');
  const periodsPerYear = input.periodsPerYear ?? 12;
  // A unit period from about a minute to a century: beyond that no rate is meaningful.
  if (!(typeof periodsPerYear === 'number' && periodsPerYear >= 0.01 && periodsPerYear <= 600_000)) {
    throw new AnnualRateError('invalid-option', `periodsPerYear must be a number from 0.01 to 600,000, not ${describe(periodsPerYear)}.`);
  }
  const flows = toFlows(input);
  const datesGiven = input.payments.every((payment) => payment?.date !== undefined);
  const basis = input.timeBasis ?? (datesGiven ? 'calendar' : 'periods');
  if (!TIME_BASES.includes(basis)) {
    throw new AnnualRateError('invalid-option', `timeBasis must be one of ${TIME_BASES.join(', ')}, not ${describe(basis)}.`);
  }
  if (basis === 'periods' || basis === 'us-reg-z') {
    const times = input.payments.map((payment) => periodOf(payment, basis, input.advanceDate, periodsPerYear));
    return finite(ratesFromPeriodic(solve(flows.advance, flows.amounts, times, basis === 'us-reg-z'), periodsPerYear));
  }
  const start = dateOf(input.advanceDate, 'advanceDate');
  const years = input.payments.map((payment) => yearsBetween(start, dateOf(payment.date, 'every payment date'), basis));
  const effective = solve(flows.advance, flows.amounts, years, false);
  const periodic = Math.expm1(Math.log1p(effective) / periodsPerYear);
  return finite({ periodic, nominal: periodic * periodsPerYear, effective });
}

const TIME_BASES: readonly TimeBasis[] = ['periods', 'us-reg-z', 'calendar', 'days-365'];

/** Refuses a rate too large to express as a number rather than ever returning Infinity. */
function finite(rates: AnnualRates): AnnualRates {
  if (![rates.periodic, rates.nominal, rates.effective].every(Number.isFinite)) {
    throw new AnnualRateError('no-solution', 'The rate is too large to express: check the amounts and periods.');
  }
  return rates;
}

/** Nominal and effective annual rates from a periodic rate. */
export function ratesFromPeriodic(periodic: number, periodsPerYear: number): AnnualRates {
  return { periodic, nominal: periodic * periodsPerYear, effective: Math.expm1(periodsPerYear * Math.log1p(periodic)) };
}

/**
 * The periodic rate of already-validated flows (whole minor units as doubles, times in unit
 * periods, compound discounting). For callers inside the package that have checked their input.
 */
export function solvePeriodicRate(advance: number, amounts: readonly number[], times: readonly number[]): number {
  return solve(advance, amounts, times, false);
}

function toFlows(input: AnnualRateInput): { advance: number; amounts: number[] } {
  const advance = input.advance?.minor;
  const currency = input.advance?.currency;
  if (typeof advance !== 'bigint' || advance <= 0n || advance > MAX_MINOR_UNITS) {
    throw new AnnualRateError('invalid-cash-flows', 'The advance must be a positive amount of money within the supported range.');
  }
  if (!isCurrencyCode(currency)) throw new AnnualRateError('invalid-cash-flows', `Unknown currency ${describe(currency)}.`);
  if (!Array.isArray(input.payments) || input.payments.length === 0) {
    throw new AnnualRateError('invalid-cash-flows', 'At least one payment is needed to solve a rate.');
  }
  const amounts = Array.from(input.payments, (payment, index) => {
    const minor = payment?.amount?.minor;
    if (typeof minor !== 'bigint' || minor < 0n || minor > MAX_MINOR_UNITS) {
      throw new AnnualRateError('invalid-cash-flows', `Payment ${index + 1} must be an amount of money from zero to the supported maximum.`);
    }
    if (payment.amount.currency !== currency) {
      throw new AnnualRateError('invalid-cash-flows', `Payment ${index + 1} is in ${describe(payment.amount.currency)}, the advance in ${currency}.`);
    }
    return Number(minor);
  });
  return { advance: Number(advance), amounts };
}

function periodOf(payment: CashFlow, basis: TimeBasis, advanceDate: string | undefined, periodsPerYear: number): number {
  if (payment.period !== undefined) {
    if (!(Number.isFinite(payment.period) && payment.period >= 0)) {
      throw new AnnualRateError('invalid-cash-flows', `A payment period must be a number of at least 0, not ${describe(payment.period)}.`);
    }
    return payment.period;
  }
  if (payment.date === undefined) throw new AnnualRateError('invalid-cash-flows', 'Every payment needs a period or a date.');
  if (periodsPerYear !== 12) {
    throw new AnnualRateError('invalid-option', `Dated payments under '${basis}' need monthly unit periods (periodsPerYear 12).`);
  }
  const start = dateOf(advanceDate, 'advanceDate');
  const end = dateOf(payment.date, 'every payment date');
  if (end.epochDay < start.epochDay) throw new AnnualRateError('invalid-cash-flows', 'A payment is dated before the advance.');
  const { months, days } = monthsAndDaysBetween(start, end);
  return months + days / 30;
}

function dateOf(text: string | undefined, what: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new AnnualRateError('invalid-cash-flows', `${what} must be an ISO date (YYYY-MM-DD), not ${describe(text)}.`);
  return date;
}

function yearsBetween(start: CalendarDate, end: CalendarDate, basis: 'calendar' | 'days-365'): number {
  if (end.epochDay < start.epochDay) throw new AnnualRateError('invalid-cash-flows', 'A payment is dated before the advance.');
  if (basis === 'days-365') return (end.epochDay - start.epochDay) / 365;
  const { months, days } = monthsAndDaysBetween(start, end);
  // The odd days sit at the start of the span; the year they fall in decides 365 or 366.
  return months / 12 + days / (isLeapYear(start.year) ? 366 : 365);
}

/**
 * The rate `i > −1` where Σ amount·discount(t, i) = advance. Present value is strictly decreasing
 * in `i` when amounts are non-negative, so one bracketed root exists when the flows allow it.
 */
function solve(grossAdvance: number, amounts: readonly number[], times: readonly number[], oddPeriodSimple: boolean): number {
  // Payments at the moment of the advance are not discounted: they reduce what was really lent.
  let netAdvance = grossAdvance;
  const flows: { amount: number; time: number }[] = [];
  amounts.forEach((amount, index) => {
    if (amount === 0) return;
    if (times[index] === 0) netAdvance -= amount;
    else flows.push({ amount, time: times[index]! });
  });
  if (flows.length === 0) throw new AnnualRateError('no-solution', 'No payment after the advance: there is no rate to solve.');
  if (netAdvance <= 0) {
    throw new AnnualRateError('no-solution', 'Payments at the advance date already repay it: no rate makes the later payments worth nothing.');
  }
  const advance = netAdvance;
  const npv = (rate: number): [value: number, slope: number] => presentValue(flows, rate, oddPeriodSimple, advance);

  let low = -1;
  let high = Number.POSITIVE_INFINITY;
  const [atZero] = npv(0);
  if (atZero === 0) return 0;
  if (atZero > 0) low = 0;
  else high = 0;

  // Start from the rate at which one payment of the whole sum, at the amount-weighted mean time,
  // repays the advance: exact for a single payment and close for level payments.
  const total = flows.reduce((sum, flow) => sum + flow.amount, 0);
  const meanTime = flows.reduce((sum, flow) => sum + flow.amount * flow.time, 0) / total;
  let rate = meanTime > 0 ? Math.expm1(Math.log(total / advance) / meanTime) : Number.NaN;
  if (!(rate > low && rate < high)) rate = low === -1 ? -0.5 : 1;

  const tolerance = 1e-12 * advance;
  for (let step = 0; step < 2000; step += 1) {
    const [value, slope] = npv(rate);
    if (Math.abs(value) <= tolerance) return rate;
    if (value > 0) low = rate;
    else high = rate;
    if (high - low <= 4 * Number.EPSILON * Math.max(1, Math.abs(rate))) return rate;
    const newton = rate - value / slope;
    // Newton only inside the bracket; otherwise halve it (or, with no upper end yet, double).
    if (newton > low && newton < high && Number.isFinite(newton)) rate = newton;
    else if (Number.isFinite(high)) rate = low + (high - low) / 2;
    else rate = Math.max(1, rate * 2);
    if (!Number.isFinite(rate)) break;
  }
  throw new AnnualRateError('no-solution', 'The rate is beyond any meaningful bound.');
}

/** Σ amount·discount − advance, and its derivative in the rate. */
function presentValue(
  flows: readonly { amount: number; time: number }[],
  rate: number,
  oddPeriodSimple: boolean,
  advance: number,
): [number, number] {
  const logGrowth = Math.log1p(rate);
  const perPeriod = Math.exp(-logGrowth); // 1 / (1 + rate)
  let value = -advance;
  let slope = 0;
  let previousTime = Number.NaN;
  let previousDiscount = 0;
  for (let index = 0; index < flows.length; index += 1) {
    const { amount, time } = flows[index]!;
    let discount: number;
    let logSlope: number; // d(discount)/d(rate) ÷ discount
    if (oddPeriodSimple && !Number.isInteger(time)) {
      const whole = Math.floor(time);
      const fraction = time - whole;
      discount = Math.exp(-whole * logGrowth) / (1 + fraction * rate);
      logSlope = -whole / (1 + rate) - fraction / (1 + fraction * rate);
    } else {
      // Monthly schedules step one period at a time: one multiplication instead of an exp.
      discount = time - previousTime === 1 ? previousDiscount * perPeriod : Math.exp(-time * logGrowth);
      logSlope = -time / (1 + rate);
      previousTime = time;
      previousDiscount = discount;
    }
    value += amount * discount;
    slope += amount * discount * logSlope;
  }
  return [value, slope];
}
