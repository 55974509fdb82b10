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
  const rule = RULES[market];
  if (!rule) throw new RangeError(`Unknown rate market ${String(market)}: expected one of ${Object.keys(RULES).join(', ')}.`);
  const value = rates[rule.basis];
  return { market, ...rule, value, percent: roundPercent(value, rule.decimals) };
}

/**
 * A rate fraction as a percentage string rounded half-up (away from zero) to `decimals` places:
 * `roundPercent(0.130345, 2)` is `"13.03"`. The decimal expansion of the double is rounded, so
 * `0.125` at 1 decimal is `"12.5"` and `0.12345` at 2 decimals is `"12.35"`.
 *
 * @example
 * ```ts
 * roundPercent(0.1384, 1) // "13.8"
 * ```
 */
export function roundPercent(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot show ${value} as a percentage.`);
  // toPrecision(15) drops the binary noise of ×100 (0.1295 × 100 = 12.950000000000001) before rounding.
  const percent = Number((value * 100).toPrecision(15));
  const scale = 10 ** decimals;
  const rounded = Math.sign(percent) * Math.round(Math.abs(percent) * scale + 1e-9) / scale;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
}
