import { divideRounded } from '../arithmetic/rounding.js';
import { AnnualRateError } from '../errors/annual-rate-error.js';
import { describe } from '../money/currency.js';
import type { AnnualRates } from './annual-rate.js';

/**
 * The lending market whose rules decide which annual rate is shown and how.
 * - `CN`: PBoC 2021 No. 3 — the IRR-based annualised rate (periodic × 12, 年化利率（单利）), 2 decimals.
 * - `EU`, `UK`: CCD Annex I / FCA CONC App 1.2 — the effective APRC, 1 decimal, half-up.
 * - `US`: Regulation Z — the nominal APR (unit-period rate × periods per year), 2 decimals.
 * - `JP`: 実質年率 — monthly rate × 12, 2 decimals.
 *
 * @example
 * ```ts
 * disclosedRate(schedule.annualRates, 'EU') // effective APRC, 1 decimal
 * ```
 */
export type RateMarket = 'CN' | 'EU' | 'UK' | 'US' | 'JP';

/**
 * The annual rate a market requires, ready to display.
 *
 * @example
 * ```ts
 * const { percent, basis } = disclosedRate(schedule.annualRates, 'CN') // "13.03", 'nominal'
 * ```
 */
export interface DisclosedRate {
  readonly market: RateMarket;
  /** Which annualisation the market uses. */
  readonly basis: 'nominal' | 'effective';
  /** The unrounded rate as a fraction (0.1303…). */
  readonly value: number;
  /** Decimal places of the percentage the market shows. */
  readonly decimals: number;
  /** The percentage rounded half-up to `decimals`, without the sign: `"13.03"`. */
  readonly percent: string;
}

const RULES: Record<RateMarket, { basis: 'nominal' | 'effective'; decimals: number }> = {
  CN: { basis: 'nominal', decimals: 2 },
  EU: { basis: 'effective', decimals: 1 },
  UK: { basis: 'effective', decimals: 1 },
  US: { basis: 'nominal', decimals: 2 },
  JP: { basis: 'nominal', decimals: 2 },
};

/**
 * Picks and rounds the annual rate a market's rules require from solved {@link AnnualRates}.
 *
 * @example
 * ```ts
 * disclosedRate(schedule.annualRates, 'CN').percent // "13.03"
 * disclosedRate(schedule.annualRates, 'UK').percent // "13.8"
 * ```
 */
export function disclosedRate(rates: AnnualRates, market: RateMarket): DisclosedRate {
  const rule = Object.hasOwn(RULES, market) ? RULES[market] : undefined;
  if (!rule) {
    throw new AnnualRateError('invalid-option', `Unknown rate market ${describe(market)}: expected one of ${Object.keys(RULES).join(', ')}.`);
  }
  const value = rates?.[rule.basis];
  return { market, ...rule, value, percent: roundPercent(value, rule.decimals) };
}

/**
 * A rate fraction as a plain percentage string rounded half-up (away from zero) to `decimals`
 * places, never in exponent notation. The rate's first 15 significant digits are rounded as
 * decimals, so the binary noise of a double never decides a tie: `roundPercent(0.1295, 2)` is
 * `"12.95"` although 0.1295 × 100 is 12.950000000000001 in binary. Throws
 * {@link AnnualRateError} `not-displayable` for `NaN` or ±Infinity.
 *
 * @example
 * ```ts
 * roundPercent(0.1384, 1)  // "13.8"
 * roundPercent(0.13034, 2) // "13.03"
 * ```
 */
export function roundPercent(value: number, decimals: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AnnualRateError('not-displayable', `Cannot show ${describe(value)} as a percentage.`);
  }
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new AnnualRateError('invalid-option', `decimals must be a whole number from 0 to 20, not ${describe(decimals)}.`);
  }
  // value × 100 as 15 significant decimal digits × 10^exponent, then rounded exactly in bigint.
  const [mantissa = '0', exponent = '0'] = Math.abs(value * 100).toExponential(14).split('e');
  const digits = BigInt(mantissa.replace('.', ''));
  const shift = Number(exponent) - 14 + decimals;
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : divideRounded(digits, 10n ** BigInt(-shift), 'half-up');
  const text = scaled.toString().padStart(decimals + 1, '0');
  const unsigned = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return value < 0 && scaled !== 0n ? `-${unsigned}` : unsigned;
}
