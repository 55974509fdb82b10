import { parseDecimalRate } from '../arithmetic/decimal-rate.js';
import type { RoundingMode } from '../arithmetic/rounding.js';
import { divideRounded, ROUNDING_MODES } from '../arithmetic/rounding.js';
import { ScheduleError } from '../errors/schedule-error.js';
import { describe } from '../money/currency.js';

/**
 * The instalment fee per 100 units of price that an annuity at `annualRate` (実質年率, nominal,
 * monthly rate = annual ÷ 12) costs over `termMonths`, as Japanese card issuers publish it
 * (分割払手数料 per ¥100): 100 · n · pmt − 100, computed exactly and rounded to two decimals.
 *
 * @example
 * ```ts
 * feePer100({ annualRate: '0.15', termMonths: 12 }) // "8.31"
 * feePer100({ annualRate: '0.15', termMonths: 36 }) // "24.80"
 * ```
 */
export function feePer100(input: { annualRate: string; termMonths: number; rounding?: RoundingMode }): string {
  if (input === null || typeof input !== 'object') throw new ScheduleError('invalid-option', 'feePer100 needs { annualRate, termMonths }.');
  const rate = parseDecimalRate(input.annualRate);
  if (!rate || rate.numerator > 100n * rate.denominator) {
    throw new ScheduleError('invalid-rate', `annualRate must be a decimal string from "0" to "100", not ${describe(input.annualRate)}.`);
  }
  const rounding = input.rounding ?? 'half-up';
  if (!ROUNDING_MODES.includes(rounding)) throw new ScheduleError('invalid-option', `Unknown rounding ${describe(rounding)}.`);
  const { termMonths } = input;
  if (!Number.isSafeInteger(termMonths) || termMonths < 1 || termMonths > 600) {
    throw new ScheduleError('invalid-term', `termMonths must be a whole number from 1 to 600, not ${describe(termMonths)}.`);
  }
  if (rate.numerator === 0n) return '0.00';
  const n = BigInt(termMonths);
  const monthly = { numerator: rate.numerator, denominator: rate.denominator * 12n };
  const grown = (monthly.denominator + monthly.numerator) ** n;
  const base = monthly.denominator ** n;
  // In hundredths of a unit: 10,000 · n · i(1+i)ⁿ / ((1+i)ⁿ − 1) − 10,000.
  const hundredths =
    divideRounded(10_000n * n * monthly.numerator * grown, monthly.denominator * (grown - base), rounding) - 10_000n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
