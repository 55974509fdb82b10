import type { Fraction } from '../arithmetic/decimal-rate.js';
import { parseDecimalRate } from '../arithmetic/decimal-rate.js';
import type { RoundingMode } from '../arithmetic/rounding.js';
import { divideRounded, divideRoundedSafe, ROUNDING_MODES } from '../arithmetic/rounding.js';
import { ratesFromPeriodic, solvePeriodicRate } from '../annual-rate/annual-rate.js';
import type { CashFlow } from '../annual-rate/annual-rate.js';
import { ScheduleError } from '../errors/schedule-error.js';
import { describe, isCurrencyCode } from '../money/currency.js';
import type { Money } from '../money/money.js';
import { MAX_MINOR_UNITS, toDecimalString } from '../money/money.js';
import type { CalendarDate } from './calendar.js';
import { addMonths, epochDayOf, formatIsoDate, isLeapYear, monthsAndDaysBetween, parseIsoDate } from './calendar.js';
import type { DayCount, Instalment, Schedule, ScheduleInput, ScheduleMethod } from './schedule-types.js';

const METHODS: readonly ScheduleMethod[] = ['annuity', 'equal-principal', 'flat-fee', 'interest-only'];
const DAY_COUNTS: readonly DayCount[] = ['30/360', 'actual/365', 'actual/actual'];
const MAX_TERM_MONTHS = 600;
/** 10,000 % a year: far beyond any lawful price, low enough to keep the exact arithmetic small. */
const MAX_ANNUAL_RATE: Fraction = { numerator: 100n, denominator: 1n };
const MAX_MONTHLY_FEE_RATE: Fraction = { numerator: 1n, denominator: 1n };

/** The validated, normalised form of {@link ScheduleInput}. */
interface Plan {
  readonly principal: bigint;
  readonly currency: string;
  readonly termMonths: number;
  readonly method: ScheduleMethod;
  readonly annualRate: Fraction;
  readonly monthlyFeeRate: Fraction;
  readonly upfrontFee: bigint;
  readonly feeFinanced: boolean;
  readonly rounding: RoundingMode;
  readonly residual: 'last' | 'first';
  readonly dates?: { readonly start: CalendarDate; readonly due: readonly CalendarDate[] };
  readonly dayCount: DayCount;
}

