import { MoneyError } from '../errors/money-error.js';

// ISO 4217 list one (active codes, as amended up to 2025: XCG replaces ANG, ZWG replaces ZWL,
// SLE replaces SLL). Codes whose minor unit ISO marks "N.A." (precious metals, XDR, test codes)
// are left out on purpose: they are not money a shopper pays with.
// We never ask Intl for the exponent: CLDR disagrees with ISO for HUF, IDR, COP, IQD, PKR and
// others (see docs/decisions/0002-money.md).
const BY_EXPONENT: Record<number, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
  2:
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
    'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
    'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
    'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
};

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_EXPONENT).flatMap(([exponent, codes]) =>
    codes.split(' ').map((code) => [code, Number(exponent)] as const),
  ),
);

/**
 * Every active ISO 4217 currency code this package knows, in alphabetical order.
 *
 * @example
 * ```ts
 * currencyCodes().includes('CNY') // true
 * ```
 */
export function currencyCodes(): string[] {
  return [...EXPONENTS.keys()].sort();
}

/**
 * True when `code` is an active ISO 4217 currency code (upper case, e.g. `"CNY"`).
 *
 * @example
 * ```ts
 * isCurrencyCode('JPY') // true
 * isCurrencyCode('jpy') // false: codes are upper case
 * ```
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && EXPONENTS.has(code);
}

/**
 * The number of decimal places of a currency's minor unit, from the ISO 4217 table
 * (JPY 0, CNY 2, KWD 3, CLF 4). Throws {@link MoneyError} `unknown-currency` otherwise.
 *
 * @example
 * ```ts
 * currencyExponent('CNY') // 2
 * currencyExponent('JPY') // 0
 * currencyExponent('KWD') // 3
 * ```
 */
export function currencyExponent(code: string): number {
  const exponent = typeof code === 'string' ? EXPONENTS.get(code) : undefined;
  if (exponent === undefined) {
    const upper = typeof code === 'string' ? code.trim().toUpperCase() : '';
    const hint = EXPONENTS.has(upper) ? `did you mean "${upper}"?` : 'expected an active ISO 4217 code such as "CNY".';
    throw new MoneyError('unknown-currency', `Unknown currency ${describe(code)}: ${hint}`);
  }
  return exponent;
}

/** Quote a value for an error message without ever printing `[object Object]`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
