import { expect } from 'chai';
import fc from 'fast-check';
import { divideRounded, divideRoundedSafe, ROUNDING_MODES } from './rounding.js';

describe('divideRounded', () => {
  it('breaks ties by mode: 12,345 × 0.5 % = 61.725', () => {
    // 1234500 fen × 5 / 1000 = 6172.5 fen
    expect(divideRounded(1234500n * 5n, 1000n, 'half-up')).to.equal(6173n);
    expect(divideRounded(1234500n * 5n, 1000n, 'half-even')).to.equal(6172n);
    expect(divideRounded(1234500n * 5n, 1000n, 'down')).to.equal(6172n);
    expect(divideRounded(1234500n * 5n, 1000n, 'up')).to.equal(6173n);
    expect(divideRounded(7n, 2n, 'half-even')).to.equal(4n);
    expect(divideRounded(-5n, 2n, 'half-up')).to.equal(-3n);
    expect(divideRounded(-5n, 2n, 'half-even')).to.equal(-2n);
  });

  it('agrees with the fast safe-integer path on every input it covers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.constantFrom(...ROUNDING_MODES), (numerator, denominator, mode) => {
        expect(divideRoundedSafe(numerator, denominator, mode)).to.equal(Number(divideRounded(BigInt(numerator), BigInt(denominator), mode)));
      }),
      { numRuns: 5000 },
    );
  });
});
