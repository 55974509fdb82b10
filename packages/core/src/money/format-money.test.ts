import { expect } from 'chai';
import { currencyCodes, formatMoney, parseMoney } from '../index.js';

/** Intl uses no-break and narrow no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('shows the currency decimals in the shopper locale', () => {
    expect(formatMoney(parseMoney('421.47', 'CNY'), 'zh-CN')).to.equal('¥421.47');
    expect(formatMoney(parseMoney('1234.5', 'CNY'), 'en-US')).to.equal('CN¥1,234.50');
    expect(formatMoney(parseMoney('500', 'JPY'), 'en-US')).to.equal('¥500');
    expect(plain(formatMoney(parseMoney('1234.50', 'EUR'), 'de-DE'))).to.equal('1.234,50 €');
    expect(plain(formatMoney(parseMoney('1234.5', 'KWD'), 'en-US'))).to.equal('KWD 1,234.500');
  });

  it('shows ISO decimals where CLDR would drop them', () => {
    expect(formatMoney(parseMoney('1234.56', 'IDR'), 'en-US')).to.match(/1,234\.56$/);
    expect(formatMoney(parseMoney('1234.56', 'HUF'), 'en-US')).to.match(/1,234\.56$/);
  });

  it('formats exactly, never through a float', () => {
    expect(formatMoney(parseMoney('90071992547409.91', 'USD'), 'en-US')).to.equal('$90,071,992,547,409.91');
  });

  it('clamps requested digits to the currency so it never throws', () => {
    expect(formatMoney(parseMoney('500', 'JPY'), 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).to.equal('¥500');
    expect(formatMoney(parseMoney('4999.00', 'CNY'), 'zh-CN', { maximumFractionDigits: 0 })).to.equal('¥4,999');
    expect(formatMoney(parseMoney('4999.00', 'CNY'), 'zh-CN', { minimumFractionDigits: 9, maximumFractionDigits: -3 })).to.equal('¥4,999');
    expect(formatMoney(parseMoney('1.5', 'USD'), 'en-US', { maximumFractionDigits: Number.NaN })).to.equal('$1.50');
  });

  it('falls back to a default locale instead of throwing on a malformed tag', () => {
    expect(formatMoney(parseMoney('1.00', 'USD'), 'not a locale!!')).to.contain('1.00');
  });

  it('formats every known currency in zh-CN and en-US without NaN or undefined', () => {
    for (const currency of currencyCodes()) {
      for (const locale of ['zh-CN', 'en-US']) {
        expect(formatMoney({ minor: 123456n, currency }, locale)).not.to.match(/NaN|undefined/);
      }
    }
  });

  it('ignores option values and locales Intl would throw on', () => {
    const price = parseMoney('1.00', 'USD');
    expect(formatMoney(price, 'en-US', { currencyDisplay: 'bogus' as 'code' })).to.equal('$1.00');
    expect(formatMoney(price, 'en-US', { signDisplay: 'sometimes' as 'auto', useGrouping: 'no' as unknown as boolean })).to.equal('$1.00');
    expect(formatMoney(price, 'en-US', null as unknown as undefined)).to.equal('$1.00');
    expect(formatMoney(price, 1n as unknown as string)).to.contain('1.00');
  });

  it('honours display options', () => {
    expect(formatMoney(parseMoney('12.00', 'USD'), 'en-US', { currencyDisplay: 'code' })).to.match(/^USD\s12\.00$/);
    expect(formatMoney({ minor: -150n, currency: 'USD' }, 'en-US', { signDisplay: 'never' })).to.equal('$1.50');
  });
});
