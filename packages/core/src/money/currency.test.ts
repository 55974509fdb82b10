import { expect } from 'chai';
import { currencyCodes, currencyExponent, isCurrencyCode } from '../index.js';

describe('currencyExponent', () => {
  it('takes minor units from ISO 4217, not from Intl', () => {
    expect(currencyExponent('CNY')).to.equal(2);
    expect(currencyExponent('USD')).to.equal(2);
    expect(currencyExponent('JPY')).to.equal(0);
    expect(currencyExponent('KRW')).to.equal(0);
    expect(currencyExponent('KWD')).to.equal(3);
    expect(currencyExponent('BHD')).to.equal(3);
    expect(currencyExponent('CLF')).to.equal(4);
    // CLDR (and so Intl) says 0 for these; ISO 4217 says 2, or 3 for IQD.
    for (const code of ['HUF', 'IDR', 'COP', 'PKR', 'LAK', 'IRR']) expect(currencyExponent(code), code).to.equal(2);
    expect(currencyExponent('IQD')).to.equal(3);
  });

  it('knows the currencies introduced lately and not the withdrawn ones', () => {
    for (const code of ['XCG', 'ZWG', 'SLE', 'VED']) expect(isCurrencyCode(code), code).to.equal(true);
    for (const code of ['ANG', 'ZWL', 'HRK', 'CUC']) expect(isCurrencyCode(code), code).to.equal(false);
  });

  it('lists the active ISO 4217 currencies once each, sorted', () => {
    const codes = currencyCodes();
    expect(codes.length).to.be.greaterThan(150);
    expect(new Set(codes).size).to.equal(codes.length);
    expect([...codes].sort()).to.deep.equal(codes);
    for (const code of codes) expect(code).to.match(/^[A-Z]{3}$/);
  });

  it('suggests the upper-case code for a lower-case one', () => {
    expect(() => currencyExponent('usd')).to.throw('did you mean "USD"?');
  });

  it('throws a typed error for unknown codes and non-strings', () => {
    for (const code of ['XXX', 'usd', '', 'EURO', undefined, 42, {}]) {
      expect(() => currencyExponent(code as string)).to.throw(/Unknown currency/).with.property('code', 'unknown-currency');
    }
  });
});
