import { expect } from 'chai';
import { readAmount } from './amount.js';

describe('readAmount', () => {
  it('reads plain decimal strings in major units, with the currency decimals', () => {
    expect(readAmount('4999.00', 'CNY')).to.deep.equal({ ok: true, money: { minor: 499900n, currency: 'CNY' } });
    expect(readAmount('500', 'JPY')).to.deep.equal({ ok: true, money: { minor: 500n, currency: 'JPY' } });
    for (const value of ['136.67', '23.90', '2.03', '0.07']) expect(readAmount(value, 'EUR').ok, value).to.equal(true);
  });

  it('gives a typed reason for everything else (B24, B53, B55)', () => {
    const reasons = (amount: unknown, currency: unknown = 'EUR') => {
      const reading = readAmount(amount, currency);
      return reading.ok ? 'ok' : `${reading.error.reason}/${reading.error.code ?? ''}`;
    };
    expect(reasons('')).to.equal('amount-missing/empty');
    expect(reasons('  ')).to.equal('amount-missing/empty');
    expect(reasons(null)).to.equal('amount-missing/empty');
    expect(reasons('1e-7')).to.equal('amount-invalid/exponent');
    expect(reasons('2.005')).to.equal('amount-invalid/too-many-decimals');
    expect(reasons('1.5', 'JPY')).to.equal('amount-invalid/too-many-decimals');
    expect(reasons('99999999999999999999')).to.equal('amount-invalid/too-large');
    expect(reasons(Number.NaN)).to.equal('amount-invalid/not-a-string');
    expect(reasons([1])).to.equal('amount-invalid/not-a-string');
    expect(reasons('1', 'XXX1')).to.equal('currency-invalid/');
    expect(reasons('1', null)).to.equal('currency-missing/');
    const object = readAmount('1', { toString: () => 'EUR' });
    expect(object.ok).to.equal(false);
    if (!object.ok) expect(object.error.message).not.to.include('[object Object]');
  });
});
