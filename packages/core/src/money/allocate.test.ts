import { expect } from 'chai';
import fc from 'fast-check';
import { allocate, parseMoney, toDecimalString } from '../index.js';
import { propertyRuns } from '../test-support/runtime.js';

const text = (parts: { minor: bigint; currency: string }[]) => parts.map(toDecimalString);

describe('allocate', () => {
  it('never loses a cent when the amount does not divide evenly (B27)', () => {
    expect(text(allocate(parseMoney('100.00', 'EUR'), 3))).to.deep.equal(['33.34', '33.33', '33.33']);
    expect(text(allocate(parseMoney('1.00', 'EUR'), 3))).to.deep.equal(['0.34', '0.33', '0.33']);
    expect(text(allocate(parseMoney('0.02', 'EUR'), 3))).to.deep.equal(['0.01', '0.01', '0.00']);
  });

  it('gives leftovers to the largest cut-off fractions, earlier parts first among equals', () => {
    expect(text(allocate(parseMoney('519.98', 'EUR'), 12))).to.deep.equal(['43.34', '43.34', ...Array(10).fill('43.33')]);
    expect(text(allocate(parseMoney('108310', 'JPY'), 12))).to.deep.equal([...Array(10).fill('9026'), '9025', '9025']);
    expect(text(allocate(parseMoney('0.05', 'USD'), [1, 3]))).to.deep.equal(['0.01', '0.04']);
    expect(text(allocate(parseMoney('10.00', 'USD'), [70, 30]))).to.deep.equal(['7.00', '3.00']);
    expect(text(allocate(parseMoney('10.00', 'USD'), [0, 1, 0]))).to.deep.equal(['0.00', '10.00', '0.00']);
  });

  it('splits negative amounts symmetrically', () => {
    expect(text(allocate({ minor: -10000n, currency: 'EUR' }, 3))).to.deep.equal(['-33.34', '-33.33', '-33.33']);
  });

  it('refuses impossible splits with a typed error', () => {
    const amount = parseMoney('1.00', 'EUR');
    // eslint-disable-next-line no-sparse-arrays -- a hole is one of the inputs under test
    for (const parts of [0, -1, 1.5, Number.NaN, 2 ** 32, 10_001, 3n, '3', null, [], [0, 0], [-1, 2], [0.5, 0.5], [, 1], Array(10_001).fill(1)]) {
      expect(() => allocate(amount, parts as number), String(parts)).to.throw().with.property('code', 'invalid-allocation');
    }
  });

  it('always sums to the whole, with parts within one unit of their exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (minor, ratios) => {
        fc.pre(ratios.some((ratio) => ratio > 0));
        const parts = allocate({ minor, currency: 'CNY' }, ratios);
        const total = BigInt(ratios.reduce((sum, ratio) => sum + ratio, 0));
        expect(parts.reduce((sum, part) => sum + part.minor, 0n)).to.equal(minor);
        parts.forEach((part, index) => {
          const exact = minor * BigInt(ratios[index]!);
          expect(part.minor * total <= exact + total && part.minor * total >= exact - total).to.equal(true);
        });
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
