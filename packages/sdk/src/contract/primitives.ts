import { currencyExponent, isCurrencyCode, isMoneyError, parseMoney } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import * as z from 'zod/mini';
// Named imports: reading a nested namespace (`z.core.$constructor`, `z.iso.datetime`) makes
// bundlers keep all of it.
import { $constructor, _isoDate, _isoDateTime } from 'zod/v4/core';

/** A wire amount's digits (the OpenAPI document shows this pattern; the money check applies it). */
export const PLAIN_DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

// The last currency looked up (only ever a known code, with its exponent): the amounts of one
// answer share a currency, and two table lookups per amount were an eighth of a quote's parse.
let lastCurrency: string | undefined;
let lastExponent = 0;

/** True for a plain decimal with at most the currency's decimals: the common case, settled without @fenqi/core. */
function isPlainMoney(value: string, currency: string): boolean {
  if (currency !== lastCurrency) {
    if (!isCurrencyCode(currency)) return false;
    lastExponent = currencyExponent(currency);
    lastCurrency = currency;
  }
  if (!PLAIN_DECIMAL.test(value)) return false;
  const point = value.indexOf('.');
  const decimals = point === -1 ? 0 : value.length - point - 1;
  // At most 15 digits in minor units stays far below 2^53, so parseMoney accepts it too.
  return decimals <= lastExponent && (point === -1 ? value.length : point) + lastExponent <= 15;
}

// One check for the value's digits, the currency and its decimals, in a single pass.
const moneyCheck = z.superRefine<{ value: string; currency: string }>((money, context) => {
  const { value, currency } = money;
  if (isPlainMoney(value, currency)) return;
  // Only a failure asks @fenqi/core, for its precise message.
  try {
    parseMoney(value, currency);
  } catch (error) {
    if (!isMoneyError(error)) throw error;
    context.addIssue({ code: 'custom', path: [error.code === 'unknown-currency' ? 'currency' : 'value'], message: error.message, params: { code: error.code } });
  }
});

type MoneyShape = { value: z.ZodMiniString<string>; currency: z.ZodMiniString<string> };
type MoneySchema<Strict extends boolean> = z.ZodMiniObject<MoneyShape, Strict extends true ? z.core.$strict : z.core.$strip>;

/**
 * A money object that parses the common case in one step. A quote carries about 70 amounts, and
 * zod/mini's object path (a run per key, then the check) cost 0.5–0.8 µs each. Anything that is not
 * a plainly valid amount goes through the equivalent zod object with the money check, so issues,
 * messages and pointers are zod's own; the def is an ordinary object's, so the OpenAPI output is too.
 */
const initObject: (inst: MoneySchema<boolean>, def: MoneySchema<boolean>['_zod']['def']) => void = z.ZodMiniObject.init;
const WireMoneyObject: $constructor<MoneySchema<boolean>> = $constructor('FenqiWireMoney', (inst, def) => {
  initObject(inst, def);
  const strict = def.catchall !== undefined;
  const checked = new z.ZodMiniObject({ type: 'object', shape: def.shape, ...(strict ? { catchall: def.catchall } : {}), checks: [moneyCheck] });
  inst._zod.parse = (payload, context) => {
    const money = plainWireMoney(payload.value);
    if (money === undefined || (strict && hasOtherKeys(payload.value as object))) return checked._zod.run(payload, context);
    payload.value = money;
    return payload;
  };
});

/**
 * What {@link WireMoney} parses `input` to when it is a plainly valid amount; undefined when zod
 * has to look (which it then does in full).
 */
export function plainWireMoney(input: unknown): { value: string; currency: string } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const { value, currency } = input as { value?: unknown; currency?: unknown };
  return typeof value === 'string' && typeof currency === 'string' && isPlainMoney(value, currency) ? { value, currency } : undefined;
}

/** A key other than value and currency (for...in, as zod's strict objects look). */
function hasOtherKeys(input: object): boolean {
  for (const key in input) if (key !== 'value' && key !== 'currency') return true;
  return false;
}

// Shared by the three money schemas: the OpenAPI metadata describes them once.
const moneyValue = z.string();
const moneyCurrency = z.string();

function moneyShape<Strict extends boolean>(strict: Strict): MoneySchema<Strict> {
  return new WireMoneyObject({ type: 'object', shape: { value: moneyValue, currency: moneyCurrency }, ...(strict ? { catchall: z.never() } : {}) }) as MoneySchema<Strict>;
}

/**
 * Money on the wire: a decimal string in major units with at most the currency's ISO 4217
 * decimals, next to its currency code (`{ "value": "4999.00", "currency": "CNY" }`). Never a
 * JSON number, which would round through a float. In responses unknown keys are dropped.
 *
 * @example
 * ```ts
 * const price: WireMoney = WireMoney.parse({ value: '4999.00', currency: 'CNY' })
 * WireMoney.safeParse({ value: '1.5', currency: 'JPY' }).success // false: the yen has no decimals
 * ```
 */
