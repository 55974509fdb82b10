import type { Money } from '@fenqi/core';
import { isCurrencyCode, isMoneyError, parseMoney } from '@fenqi/core';
import type { FenqiErrorDetail } from '../events/fenqi-error.js';

export type AmountReading = { readonly ok: true; readonly money: Money } | { readonly ok: false; readonly error: FenqiErrorDetail };

/**
 * Reads an element's `amount` and `currency` as exact Money, or says why not. Whatever arrives
 * (null, "", "abc", "1e400", a number, an object through an attribute binding), the answer is a
 * typed reason and never a NaN (B24, B53): only plain decimal strings with at most the currency's
 * decimals pass, parsed by @fenqi/core.
 */
export function readAmount(amount: unknown, currency: unknown): AmountReading {
  if (currency === undefined || currency === null || currency === '') {
    return { ok: false, error: { reason: 'currency-missing', message: 'Set the currency attribute (an ISO 4217 code such as "CNY") or configure({ currency }).' } };
  }
  if (!isCurrencyCode(currency)) {
    return { ok: false, error: { reason: 'currency-invalid', message: `currency must be an ISO 4217 code in capitals such as "CNY", not ${shown(currency)}.` } };
  }
  if (amount === undefined || amount === null || (typeof amount === 'string' && amount.trim() === '')) {
    return { ok: false, error: { reason: 'amount-missing', code: 'empty', message: 'Set amount to the price as a decimal string in major units, such as "4999.00".' } };
  }
  if (typeof amount === 'number') {
    return {
      ok: false,
      error: { reason: 'amount-invalid', code: 'not-a-string', message: 'amount must be a decimal string such as "4999.00", never a float: pass the price your server sent, as text.' },
    };
  }
  try {
    const money = parseMoney(amount as string, currency);
    if (money.minor === 0n) return { ok: false, error: { reason: 'amount-invalid', code: 'zero', message: 'amount must be more than zero.' } };
    return { ok: true, money };
  } catch (error) {
    if (!isMoneyError(error)) throw error;
    return { ok: false, error: { reason: 'amount-invalid', code: error.code, message: error.message } };
  }
}

/** A value for a developer message, never "[object Object]". */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