/**
 * Lays out a loan's repayment schedule with exact arithmetic: rates are decimal strings, amounts
 * are bigint minor units, and every row is rounded once with `rounding`.
 *
 * Guarantees, for every input it accepts: exactly `termMonths` rows; Σ principal = principal;
 * the final balance is exactly 0; no negative component and every payment above zero; totals are
 * sums of the rounded rows; a zero rate gives principal ÷ n; the annual rates are solved from the
 * real payments, fees included.
 *
 * Where the rounding residual goes: an annuity rounds its level payment once and the last
 * instalment clears what is left of the balance (so it can differ by a few minor units). Plans
 * that split the principal evenly (equal-principal, flat-fee, a 0 % annuity) give every row the
 * rounded share P ÷ n and put the difference in the `residual` instalment; if rounding up would
 * leave that instalment at zero or below (only for amounts of fewer minor units than about n²/2),
 * shares are rounded down instead. A financed upfront fee is split by the same rule.
 *
 * Throws {@link ScheduleError} for invalid input, `amount-too-small` when an instalment would be
 * zero (for example 0.02 over 3 months), for `residual: 'first'` on an interest-bearing
 * annuity or interest-only plan (their residual is by nature in the final instalment), and when a
 * payment would not cover the period's interest (`payment-below-interest`), which would make the
 * balance grow.
 *
 * @example
 * ```ts
 * const schedule = buildSchedule({
 *   principal: parseMoney('12000.00', 'CNY'),
 *   termMonths: 12,
 *   method: 'flat-fee',
 *   monthlyFeeRate: '0.006',
 * })
 * toDecimalString(schedule.instalments[0].payment) // "1072.00"
 * schedule.annualRates.nominal                     // 0.1303…
 * ```
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  const plan = toPlan(input);
  const { termMonths: n, rounding, currency } = plan;
  const factors = periodFactors(plan);
  const money = (minor: number | bigint): Money => ({ minor: BigInt(minor), currency });

  // Rows are computed in doubles holding whole minor units, which is exact below 2^53 and several
  // times faster than bigint; only an interest product that could pass 2^52 goes through bigint.
  const principal = Number(plan.principal);
  const monthlyFee = Number(divideRounded(plan.principal * plan.monthlyFeeRate.numerator, plan.monthlyFeeRate.denominator, rounding));
  const financedFee = plan.feeFinanced ? splitEvenly(plan.upfrontFee, n, rounding, plan.residual).map(Number) : undefined;
  const interestFree = plan.method === 'flat-fee' || factors.every((factor) => factor.numerator === 0n);
  const principalRows =
    plan.method === 'equal-principal' || plan.method === 'flat-fee' || (plan.method === 'annuity' && interestFree)
      ? splitEvenly(plan.principal, n, rounding, plan.residual).map(Number)
      : undefined;
  const interestFor = interestCalculator(factors, rounding);
  const layOut = (level: number) => layOutPrincipal(principal, n, interestFree ? undefined : interestFor, level, principalRows, plan.method);
  let rows: Rows;
  if (plan.method === 'annuity' && !principalRows) {
    const level = annuityPayment(plan.principal, factors, rounding);
    if (level > MAX_MINOR_UNITS) throw new ScheduleError('invalid-principal', 'The instalments would exceed the largest supported amount.');
    rows = layOutAnnuity(layOut, Number(level), plan);
  } else {
    const laidOut = layOut(0);
    if (typeof laidOut === 'string') throw new ScheduleError('amount-too-small', tooSmall(plan));
    rows = laidOut;
  }

  const instalments: Instalment[] = new Array(n);
  const payments: number[] = new Array(n);
  let balance = principal;
  let totalPayment = 0;
  let totalInterest = 0;
  let totalFees = 0;
  for (let index = 0; index < n; index += 1) {
    const repaid = rows.repaid[index]!;
    const interest = rows.interest[index]!;
    balance -= repaid;
    const fee = financedFee ? monthlyFee + financedFee[index]! : monthlyFee;
    const payment = repaid + interest + fee;
    // An instalment of nothing is no plan to offer a shopper (B27); interest-only rows at 0 % are
    // the exception, as deferring the principal is the whole plan.
    if (payment === 0 && plan.method !== 'interest-only') throw new ScheduleError('amount-too-small', tooSmall(plan));
    if (payment > Number.MAX_SAFE_INTEGER) {
      throw new ScheduleError('invalid-principal', `Instalment ${index + 1} would exceed the largest supported amount.`);
    }
    payments[index] = payment;
    totalPayment += payment;
    totalInterest += interest;
    totalFees += fee;
    const dueDate = plan.dates ? formatIsoDate(plan.dates.due[index]!) : undefined;
    instalments[index] = {
      number: index + 1,
      ...(dueDate === undefined ? {} : { dueDate }),
      payment: money(payment),
      principal: money(repaid),
      interest: money(interest),
      fee: money(fee),
      balance: money(balance),
    };
  }

  const upfrontPaid = plan.feeFinanced ? 0n : plan.upfrontFee;
  // Every partial sum is below the payment total, so one check keeps all three totals exact.
  const sum = (pick: (row: Instalment) => Money) => instalments.reduce((total, row) => total + pick(row).minor, 0n);
  const exact = totalPayment <= Number.MAX_SAFE_INTEGER;
  const interestSum = exact ? BigInt(totalInterest) : sum((row) => row.interest);
  const feeSum = (exact ? BigInt(totalFees) : sum((row) => row.fee)) + upfrontPaid;
  const firstTime = firstPaymentTime(plan);
  const periodic = solvePeriodicRate(
    principal - Number(upfrontPaid),
    payments,
    payments.map((_, index) => firstTime + index),
  );
  return {
    method: plan.method,
    termMonths: n,
    principal: money(plan.principal),
    upfrontFee: money(upfrontPaid),
    instalments,
    totals: {
      payment: money(exact ? BigInt(totalPayment) : sum((row) => row.payment)),
      principal: money(plan.principal),
      interest: money(interestSum),
      fees: money(feeSum),
      costOfCredit: money(interestSum + feeSum),
    },
    annualRates: ratesFromPeriodic(periodic, 12),
  };
}

/** Principal and interest of every row, in whole minor units. */
interface Rows {
  readonly repaid: number[];
  readonly interest: number[];
}

