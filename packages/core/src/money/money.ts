import { MoneyError } from '../errors/money-error.js';
import { currencyExponent, describe } from './currency.js';

/**
 * An exact amount of money: a whole number of the currency's minor units (fen, cents; yen have
 * none) and its ISO 4217 code. Never a float.
 *
 * @example
 * ```ts
 * const price: Money = { minor: 499900n, currency: 'CNY' } // ¥4,999.00
 * ```
 */
export interface Money {
  /** Whole minor units: 499900n is 4,999.00 CNY, 500n is ¥500. */
  readonly minor: bigint;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

/**
 * The largest amount accepted, in minor units: 2^53 − 1, so every amount also survives a trip
 * through a JavaScript number or JSON without losing a unit.
 *
 * @example
 * ```ts
 * parseMoney('90071992547409.91', 'USD').minor === MAX_MINOR_UNITS // true
 * ```
 */
export const MAX_MINOR_UNITS = 9_007_199_254_740_991n;

const PLAIN_DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal string in major units (`"4999.00"`, `"4999"`, `"500"` for JPY,
 * `"10.125"` for KWD) as exact {@link Money}.
 *
 * Refuses with a {@link MoneyError} whose `code` says why: `not-a-string`, `empty` (also only
 * white space), `grouping-separator` (`"1,000.00"`, `"1 000"`), `decimal-comma` (`"15,38"`),
 * `exponent` (`"1e3"`), `not-finite` (`"NaN"`, `"Infinity"`), `too-many-decimals` (`"1.005"` in
 * CNY, `"1.5"` in JPY), `negative`, `unknown-currency`, `too-large` (beyond
 * {@link MAX_MINOR_UNITS}) and `invalid-format` for anything else (signs, leading zeros, white
 * space around the number, `".5"`).
 *
 * @example
 * ```ts
 * parseMoney('4999.00', 'CNY') // { minor: 499900n, currency: 'CNY' }
 * parseMoney('500', 'JPY')     // { minor: 500n, currency: 'JPY' }
 * parseMoney('1,000', 'USD')   // throws MoneyError, code 'grouping-separator'
 * ```
 */
export function parseMoney(decimal: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  if (typeof decimal !== 'string') {
    throw new MoneyError('not-a-string', `An amount must be a decimal string such as "4999.00", not ${describe(decimal)}.`);
  }
  const match = PLAIN_DECIMAL.exec(decimal);
  if (!match) throw new MoneyError(...rejectionOf(decimal));
  const [, whole = '', fraction = ''] = match;
  // 2^53 has 16 digits: refuse longer numbers before building a bigint from megabytes of text.
  if (whole.length > 16) throw new MoneyError('too-large', `${describe(decimal)} ${currency} is beyond the largest supported amount.`);
  if (fraction.length > exponent) {
    throw new MoneyError(
      'too-many-decimals',
      `${describe(decimal)} has ${fraction.length} decimals but ${currency} has ${exponent === 0 ? 'none' : `at most ${exponent}`}.`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  if (minor > MAX_MINOR_UNITS) {
    throw new MoneyError('too-large', `${describe(decimal)} ${currency} is beyond the largest supported amount.`);
  }
  return { minor, currency };
}

/** Explains why `text` is not a plain decimal, most specific reason first. */
function rejectionOf(text: string): [code: 'empty' | 'negative' | 'not-finite' | 'exponent' | 'grouping-separator' | 'decimal-comma' | 'invalid-format', message: string] {
  const shown = describe(text);
  const trimmed = text.trim();
  if (trimmed === '') return ['empty', 'The amount is empty.'];
  if (/^-/.test(trimmed)) return ['negative', `${shown} is negative; amounts are never below zero.`];
  if (/^[+-]?(nan|infinity|∞)$/i.test(trimmed)) return ['not-finite', `${shown} is not a finite amount.`];
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(trimmed)) return ['exponent', `${shown} uses an exponent; write the amount out in full, e.g. "1000.00".`];
  if (/^\d{1,3}([,'\u00a0\u202f ]\d{3})+(\.\d+)?$/.test(trimmed)) {
    return ['grouping-separator', `${shown} contains a grouping separator; write "1000.00", not "1,000.00".`];
  }
  if (/^\d+,\d+$/.test(trimmed)) return ['decimal-comma', `${shown} uses a decimal comma; write the decimal point as ".".`];
  return ['invalid-format', `${shown} is not a plain decimal amount such as "4999.00".`];
}

/**
 * Builds {@link Money} from a whole number of minor units, checking the currency and that the
 * amount is a safe integer. Negative amounts are allowed here (refunds, differences).
 *
 * @example
 * ```ts
 * moneyFromMinor(499900n, 'CNY') // ¥4,999.00
 * moneyFromMinor(500, 'JPY')     // ¥500
 * ```
 */
export function moneyFromMinor(minor: bigint | number, currency: string): Money {
  currencyExponent(currency);
  if (typeof minor === 'number' ? !Number.isSafeInteger(minor) : typeof minor !== 'bigint') {
    throw new MoneyError('invalid-minor-units', `Minor units must be a whole number, not ${describe(minor)}.`);
  }
  const value = BigInt(minor);
  if (value > MAX_MINOR_UNITS || value < -MAX_MINOR_UNITS) {
    throw new MoneyError('too-large', `${value} minor units of ${currency} is beyond the largest supported amount.`);
  }
  return { minor: value, currency };
}

/**
 * The amount as a plain decimal string in major units with exactly the currency's decimals —
 * the form used on the wire and in HTML attributes.
 *
 * @example
 * ```ts
 * toDecimalString({ minor: 499900n, currency: 'CNY' }) // "4999.00"
 * toDecimalString({ minor: 500n, currency: 'JPY' })    // "500"
 * toDecimalString({ minor: 10125n, currency: 'KWD' })  // "10.125"
 * ```
 */
export function toDecimalString(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.minor < 0n;
  const digits = (negative ? -money.minor : money.minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const text = exponent === 0 ? whole : `${whole}.${digits.slice(-exponent)}`;
  return negative ? `-${text}` : text;
}

/**
 * The sum of two amounts of the same currency.
 *
 * @example
 * ```ts
 * addMoney(parseMoney('1.10', 'EUR'), parseMoney('2.20', 'EUR')) // 3.30 EUR, exactly
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  return { minor: a.minor + b.minor, currency: sameCurrency(a, b) };
}

/**
 * `a − b` for two amounts of the same currency (may be negative).
 *
 * @example
 * ```ts
 * subtractMoney(parseMoney('5.00', 'USD'), parseMoney('0.01', 'USD')) // 4.99 USD
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  return { minor: a.minor - b.minor, currency: sameCurrency(a, b) };
}

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b` (same currency).
 *
 * @example
 * ```ts
 * [b, a].sort(compareMoney)
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency-mismatch', `Cannot combine ${a.currency} with ${b.currency}.`);
  }
  return a.currency;
}
