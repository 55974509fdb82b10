import { MoneyError } from '../errors/money-error.js';
import { describe } from './currency.js';
import type { Money } from './money.js';

/**
 * Splits money into parts that add up to exactly the whole, in proportion to `ratios`, or into
 * `n` equal parts.
 *
 * The remainder rule: every part first gets its share rounded towards zero; the few minor units
 * left over (fewer than the number of parts) go one each to the parts whose exact share had the
 * largest fraction cut off, and among equal fractions to the earlier part. So an equal split puts
 * the extra units on the first parts: 100.00 / 3 → 33.34, 33.33, 33.33.
 *
 * Ratios are non-negative whole numbers (number or bigint) with a positive sum; a zero ratio gets
 * nothing. At most 10,000 parts. Throws {@link MoneyError} `invalid-allocation` otherwise.
 *
 * @example
 * ```ts
 * allocate(parseMoney('100.00', 'EUR'), 3)        // 33.34, 33.33, 33.33
 * allocate(parseMoney('10.00', 'EUR'), [70, 30])  // 7.00, 3.00
 * allocate(parseMoney('0.02', 'EUR'), 3)          // 0.01, 0.01, 0.00
 * ```
 */
export function allocate(money: Money, parts: number | readonly (number | bigint)[]): Money[] {
  let weights: bigint[];
  if (typeof parts === 'number') weights = equalWeights(parts);
  else if (Array.isArray(parts) && parts.length <= MAX_PARTS) weights = Array.from(parts, toWeight);
  else throw new MoneyError('invalid-allocation', `Expected a number of parts or an array of at most ${MAX_PARTS} ratios, not ${describe(parts)}.`);
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) throw new MoneyError('invalid-allocation', 'At least one ratio must be positive.');

  const negative = money.minor < 0n;
  const whole = negative ? -money.minor : money.minor;
  const shares = weights.map((weight) => (whole * weight) / total);
  const cutOff = weights.map((weight) => (whole * weight) % total);
  let leftover = whole - shares.reduce((sum, share) => sum + share, 0n);

  const order = weights.map((_, index) => index).sort((a, b) => (cutOff[a]! > cutOff[b]! ? -1 : cutOff[a]! < cutOff[b]! ? 1 : a - b));
  for (const index of order) {
    if (leftover === 0n) break;
    shares[index]! += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => ({ minor: negative ? -share : share, currency: money.currency }));
}

/** More parts than any schedule or basket needs; bounds the work one call can do. */
const MAX_PARTS = 10_000;

function equalWeights(count: number): bigint[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PARTS) {
    throw new MoneyError('invalid-allocation', `Cannot split into ${describe(count)} parts: expected a whole number from 1 to ${MAX_PARTS}.`);
  }
  return Array.from({ length: count }, () => 1n);
}

function toWeight(ratio: number | bigint): bigint {
  if (typeof ratio === 'bigint' ? ratio < 0n : !(Number.isSafeInteger(ratio) && ratio >= 0)) {
    throw new MoneyError('invalid-allocation', `A ratio must be a whole number of at least 0, not ${describe(ratio)}.`);
  }
  return BigInt(ratio);
}