/**
 * Splits the principal over the rows: a given share per row, nothing before the end
 * (interest-only), or `level` − interest (annuity). The last row clears the balance. Returns
 * `'early'` when the balance would be cleared before the last row and `'below-interest'` when a
 * level payment does not cover a row's interest.
 */
function layOutPrincipal(
  principal: number,
  n: number,
  interestFor: ((balance: number, index: number) => number) | undefined,
  level: number,
  shares: readonly number[] | undefined,
  method: ScheduleMethod,
): Rows | 'early' | 'below-interest' {
  const repaid: number[] = new Array(n);
  const interest: number[] = new Array(n);
  let balance = principal;
  for (let index = 0; index < n; index += 1) {
    const charged = interestFor ? interestFor(balance, index) : 0;
    let part: number;
    if (index === n - 1) part = balance;
    else if (shares) part = shares[index]!;
    else if (method === 'interest-only') part = 0;
    else {
      part = level - charged;
      if (part < 0) return 'below-interest';
      if (part >= balance) return 'early';
    }
    repaid[index] = part;
    interest[index] = charged;
    balance -= part;
  }
  return { repaid, interest };
}

/**
 * An annuity's rows. Rounding the level payment up can, over long terms at high rates, compound
 * into clearing the loan before its last month (100,000 JPY at 20.1 % over 269 months): then the
 * payment is lowered one minor unit at a time — never more than twice, since one unit less
 * outweighs all rounding drift — so the plan keeps exactly n instalments and the last absorbs the
 * residual.
 */
function layOutAnnuity(layOut: (level: number) => Rows | 'early' | 'below-interest', rounded: number, plan: Plan): Rows {
  for (let level = rounded; level > rounded - 3 && level >= 0; level -= 1) {
    const rows = layOut(level);
    if (rows === 'early') continue;
    if (rows !== 'below-interest') return rows;
    if (level === rounded) {
      throw new ScheduleError('payment-below-interest', `A level payment of ${level} minor units does not cover the interest: the balance would grow.`);
    }
    break;
  }
  throw new ScheduleError('amount-too-small', tooSmall(plan));
}

function tooSmall(plan: Plan): string {
  const principal = { minor: plan.principal, currency: plan.currency };
  return `${toDecimalString(principal)} ${plan.currency} is too small to repay in ${plan.termMonths} non-zero instalments.`;
}

/** round(balance × rate) per period, in doubles when the product is exact there, else bigint. */
function interestCalculator(factors: readonly Fraction[], rounding: RoundingMode): (balance: number, index: number) => number {
  const LIMIT = 2 ** 52;
  const fast = factors.map((factor) =>
    factor.numerator <= LIMIT && factor.denominator <= LIMIT ? [Number(factor.numerator), Number(factor.denominator)] : undefined,
  );
  return (balance, index) => {
    const pair = fast[index];
    if (pair) {
      const product = balance * pair[0]!;
      if (product <= LIMIT) return divideRoundedSafe(product, pair[1]!, rounding);
    }
    const factor = factors[index]!;
    return Number(divideRounded(BigInt(balance) * factor.numerator, factor.denominator, rounding));
  };
}

/**
 * The cash flows of a schedule as {@link annualRate} takes them, for a disclosure under another
 * time basis (for example Reg Z's odd-period rule or the EU calendar rule with dates).
 *
 * @example
 * ```ts
 * const { advance, payments } = scheduleCashFlows(schedule)
 * annualRate({ advance, payments, advanceDate: '2026-01-15', timeBasis: 'calendar' })
 * ```
 */
export function scheduleCashFlows(schedule: Schedule): { advance: Money; payments: CashFlow[] } {
  return {
    advance: { minor: schedule.principal.minor - schedule.upfrontFee.minor, currency: schedule.principal.currency },
    payments: schedule.instalments.map((row) => ({
      amount: row.payment,
      ...(row.dueDate === undefined ? { period: row.number } : { date: row.dueDate }),
    })),
  };
}

/** Months from the advance to the first payment, odd days as a fraction of a 30-day month. */
function firstPaymentTime(plan: Plan): number {
  if (!plan.dates) return 1;
  const { months, days } = monthsAndDaysBetween(plan.dates.start, plan.dates.due[0]!);
  return months + days / 30;
}

