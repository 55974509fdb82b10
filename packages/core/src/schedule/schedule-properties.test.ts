import fc from 'fast-check';
import type { Schedule, ScheduleInput, ScheduleMethod } from '../index.js';
import { buildSchedule, isScheduleError } from '../index.js';
import { propertyRuns } from '../test-support/runtime.js';

/** Amounts from one minor unit to 10^13, spread over every order of magnitude. */
const minorUnits = fc.integer({ min: 0, max: 13 }).chain((digits) => fc.bigInt({ min: digits === 0 ? 1n : 10n ** BigInt(digits - 1), max: 10n ** BigInt(digits) }));
/** A decimal string rate from 0 up to `max`, with up to six decimals. */
const rate = (max: number) => fc.integer({ min: 0, max: max * 1e6 }).map((micro) => (micro / 1e6).toFixed(6).replace(/\.?0+$/, '') || '0');

function loan(method: ScheduleMethod): fc.Arbitrary<ScheduleInput> {
  return fc
    .record({
      currency: fc.constantFrom('JPY', 'CNY', 'KWD'),
      minor: minorUnits,
      termMonths: fc.integer({ min: 1, max: 480 }),
      annualRate: method === 'flat-fee' ? fc.constant('0') : fc.oneof(fc.constant('0'), rate(0.36)),
      monthlyFeeRate: fc.oneof(fc.constant(undefined), rate(0.02)),
      feePermille: fc.integer({ min: 0, max: 50 }),
      feeFinanced: fc.boolean(),
      rounding: fc.constantFrom('half-up', 'half-even', 'down', 'up' as const),
      residualFirst: fc.boolean(),
    })
    .map(({ currency, minor, feePermille, monthlyFeeRate, residualFirst, ...rest }) => {
      const evenSplit = method === 'equal-principal' || method === 'flat-fee' || rest.annualRate === '0';
      return {
        ...rest,
        method,
        principal: { minor, currency },
        ...(monthlyFeeRate === undefined ? {} : { monthlyFeeRate }),
        ...(feePermille > 0 && minor > 1n ? { upfrontFee: { minor: (minor * BigInt(feePermille)) / 1000n, currency } } : {}),
        residual: residualFirst && evenSplit ? 'first' : 'last',
      } satisfies ScheduleInput;
    });
}

/** Throws with `message` unless `condition` holds (chai is too slow for 10^7 row checks). */
function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function checkInvariants(input: ScheduleInput, schedule: Schedule): void {
  const { instalments: rows, totals } = schedule;
  const principal = input.principal.minor;
  assert(rows.length === input.termMonths, `expected ${input.termMonths} rows, got ${rows.length}`);
  let balance = principal;
  const sum = { payment: 0n, principal: 0n, interest: 0n, fee: 0n };
  for (const row of rows) {
    for (const part of [row.payment, row.principal, row.interest, row.fee, row.balance]) {
      assert(part.minor >= 0n, `row ${row.number} has a negative component`);
      assert(part.currency === input.principal.currency, `row ${row.number} changed currency`);
    }
    assert(row.payment.minor === row.principal.minor + row.interest.minor + row.fee.minor, `row ${row.number}: payment ≠ parts`);
    assert(row.payment.minor > 0n || input.method === 'interest-only', `row ${row.number} pays nothing`);
    assert(row.balance.minor === balance - row.principal.minor, `row ${row.number}: balance does not follow`);
    balance = row.balance.minor;
    sum.payment += row.payment.minor;
    sum.principal += row.principal.minor;
    sum.interest += row.interest.minor;
    sum.fee += row.fee.minor;
  }
  assert(balance === 0n, `final balance ${balance}`);
  assert(sum.principal === principal, `Σ principal ${sum.principal} ≠ ${principal}`);
  assert(totals.principal.minor === principal, 'totals.principal');
  assert(totals.payment.minor === sum.payment, 'totals.payment is not the sum of the rows');
  assert(totals.interest.minor === sum.interest, 'totals.interest is not the sum of the rows');
  assert(totals.fees.minor === sum.fee + schedule.upfrontFee.minor, 'totals.fees is not the sum of the rows');
  assert(totals.costOfCredit.minor === totals.interest.minor + totals.fees.minor, 'totals.costOfCredit');

  if (input.annualRate === '0' && input.monthlyFeeRate === undefined && !input.upfrontFee && input.method !== 'interest-only') {
    // principal ÷ n: every share but the residual one is the same rounded share.
    assert(new Set(rows.map((row) => row.principal.minor)).size <= 2, 'a 0 % plan is not an even split');
  }

  // The APR solver's residual: the payments discounted at the solved rate equal the advance.
  const advance = Number(principal - schedule.upfrontFee.minor);
  const { periodic } = schedule.annualRates;
  assert(Number.isFinite(periodic) && periodic > -1, `rate ${periodic} out of range`);
  const npv = rows.reduce((total, row, index) => total + Number(row.payment.minor) * Math.exp(-(index + 1) * Math.log1p(periodic)), -advance);
  assert(Math.abs(npv) <= 1e-9 * advance, `NPV residual ${npv} at ${periodic} for an advance of ${advance}`);
}

describe('buildSchedule: invariants over random loans (fast-check)', function () {
  this.timeout(600_000);
  for (const method of ['annuity', 'equal-principal', 'flat-fee', 'interest-only'] as const) {
    it(`${method}: exact, reconciled and solvable for ${propertyRuns(10_000)} loans in JPY, CNY and KWD`, () => {
      fc.assert(
        fc.property(loan(method), (input) => {
          let schedule: Schedule;
          try {
            schedule = buildSchedule(input);
          } catch (error) {
            // Only a loan of under 100 minor units a month may be too small to split.
            if (isScheduleError(error) && error.code === 'amount-too-small') {
              assert(input.principal.minor < 100n * BigInt(input.termMonths), `refused ${input.principal.minor} over ${input.termMonths}`);
              return;
            }
            throw error;
          }
          checkInvariants(input, schedule);
        }),
        { numRuns: propertyRuns(10_000) },
      );
    });
  }

  it('with dates and actual day counts, either holds the invariants or refuses a growing balance', () => {
    const dated = fc.record({
      input: loan('annuity'),
      start: fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
      dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/actual' as const),
    });
    fc.assert(
      fc.property(dated, ({ input, start, dayCount }) => {
        const withDates: ScheduleInput = { ...input, startDate: start.toISOString().slice(0, 10), dayCount, termMonths: Math.min(input.termMonths, 120) };
        try {
          const schedule = buildSchedule(withDates);
          checkInvariants(withDates, schedule);
        } catch (error) {
          if (!isScheduleError(error) || (error.code !== 'payment-below-interest' && error.code !== 'amount-too-small')) throw error;
        }
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});
