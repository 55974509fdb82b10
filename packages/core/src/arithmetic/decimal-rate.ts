/** An exact non-negative fraction `numerator / denominator` (denominator > 0). */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

// At most three whole digits: no lending rate reaches 1,000 (100,000 %), and it bounds the exact
// powers that schedules compute.
const PLAIN_DECIMAL = /^(0|[1-9]\d{0,2})(?:\.(\d{1,12}))?$/;

/**
 * Parses a rate written as a plain decimal fraction (`"0.049"` is 4.9 %) into an exact fraction,
 * or returns `undefined` when the text is not such a decimal (signs, exponents, commas, more than
 * 12 decimals, 1,000 or more, or non-strings).
 */
export function parseDecimalRate(text: unknown): Fraction | undefined {
  if (typeof text !== 'string') return undefined;
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return undefined;
  const decimals = match[2] ?? '';
  return { numerator: BigInt(match[1]! + decimals), denominator: 10n ** BigInt(decimals.length) };
}