/**
 * `total` in `n` rounded shares, the difference in the residual instalment. When rounding up
 * would leave that instalment at zero or below, shares are rounded down instead, so it keeps at
 * least one share's worth.
 */
function splitEvenly(total: bigint, n: number, rounding: RoundingMode, residual: 'last' | 'first'): bigint[] {
  const count = BigInt(n);
  let share = divideRounded(total, count, rounding);
  if (n > 1 && share * (count - 1n) >= total) share = total / count;
  const shares = new Array<bigint>(n).fill(share);
  shares[residual === 'last' ? n - 1 : 0] = total - share * (count - 1n);
  return shares;
}

/**
 * The level payment that repays `principal` over the periods, rounded once: P / Σₖ Πⱼ≤ₖ 1/(1+iⱼ),
 * exact in rationals. Equal rates use the closed form P·i / (1 − (1+i)⁻ⁿ).
 */
function annuityPayment(principal: bigint, factors: readonly Fraction[], rounding: RoundingMode): bigint {
  const first = factors[0]!;
  if (factors.every((factor) => factor.numerator === first.numerator && factor.denominator === first.denominator)) {
    return quickAnnuityPayment(principal, first, factors.length, rounding) ?? exactAnnuityPayment(principal, first, factors.length, rounding);
  }
  // Horner from the last period back: T = g₁(1 + g₂(1 + … gₙ)), gⱼ = dⱼ / (dⱼ + nⱼ).
  let numerator = 0n;
  let denominator = 1n;
  for (let index = factors.length - 1; index >= 0; index -= 1) {
    const { numerator: rate, denominator: scale } = factors[index]!;
    numerator = scale * (denominator + numerator);
    denominator = (scale + rate) * denominator;
  }
  return divideRounded(principal * denominator, numerator, rounding);
}

/** The closed form in exact rationals (exported for the test that checks the shortcut below). */
export function exactAnnuityPayment(principal: bigint, rate: Fraction, n: number, rounding: RoundingMode): bigint {
  const grown = (rate.denominator + rate.numerator) ** BigInt(n);
  const base = rate.denominator ** BigInt(n);
  return divideRounded(principal * rate.numerator * grown, rate.denominator * (grown - base), rounding);
}

/**
 * The same payment from the closed form in doubles, when that is provably the same integer: its
 * relative error is a few ulps (expm1 and log1p keep it so even for tiny rates), so the result
 * is trusted only when it sits more than 10⁻¹¹ (relative) away from a rounding boundary. Saves
 * the bigint power, which dominates long schedules; `undefined` sends the caller to the exact path.
 */
export function quickAnnuityPayment(principal: bigint, rate: Fraction, n: number, rounding: RoundingMode): bigint | undefined {
  const periodic = Number(rate.numerator) / Number(rate.denominator);
  const payment = (Number(principal) * periodic) / -Math.expm1(-n * Math.log1p(periodic));
  const margin = payment * 1e-11 + 1e-9;
  const whole = Math.floor(payment);
  const fraction = payment - whole;
  if (!(Number.isFinite(payment) && payment < 2 ** 52)) return undefined;
  const boundary = rounding === 'half-up' || rounding === 'half-even' ? 0.5 : 0;
  const distance = boundary === 0 ? Math.min(fraction, 1 - fraction) : Math.abs(fraction - 0.5);
  if (distance <= margin) return undefined;
  const roundUp = boundary === 0 ? rounding === 'up' : fraction > 0.5;
  return BigInt(whole + (roundUp ? 1 : 0));
}

/** Each period's interest rate as an exact fraction. */
function periodFactors(plan: Plan): Fraction[] {
  const { numerator, denominator } = plan.annualRate;
  if (!plan.dates) return new Array<Fraction>(plan.termMonths).fill({ numerator, denominator: denominator * 12n });
  const { start, due } = plan.dates;
  return due.map((end, index) => {
    const from = index === 0 ? start : due[index - 1]!;
    switch (plan.dayCount) {
      case '30/360': {
        const { months, days } = monthsAndDaysBetween(from, end);
        return { numerator: numerator * BigInt(months * 30 + days), denominator: denominator * 360n };
      }
      case 'actual/365':
        return { numerator: numerator * BigInt(end.epochDay - from.epochDay), denominator: denominator * 365n };
      case 'actual/actual': {
        const [common, leap] = daysByYearLength(from, end);
        return { numerator: numerator * BigInt(common * 366 + leap * 365), denominator: denominator * 365n * 366n };
      }
    }
  });
}