export const WireMoney = moneyShape(false);
export type WireMoney = z.infer<typeof WireMoney>;
/**
 * {@link WireMoney} in a request: unknown keys are an error.
 *
 * @example
 * ```ts
 * WireMoneyInput.safeParse({ value: '15000.00', currency: 'CNY' }).success           // true
 * WireMoneyInput.safeParse({ value: '15000.00', currency: 'CNY', minor: 1 }).success // false: unknown key
 * ```
 */
export const WireMoneyInput = moneyShape(true);

/**
 * An amount in a request that must be above zero.
 *
 * @example
 * ```ts
 * PositiveMoneyInput.safeParse({ value: '4999.00', currency: 'CNY' }).success // true
 * PositiveMoneyInput.safeParse({ value: '0.00', currency: 'CNY' }).success    // false
 * ```
 */
export const PositiveMoneyInput = moneyShape(true)
  .check(z.refine((money) => !/^[0.]+$/.test(money.value), { message: 'The amount must be above zero.', path: ['value'] }));

/**
 * Reads wire money as exact {@link Money} (call it on a value that passed a schema).
 *
 * @example
 * ```ts
 * fromWire({ value: '4999.00', currency: 'CNY' }) // { minor: 499900n, currency: 'CNY' }
 * ```
 */
export function fromWire(money: WireMoney): Money {
  return parseMoney(money.value, money.currency);
}

/**
 * A checkout session's client secret (`cs_…_secret_…`): the only thing the browser gets of a session.
 *
 * @example
 * ```ts
 * ClientSecret.safeParse('cs_00000001_secret_abcdef').success // true
 * ```
 */
export const ClientSecret = z.string().check(z.regex(/^cs_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/));

/**
 * A prefixed identifier such as `app_8fJ2kLq0`.
 *
 * @example
 * ```ts
 * const LoanId = prefixedId('loan')
 * LoanId.safeParse('loan_00000001').success // true
 * LoanId.safeParse('app_00000001').success  // false: wrong prefix
 * ```
 */
export function prefixedId(prefix: string) {
  return z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{6,64}$`)));
}

/**
 * A moment as an ISO 8601 date and time with its UTC offset (`Z` or `+08:00`).
 *
 * @example
 * ```ts
 * Timestamp.safeParse('2026-12-03T10:00:00+08:00').success // true
 * Timestamp.safeParse('2026-12-03 10:00').success          // false
 * ```
 */
export const Timestamp = offsetDateTime();

/** `z.iso.datetime({ offset: true })`, built as zod/mini builds it but without reading `z.iso`. */
export function offsetDateTime() {
  return _isoDateTime(z.ZodMiniISODateTime, { offset: true });
}
/**
 * A day without a time or zone, such as a due date or a date of birth.
 *
 * @example
 * ```ts
 * CalendarDay.safeParse('2026-12-03').success // true
 * CalendarDay.safeParse('03/12/2026').success // false
 * ```
 */
export const CalendarDay = _isoDate(z.ZodMiniISODate); // z.iso.date(), without reading `z.iso`

/**
 * What the shopper is buying: it selects the rate card.
 *
 * @example
 * ```ts
 * Scenario.options                     // ['retail', 'travel', 'education', 'medical']
 * Scenario.safeParse('travel').success // true
 * ```
 */
export const Scenario = z.enum(['retail', 'travel', 'education', 'medical']);
/**
 * How a plan repays its principal (see @fenqi/core ScheduleMethod).
 *
 * @example
 * ```ts
 * const method = RepaymentMethod.parse(searchParams.get('method')) // e.g. 'annuity'
 * ```
 */
export const RepaymentMethod = z.enum(['annuity', 'equal-principal', 'flat-fee', 'interest-only']);
/**
 * Whose rules decide the disclosed annual rate.
 *
 * @example
 * ```ts
 * RateMarket.safeParse('EU').success // true
 * RateMarket.safeParse('DE').success // false: Germany is in 'EU'
 * ```
 */
export const RateMarket = z.enum(['CN', 'EU', 'UK', 'US', 'JP']);
/**
 * A rate as a decimal string: "0.049" is 4.9 %.
 *
 * @example
 * ```ts
 * DecimalRate.safeParse('0.049').success // true
 * DecimalRate.safeParse('4.9%').success  // false
 * DecimalRate.safeParse(0.049).success   // false: a number would round through a float
 * ```
 */
export const DecimalRate = z
  .string()
  .check(z.regex(/^(0|[1-9]\d{0,2})(\.\d{1,12})?$/));
