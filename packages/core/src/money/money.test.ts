import { expect } from 'chai';
import fc from 'fast-check';
import type { MoneyErrorCode } from '../index.js';
import { addMoney, compareMoney, isMoneyError, MAX_MINOR_UNITS, MoneyError, moneyFromMinor, parseMoney, subtractMoney, toDecimalString } from '../index.js';

function codeOf(run: () => unknown): MoneyErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!isMoneyError(error)) throw error;
    return error.code;
  }
}

describe('parseMoney', () => {
  it('reads plain decimals in major units with the ISO exponent', () => {
    expect(parseMoney('4999.00', 'CNY')).to.deep.equal({ minor: 499900n, currency: 'CNY' });
    expect(parseMoney('4999', 'CNY')).to.deep.equal({ minor: 499900n, currency: 'CNY' });
    expect(parseMoney('4999.5', 'CNY').minor).to.equal(499950n);
    expect(parseMoney('0', 'USD').minor).to.equal(0n);
    expect(parseMoney('0.07', 'USD').minor).to.equal(7n);
    expect(parseMoney('19.99', 'USD').minor).to.equal(1999n);
  });

  it('keeps JPY, KRW, BHD and KWD amounts exactly as written (B36)', () => {
    expect(parseMoney('500', 'JPY').minor).to.equal(500n);
    expect(parseMoney('12000', 'KRW').minor).to.equal(12000n);
    expect(parseMoney('10.125', 'BHD').minor).to.equal(10125n);
    expect(parseMoney('10.125', 'KWD').minor).to.equal(10125n);
    expect(toDecimalString(parseMoney('500', 'JPY'))).to.equal('500');
    expect(toDecimalString(parseMoney('10.125', 'BHD'))).to.equal('10.125');
  });

  it('accepts every valid two-decimal price and rejects a third decimal (B55)', () => {
    for (const price of ['136.67', '23.90', '23.9', '2.03', '0.07']) {
      expect(codeOf(() => parseMoney(price, 'EUR')), price).to.equal('no error');
    }
    expect(codeOf(() => parseMoney('2.005', 'EUR'))).to.equal('too-many-decimals');
    expect(codeOf(() => parseMoney('1e-7', 'EUR'))).to.equal('exponent');
    expect(codeOf(() => parseMoney('1.5', 'JPY'))).to.equal('too-many-decimals');
    expect(codeOf(() => parseMoney('10.1255', 'KWD'))).to.equal('too-many-decimals');
  });

  it('never reads an empty or blank amount as zero (B53)', () => {
    expect(codeOf(() => parseMoney('', 'CNY'))).to.equal('empty');
    expect(codeOf(() => parseMoney('   ', 'CNY'))).to.equal('empty');
    expect(codeOf(() => parseMoney('\t\n', 'CNY'))).to.equal('empty');
    expect(codeOf(() => parseMoney(null as unknown as string, 'CNY'))).to.equal('not-a-string');
    expect(codeOf(() => parseMoney(undefined as unknown as string, 'CNY'))).to.equal('not-a-string');
  });

  const rejections: [string, MoneyErrorCode][] = [
    ['1,000.00', 'grouping-separator'],
    ['1,000', 'grouping-separator'],
    ['1 000', 'grouping-separator'],
    ["1'000.50", 'grouping-separator'],
    ['1\u00a0000', 'grouping-separator'],
    ['15,38', 'decimal-comma'],
    ['0,5', 'decimal-comma'],
    ['1e3', 'exponent'],
    ['1e400', 'exponent'],
    ['1.5E+2', 'exponent'],
    ['NaN', 'not-finite'],
    ['Infinity', 'not-finite'],
    ['-Infinity', 'negative'],
    ['-5', 'negative'],
    ['-0.01', 'negative'],
    ['+5', 'invalid-format'],
    ['abc', 'invalid-format'],
    ['.5', 'invalid-format'],
    ['5.', 'invalid-format'],
    ['007', 'invalid-format'],
    [' 12.00', 'invalid-format'],
    ['12.00 ', 'invalid-format'],
    ['0x10', 'invalid-format'],
    ['１００', 'invalid-format'],
    ['12.00 CNY', 'invalid-format'],
    ['¥12', 'invalid-format'],
  ];
  for (const [text, code] of rejections) {
    it(`rejects ${JSON.stringify(text)} with ${code}`, () => {
      expect(codeOf(() => parseMoney(text, 'CNY'))).to.equal(code);
    });
  }

  it('rejects non-string amounts, including numbers and objects', () => {
    expect(codeOf(() => parseMoney(12 as unknown as string, 'CNY'))).to.equal('not-a-string');
    expect(codeOf(() => parseMoney({} as unknown as string, 'CNY'))).to.equal('not-a-string');
  });

  it('rejects unknown or badly written currencies', () => {
    for (const currency of ['XXX', 'cny', 'CN', '', 'ABC', 'XAU']) {
      expect(codeOf(() => parseMoney('1.00', currency)), currency).to.equal('unknown-currency');
    }
  });

  it('rejects amounts beyond 2^53 − 1 minor units and accepts the maximum itself', () => {
    expect(parseMoney('90071992547409.91', 'USD').minor).to.equal(MAX_MINOR_UNITS);
    expect(codeOf(() => parseMoney('90071992547409.92', 'USD'))).to.equal('too-large');
    expect(codeOf(() => parseMoney('9'.repeat(400), 'USD'))).to.equal('too-large');
    // Refused from its length, before any bigint is built from two megabytes of digits.
    expect(codeOf(() => parseMoney('1'.repeat(2_000_000), 'USD'))).to.equal('too-large');
  });

  it('explains the failure in the message without printing [object Object]', () => {
    try {
      parseMoney({ value: 1 } as unknown as string, 'CNY');
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(MoneyError);
      expect((error as Error).message).not.to.match(/object Object|undefined|NaN/);
    }
  });

  it('round-trips every amount through toDecimalString for 0, 2 and 3 decimal currencies', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_MINOR_UNITS }), fc.constantFrom('JPY', 'CNY', 'KWD', 'CLF'), (minor, currency) => {
        const money = { minor, currency };
        expect(parseMoney(toDecimalString(money), currency)).to.deep.equal(money);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toDecimalString', () => {
  it('writes exactly the currency decimals, also below one major unit and for negatives', () => {
    expect(toDecimalString({ minor: 5n, currency: 'CNY' })).to.equal('0.05');
    expect(toDecimalString({ minor: 0n, currency: 'CNY' })).to.equal('0.00');
    expect(toDecimalString({ minor: 5n, currency: 'KWD' })).to.equal('0.005');
    expect(toDecimalString({ minor: -150n, currency: 'USD' })).to.equal('-1.50');
    expect(toDecimalString({ minor: 0n, currency: 'JPY' })).to.equal('0');
  });
});