/** Days of [from, end) that fall in 365-day years and in leap years. */
function daysByYearLength(from: CalendarDate, end: CalendarDate): [common: number, leap: number] {
  let common = 0;
  let leap = 0;
  let cursor = from.epochDay;
  for (let year = from.year; cursor < end.epochDay; year += 1) {
    const nextYear = epochDayOf(year + 1, 1, 1);
    const days = Math.min(nextYear, end.epochDay) - cursor;
    if (isLeapYear(year)) leap += days;
    else common += days;
    cursor = nextYear;
  }
  return [common, leap];
}

function toPlan(input: ScheduleInput): Plan {
  if (input === null || typeof input !== 'object') throw new ScheduleError('invalid-option', 'buildSchedule needs an input object.');
  // Read each field once: a getter must not be able to pass validation and then change.
  const principal = input.principal ? { minor: input.principal.minor, currency: input.principal.currency } : undefined;
  if (!principal || typeof principal.minor !== 'bigint' || !isCurrencyCode(principal.currency)) {
    throw new ScheduleError('invalid-principal', 'principal must be Money: { minor: bigint, currency: ISO 4217 code }.');
  }
  if (principal.minor <= 0n || principal.minor > MAX_MINOR_UNITS) {
    throw new ScheduleError('invalid-principal', `principal must be positive and at most ${MAX_MINOR_UNITS} minor units.`);
  }
  const termMonths = termOf(input.termMonths);
  if (!METHODS.includes(input.method)) {
    throw new ScheduleError('invalid-method', `method must be one of ${METHODS.join(', ')}, not ${describe(input.method)}.`);
  }
  const annualRate = rateOf(input.annualRate, 'annualRate', MAX_ANNUAL_RATE);
  const monthlyFeeRate = rateOf(input.monthlyFeeRate, 'monthlyFeeRate', MAX_MONTHLY_FEE_RATE);
  if (input.method === 'flat-fee' && annualRate.numerator !== 0n) {
    throw new ScheduleError('invalid-rate', 'A flat-fee plan charges monthlyFeeRate on the original principal; it takes no annualRate.');
  }
  const rounding = input.rounding ?? 'half-up';
  if (!ROUNDING_MODES.includes(rounding)) {
    throw new ScheduleError('invalid-option', `rounding must be one of ${ROUNDING_MODES.join(', ')}, not ${describe(rounding)}.`);
  }
  const residual = input.residual ?? 'last';
  if (residual !== 'last' && residual !== 'first') {
    throw new ScheduleError('invalid-option', `residual must be 'last' or 'first', not ${describe(residual)}.`);
  }
  if (residual === 'first' && annualRate.numerator !== 0n && (input.method === 'annuity' || input.method === 'interest-only')) {
    throw new ScheduleError(
      'unsupported',
      `An interest-bearing ${input.method} plan clears its rounding residual in the final instalment; residual 'first' applies to even splits.`,
    );
  }
  const upfrontFee = feeOf(input.upfrontFee, principal);
  const feeFinanced = input.feeFinanced ?? false;
  if (typeof feeFinanced !== 'boolean') throw new ScheduleError('invalid-option', 'feeFinanced must be true or false.');
  if (!feeFinanced && upfrontFee >= principal.minor) {
    throw new ScheduleError('invalid-fee', 'An upfront fee paid at the start must be smaller than the principal.');
  }
  const dayCount = input.dayCount ?? '30/360';
  if (!DAY_COUNTS.includes(dayCount)) {
    throw new ScheduleError('invalid-option', `dayCount must be one of ${DAY_COUNTS.join(', ')}, not ${describe(dayCount)}.`);
  }
  const dates = datesOf(input, termMonths);
  if (!dates && dayCount !== '30/360') {
    throw new ScheduleError('invalid-date', `The ${dayCount} day count needs a startDate.`);
  }
  return {
    principal: principal.minor,
    currency: principal.currency,
    termMonths,
    method: input.method,
    annualRate,
    monthlyFeeRate,
    upfrontFee,
    feeFinanced,
    rounding,
    residual,
    ...(dates ? { dates } : {}),
    dayCount,
  };
}

