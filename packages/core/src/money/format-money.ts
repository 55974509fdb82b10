import { currencyExponent } from './currency.js';
import type { Money } from './money.js';
import { toDecimalString } from './money.js';

/**
 * Display options for {@link formatMoney}; fraction digits are clamped to the currency.
 *
 * @example
 * ```ts
 * formatMoney(parseMoney('12.00', 'USD'), 'en-US', { currencyDisplay: 'code' }) // "USD 12.00"
 * ```
 */
export interface FormatMoneyOptions {
  /** How the currency is shown. @default 'symbol' */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** Fewest decimals to show, clamped to 0…the currency's exponent. @default the currency's exponent */
  minimumFractionDigits?: number;
  /** Most decimals to show, clamped to 0…the currency's exponent. @default the currency's exponent */
  maximumFractionDigits?: number;
  /** When to show a sign. @default 'auto' */
  signDisplay?: 'auto' | 'never' | 'always' | 'exceptZero' | 'negative';
  /** Whether to group thousands. @default true */
  useGrouping?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for people with `Intl.NumberFormat`, showing exactly the currency's ISO decimals
 * unless told otherwise. Never throws for a valid {@link Money}: requested digits are clamped to
 * what the currency has, and an unsupported locale falls back to the runtime's default.
 * The amount is passed to Intl as a decimal string, so it is never rounded through a float.
 *
 * @example
 * ```ts
 * formatMoney(parseMoney('421.47', 'CNY'), 'zh-CN') // "¥421.47"
 * formatMoney(parseMoney('500', 'JPY'), 'en-US')    // "¥500"
 * formatMoney(parseMoney('10.125', 'KWD'), 'en-US', { maximumFractionDigits: 9 }) // "KWD 10.125"
 * ```
 */
export function formatMoney(money: Money, locale: string | readonly string[] | undefined, options: FormatMoneyOptions = {}): string {
  const exponent = currencyExponent(money.currency);
  const given: FormatMoneyOptions = options ?? {};
  const maximum = clamp(given.maximumFractionDigits ?? exponent, 0, exponent);
  const minimum = clamp(given.minimumFractionDigits ?? maximum, 0, maximum);
  // Unknown option values fall back to the default instead of making Intl throw.
  const resolved: Intl.NumberFormatOptions = {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: oneOf(given.currencyDisplay, ['symbol', 'narrowSymbol', 'code', 'name'] as const, 'symbol'),
    minimumFractionDigits: minimum,
    maximumFractionDigits: maximum,
    signDisplay: oneOf(given.signDisplay, ['auto', 'never', 'always', 'exceptZero', 'negative'] as const, 'auto'),
    useGrouping: typeof given.useGrouping === 'boolean' ? given.useGrouping : true,
  };
  const tags = typeof locale === 'string' || Array.isArray(locale) ? locale : undefined;
  // Intl accepts exact decimal strings (ES2023); typings still say number.
  return formatterFor(tags, resolved).format(toDecimalString(money) as unknown as number);
}

function formatterFor(locale: string | readonly string[] | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options]);
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale as string | string[] | undefined, options);
    } catch {
      // A malformed locale tag must not break the page: fall back to the runtime's default.
      formatter = new Intl.NumberFormat(undefined, options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, Math.trunc(value))) : high;
}