describe('money arithmetic', () => {
  it('adds, subtracts and compares exactly within one currency', () => {
    const a = parseMoney('0.10', 'USD');
    const b = parseMoney('0.20', 'USD');
    expect(toDecimalString(addMoney(a, b))).to.equal('0.30');
    expect(toDecimalString(subtractMoney(a, b))).to.equal('-0.10');
    expect(compareMoney(a, b)).to.equal(-1);
    expect(compareMoney(b, a)).to.equal(1);
    expect(compareMoney(a, parseMoney('0.1', 'USD'))).to.equal(0);
  });

  it('refuses to mix currencies', () => {
    expect(codeOf(() => addMoney(parseMoney('1', 'USD'), parseMoney('1', 'EUR')))).to.equal('currency-mismatch');
  });

  it('builds money from minor units and refuses fractions', () => {
    expect(moneyFromMinor(500, 'JPY')).to.deep.equal({ minor: 500n, currency: 'JPY' });
    expect(moneyFromMinor(-3n, 'USD').minor).to.equal(-3n);
    expect(codeOf(() => moneyFromMinor(1.5, 'USD'))).to.equal('invalid-minor-units');
    expect(codeOf(() => moneyFromMinor(Number.NaN, 'USD'))).to.equal('invalid-minor-units');
    expect(codeOf(() => moneyFromMinor(10n ** 20n, 'USD'))).to.equal('too-large');
    expect(codeOf(() => moneyFromMinor(1n, 'usd'))).to.equal('unknown-currency');
  });
});