function rateOf(text: string | undefined, name: string, maximum: Fraction): Fraction {
  if (text === undefined) return { numerator: 0n, denominator: 1n };
  const rate = parseDecimalRate(text);
  if (!rate) {
    throw new ScheduleError('invalid-rate', `${name} must be a decimal string such as "0.049" (4.9 %), not ${describe(text)}.`);
  }
  if (rate.numerator * maximum.denominator > maximum.numerator * rate.denominator) {
    throw new ScheduleError('invalid-rate', `${name} ${text} is beyond the supported maximum.`);
  }
  return rate;
}

function feeOf(fee: Money | undefined, principal: Money): bigint {
  if (fee === undefined) return 0n;
  if (typeof fee?.minor !== 'bigint' || fee.minor < 0n) throw new ScheduleError('invalid-fee', 'upfrontFee must be Money of at least zero.');
  if (fee.currency !== principal.currency) {
    throw new ScheduleError('currency-mismatch', `upfrontFee is in ${describe(fee.currency)} but the principal in ${principal.currency}.`);
  }
  if (fee.minor > MAX_MINOR_UNITS) throw new ScheduleError('invalid-fee', 'upfrontFee is beyond the largest supported amount.');
  return fee.minor;
}

/**
 * The due dates of a loan of `termMonths` monthly instalments starting on `startDate`, exactly
 * as {@link buildSchedule} sets them (a month after the start, or from `firstDueDate`, keeping
 * the day of the month: Jan 31 → Feb 28 → Mar 31). For showing when an offer's payments would
 * fall without computing its schedule again. Throws a `ScheduleError` (`invalid-date`,
 * `invalid-term`) for input buildSchedule would refuse.
 *
 * @example
 * ```ts
 * dueDates({ startDate: '2026-01-31', termMonths: 3 }) // ['2026-02-28', '2026-03-31', '2026-04-30']
 * ```
 */
export function dueDates(input: { readonly startDate: string; readonly termMonths: number; readonly firstDueDate?: string }): string[] {
  const termMonths = termOf(input?.termMonths);
  if (typeof input.startDate !== 'string') throw new ScheduleError('invalid-date', `startDate must be a date YYYY-MM-DD, not ${describe(input.startDate)}.`);
  return datesOf(input, termMonths)!.due.map(formatIsoDate);
}

function termOf(termMonths: unknown): number {
  if (!Number.isSafeInteger(termMonths) || (termMonths as number) < 1 || (termMonths as number) > MAX_TERM_MONTHS) {
    throw new ScheduleError('invalid-term', `termMonths must be a whole number from 1 to ${MAX_TERM_MONTHS}, not ${describe(termMonths)}.`);
  }
  return termMonths as number;
}

function datesOf(input: Pick<ScheduleInput, 'startDate' | 'firstDueDate'>, termMonths: number): Plan['dates'] {
  if (input.startDate === undefined) {
    if (input.firstDueDate !== undefined) throw new ScheduleError('invalid-date', 'firstDueDate needs a startDate.');
    return undefined;
  }
  const start = parseIsoDate(input.startDate);
  if (!start) throw new ScheduleError('invalid-date', `startDate must be a date YYYY-MM-DD, not ${describe(input.startDate)}.`);
  const first = input.firstDueDate === undefined ? addMonths(start, 1) : parseIsoDate(input.firstDueDate);
  if (!first) throw new ScheduleError('invalid-date', `firstDueDate must be a date YYYY-MM-DD, not ${describe(input.firstDueDate)}.`);
  if (first.epochDay <= start.epochDay) throw new ScheduleError('invalid-date', 'firstDueDate must be after startDate.');
  // Due dates keep the day of the month they started on: Jan 31 → Feb 28 → Mar 31.
  const anchorDay = input.firstDueDate === undefined ? start.day : first.day;
  const due = Array.from({ length: termMonths }, (_, index) => addMonths(first, index, anchorDay));
  if (due.at(-1)!.year > 9999) throw new ScheduleError('invalid-date', 'Due dates must fall before the year 10000.');
  return { start, due };
}
