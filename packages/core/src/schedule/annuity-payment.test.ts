import { expect } from 'chai';
import fc from 'fast-check';
import { ROUNDING_MODES } from '../arithmetic/rounding.js';
import { propertyRuns } from '../test-support/runtime.js';
import { exactAnnuityPayment, quickAnnuityPayment } from './build-schedule.js';

describe('annuity payment: the double-precision shortcut', () => {
  it('gives the exact rational result whenever it answers at all', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 50n }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.constantFrom(1n, 100n, 10_000n, 100_000_000n, 10n ** 12n),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(...ROUNDING_MODES),
        (principal, numerator, scale, n, rounding) => {
          const rate = { numerator: BigInt(numerator), denominator: scale * 12n };
          const quick = quickAnnuityPayment(principal, rate, n, rounding);
          if (quick !== undefined) {
            answered += 1;
            expect(quick).to.equal(exactAnnuityPayment(principal, rate, n, rounding));
          }
        },
      ),
      { numRuns: propertyRuns(20_000) },
    );
    expect(answered).to.be.greaterThan(0);
  });

  it('hands exact ties to the rational path', () => {
    // 0.5 % for one month on 100 minor units is exactly 100.5: a tie only exact arithmetic can see.
    const rate = { numerator: 6n, denominator: 100n * 12n };
    expect(quickAnnuityPayment(100n, rate, 1, 'half-even')).to.equal(undefined);
    expect(exactAnnuityPayment(100n, rate, 1, 'half-even')).to.equal(100n);
    expect(exactAnnuityPayment(100n, rate, 1, 'half-up')).to.equal(101n);
  });
});
