/**
 * How a value is rounded to a whole minor unit.
 * - `half-up`: ties away from zero (12,345 × 0.5 % = 61.725 → 61.73). The default.
 * - `half-even`: ties to the even neighbour, "banker's rounding" (61.725 → 61.72).
 * - `down`: towards zero, as Japanese contracts truncate yen (切り捨て).
 * - `up`: away from zero.
 *
 * @example
 * ```ts
 * buildSchedule({ principal, termMonths: 6, method: 'annuity', annualRate: '0.094822', rounding: 'half-even' })
 * ```
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];

/** `numerator / denominator` rounded to an integer with `mode`; `denominator` must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (numerator < 0n) return -divideRounded(-numerator, denominator, mode);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator - quotient * denominator) * 2n;
  const tie = twiceRemainder === 0n ? -2 : twiceRemainder < denominator ? -1 : twiceRemainder === denominator ? 0 : 1;
  return roundUp(tie, (quotient & 1n) === 1n, mode) ? quotient + 1n : quotient;
}

/**
 * The same as {@link divideRounded} on non-negative safe integers whose sum stays below 2^53,
 * so every step is exact in a double. The schedule uses it on its hot path because bigint
 * arithmetic allocates and is several times slower.
 */
export function divideRoundedSafe(numerator: number, denominator: number, mode: RoundingMode): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // The float quotient is correctly rounded, so it can be one off near an integer; fix it exactly.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const twiceRemainder = remainder * 2;
  const tie = remainder === 0 ? -2 : twiceRemainder < denominator ? -1 : twiceRemainder === denominator ? 0 : 1;
  return roundUp(tie, quotient % 2 === 1, mode) ? quotient + 1 : quotient;
}

/**
 * Whether to round a truncated quotient away from zero. `position` compares twice the remainder
 * with the divisor: -2 exact, -1 below half, 0 exactly half, 1 above half.
 */
function roundUp(position: -2 | -1 | 0 | 1, quotientIsOdd: boolean, mode: RoundingMode): boolean {
  if (position === -2) return false;
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'half-up':
      return position >= 0;
    case 'half-even':
      return position > 0 || (position === 0 && quotientIsOdd);
  }
}
