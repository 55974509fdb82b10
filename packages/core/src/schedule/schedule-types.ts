import type { RoundingMode } from '../arithmetic/rounding.js';
import type { AnnualRates } from '../annual-rate/annual-rate.js';
import type { Money } from '../money/money.js';

/**
 * How the principal is repaid.
 * - `annuity` (等额本息): a level payment; interest on the falling balance.
 * - `equal-principal` (等额本金): the same principal every month plus interest, so payments fall.
 * - `flat-fee` (分期手续费): principal ÷ n plus a monthly fee on the *original* principal; with a
 *   zero fee this is the merchant-subsidised 0 % plan.
 * - `interest-only` (先息后本): interest every month, the principal with the last instalment.
 *
 * @example
 * ```ts
 * buildSchedule({ principal: parseMoney('6000.00', 'CNY'), termMonths: 12, method: 'equal-principal', annualRate: '0.06' })
 * ```
 */
export type ScheduleMethod = 'annuity' | 'equal-principal' | 'flat-fee' | 'interest-only';

/**
 * How a period's interest is measured when dates are given.
 * - `30/360`: every whole month is 1/12 of a year, odd days are /360.
 * - `actual/365`: actual days / 365, leap years included.
 * - `actual/actual`: actual days / 365, or / 366 for the days that fall in a leap year.
 *
 * @example
 * ```ts
 * buildSchedule({ principal, termMonths: 6, method: 'annuity', annualRate: '0.15678', startDate: '2024-01-01', dayCount: 'actual/365' })
 * ```
 */
export type DayCount = '30/360' | 'actual/365' | 'actual/actual';

/**
 * What {@link buildSchedule} needs to lay out a loan.
 *
 * @example
 * ```ts
 * const input: ScheduleInput = {
 *   principal: parseMoney('4999.00', 'CNY'),
 *   termMonths: 12,
 *   method: 'flat-fee',
 *   monthlyFeeRate: '0.006',
 *   startDate: '2026-01-15',
 * }
 * ```
 */
export interface ScheduleInput {
  /** The amount lent: the price the shopper finances. */
  readonly principal: Money;
  /** Number of monthly instalments, 1–600. */
  readonly termMonths: number;
  /** How the principal is repaid. */
  readonly method: ScheduleMethod;
  /** Nominal annual interest rate as a decimal string (`"0.049"` = 4.9 %). @default "0" */
  readonly annualRate?: string;
  /** Fee per month on the original principal, as a decimal string (`"0.006"` = 0.6 %). @default "0" */
  readonly monthlyFeeRate?: string;
  /** A one-off fee in the principal's currency. @default zero */
  readonly upfrontFee?: Money;
  /**
   * `true`: the upfront fee is spread over the instalments (fee column, interest-free).
   * `false`: it is paid at the start, so the borrower effectively receives less.
   * @default false
   */
  readonly feeFinanced?: boolean;
  /** How each row's interest, fee and share of principal is rounded to the minor unit. @default 'half-up' */
  readonly rounding?: RoundingMode;
  /** Which instalment absorbs the rounding residual. @default 'last' */
  readonly residual?: 'last' | 'first';
  /** The date the loan is paid out, `YYYY-MM-DD`. Needed for dates and actual day counts. */
  readonly startDate?: string;
  /** The first due date; later ones fall on the same day of each month (or the month's last day). @default one month after startDate */
  readonly firstDueDate?: string;
  /** How interest accrues between dates. @default '30/360' */
  readonly dayCount?: DayCount;
}

/**
 * One row of a repayment schedule; every amount is exact and already rounded.
 *
 * @example
 * ```ts
 * for (const row of buildSchedule(input).instalments) {
 *   console.log(row.number, row.dueDate, toDecimalString(row.payment))
 * }
 * ```
 */
export interface Instalment {
  /** 1-based position. */
  readonly number: number;
  /** The due date, `YYYY-MM-DD`, when the schedule has a start date. */
  readonly dueDate?: string;
  /** principal + interest + fee. */
  readonly payment: Money;
  /** The part that repays the principal. */
  readonly principal: Money;
  /** Interest for the period. */
  readonly interest: Money;
  /** Monthly fee plus this row's share of a financed upfront fee. */
  readonly fee: Money;
  /** Principal still owed after this payment; 0 after the last. */
  readonly balance: Money;
}

/**
 * Sums of the rounded rows (never a closed-form figure).
 *
 * @example
 * ```ts
 * const { totals } = buildSchedule(input)
 * toDecimalString(totals.costOfCredit) // interest + fees
 * ```
 */
export interface ScheduleTotals {
  /** Σ payments of the instalments. */
  readonly payment: Money;
  /** Σ principal; always equals the principal lent. */
  readonly principal: Money;
  /** Σ interest. */
  readonly interest: Money;
  /** Σ fees, including an upfront fee paid at the start. */
  readonly fees: Money;
  /** interest + fees: the total cost of credit. */
  readonly costOfCredit: Money;
}

/**
 * A complete, reconciled repayment schedule.
 *
 * @example
 * ```ts
 * const schedule: Schedule = buildSchedule(input)
 * schedule.instalments.at(-1)?.balance.minor // 0n, always
 * ```
 */
export interface Schedule {
  readonly method: ScheduleMethod;
  readonly termMonths: number;
  /** The amount lent. */
  readonly principal: Money;
  /** Fee paid at the start, outside the instalments (zero when financed or absent). */
  readonly upfrontFee: Money;
  readonly instalments: readonly Instalment[];
  readonly totals: ScheduleTotals;
  /** Annual rates solved from the real cash flows, fees included (see {@link disclosedRate}). */
  readonly annualRates: AnnualRates;
}
