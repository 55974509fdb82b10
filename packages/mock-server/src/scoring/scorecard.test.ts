import { parseMoney, toDecimalString } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  BASE_POINTS,
  bandFor,
  CURRENCY_FIGURES,
  isAffordable,
  offerFor,
  policyDeclines,
  probabilityOfDefault,
  SCORECARD,
  scoreApplicant,
  scoreReasons,
  tierLimit,
  TIERS,
} from './scorecard.js';
import type { NumericBin, OfferInput, ScorecardInput } from './scorecard.js';
import { largestPayment, TWELVE_MONTHS_FEE } from './test-support/applications.js';
import type { TestPlan } from './test-support/applications.js';

const cny = (value: string): Money => parseMoney(value, 'CNY');
const shown = (money: Money) => `${toDecimalString(money)} ${money.currency}`;

/** Li Lei of the SDK fixtures buying ¥4,999.00 over 12 months. */
const LI_LEI: ScorecardInput = {
  monthlyIncome: cny('15000.00'),
  existingMonthlyDebt: cny('0'),
  largestPayment: largestPayment(cny('4999.00')),
  employment: 'employed',
  housing: 'rent',
  age: 36,
  scenario: 'retail',
  priorApproved: 0,
  priorDeclined: 0,
};

describe('the scorecard table', () => {
  it('has ordered numeric bins that end at infinity, so every value has a bin', () => {
    for (const [name, characteristic] of Object.entries(SCORECARD)) {
      if (!('bins' in characteristic)) continue;
      const bins: readonly NumericBin[] = characteristic.bins;
      expect(bins.at(-1)?.upTo, name).to.equal(Infinity);
      for (let index = 1; index < bins.length; index++) expect(bins[index]!.upTo, name).to.be.greaterThan(bins[index - 1]!.upTo);
    }
  });

  it('never gives fewer points for a better ratio, or to older applicants', () => {
    const points = (name: 'monthlyIncome' | 'debtToIncome' | 'affordability' | 'age') => SCORECARD[name].bins.map((bin) => bin.points);
    const ascending = (list: number[]) => list.every((value, index) => index === 0 || value >= list[index - 1]!);
    expect(ascending(points('monthlyIncome'))).to.equal(true);
    expect(ascending(points('age'))).to.equal(true);
    expect(ascending(points('debtToIncome').reverse())).to.equal(true);
    expect(ascending(points('affordability').reverse())).to.equal(true);
  });

  it('has a figure set for each currency of the catalogue', () => {
    expect(Object.keys(CURRENCY_FIGURES)).to.have.members(['CNY', 'USD', 'EUR', 'GBP', 'JPY']);
  });
});

describe('scoreApplicant', () => {
  it('scores the SDK fixtures\' applicant bin by bin: 685 points, tier A', () => {
    const score = scoreApplicant(LI_LEI);
    expect(score.factors.map(({ characteristic, attribute, points }) => `${characteristic}: ${attribute} = ${points}`)).to.deep.equal([
      'base: base points = 450',
      'monthlyIncome: 1.5–2.5× typical = 40',
      'debtToIncome: no existing debt = 40',
      'affordability: up to 15 % = 50',
      'employment: employed = 40',
      'age: 35 and over = 35',
      'housing: rent = 10',
      'history: no-history = 10',
      'scenario: retail = 10',
    ]);
    expect(score.points).to.equal(685);
    expect(score.probabilityOfDefault).to.be.closeTo(1 / (1 + 50 * 2 ** (85 / 20)), 1e-12);
    expect(bandFor(score.points)).to.equal('A');
  });

  it('puts a value on a bin edge into the lower bin (bins hold values up to and including the edge)', () => {
    const atHalf = scoreApplicant({ ...LI_LEI, monthlyIncome: cny('4000.00'), largestPayment: cny('0') });
    expect(atHalf.factors.find((factor) => factor.characteristic === 'monthlyIncome')?.attribute).to.equal('up to 0.5× typical');
    const justOver = scoreApplicant({ ...LI_LEI, monthlyIncome: cny('4000.01'), largestPayment: cny('0') });
    expect(justOver.factors.find((factor) => factor.characteristic === 'monthlyIncome')?.attribute).to.equal('0.5–1× typical');
  });

  it('scores history from earlier approvals and declines', () => {
    const history = (priorApproved: number, priorDeclined: number) => scoreApplicant({ ...LI_LEI, priorApproved, priorDeclined }).factors.find((factor) => factor.characteristic === 'history');
    expect(history(0, 0)).to.include({ attribute: 'no-history', points: 10 });
    expect(history(2, 0)).to.include({ attribute: 'approved-before', points: 30 });
    expect(history(2, 1)).to.include({ attribute: 'declined-once', points: 0 });
    expect(history(0, 2)).to.include({ attribute: 'declined-repeatedly', points: -20 });
  });

  it('refuses amounts in two currencies, or in one it does not lend in', () => {
    expect(() => scoreApplicant({ ...LI_LEI, existingMonthlyDebt: parseMoney('0', 'USD') })).to.throw(RangeError);
    expect(() => scoreApplicant({ ...LI_LEI, monthlyIncome: parseMoney('1000', 'KRW'), existingMonthlyDebt: parseMoney('0', 'KRW'), largestPayment: parseMoney('0', 'KRW') })).to.throw(RangeError);
  });

  interface Draw {
    currency: string;
    income: bigint;
    debt: bigint;
    payment: bigint;
    employment: ScorecardInput['employment'];
    housing: ScorecardInput['housing'];
    age: number;
    scenario: ScorecardInput['scenario'];
    priorApproved: number;
    priorDeclined: number;
  }
  const applicant: fc.Arbitrary<Draw> = fc.record({
    currency: fc.constantFrom('CNY', 'USD', 'EUR', 'GBP', 'JPY'),
    income: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    debt: fc.bigInt({ min: 0n, max: 10n ** 8n }),
    payment: fc.bigInt({ min: 0n, max: 10n ** 8n }),
    employment: fc.constantFrom('employed', 'self-employed', 'student', 'retired', 'unemployed', 'other' as const),
    housing: fc.constantFrom('own', 'mortgage', 'rent', 'family', 'other' as const),
    age: fc.integer({ min: 18, max: 110 }),
    scenario: fc.constantFrom('retail', 'travel', 'education', 'medical' as const),
    priorApproved: fc.nat(5),
    priorDeclined: fc.nat(5),
  });
  const input = (draw: Draw): ScorecardInput => ({
    monthlyIncome: { minor: draw.income, currency: draw.currency },
    existingMonthlyDebt: { minor: draw.debt, currency: draw.currency },
    largestPayment: { minor: draw.payment, currency: draw.currency },
    employment: draw.employment,
    housing: draw.housing,
    age: draw.age,
    scenario: draw.scenario,
    priorApproved: draw.priorApproved,
    priorDeclined: draw.priorDeclined,
  });

  it('never lowers the points for more income', () => {
    fc.assert(
      fc.property(applicant, fc.bigInt({ min: 1n, max: 10n ** 8n }), (draw, raise) => {
        const before = scoreApplicant(input(draw));
        const after = scoreApplicant(input({ ...draw, income: draw.income + raise }));
        expect(after.points).to.be.at.least(before.points);
      }),
      { numRuns: 500 },
    );
  });

  it('never raises the points for more existing debt or a larger instalment', () => {
    fc.assert(
      fc.property(applicant, fc.bigInt({ min: 1n, max: 10n ** 8n }), (draw, raise) => {
        const before = scoreApplicant(input(draw)).points;
        expect(scoreApplicant(input({ ...draw, debt: draw.debt + raise })).points).to.be.at.most(before);
        expect(scoreApplicant(input({ ...draw, payment: draw.payment + raise })).points).to.be.at.most(before);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps points the sum of the factors, inside the table\'s range, with the probability of default from the points', () => {
    const lowest = BASE_POINTS + Object.values(SCORECARD).reduce((sum, entry) => sum + Math.min(...('bins' in entry ? entry.bins.map((bin) => bin.points) : Object.values(entry.points))), 0);
    const highest = BASE_POINTS + Object.values(SCORECARD).reduce((sum, entry) => sum + Math.max(...('bins' in entry ? entry.bins.map((bin) => bin.points) : Object.values(entry.points))), 0);
    expect([lowest, highest]).to.deep.equal([445, 740]);
    fc.assert(
      fc.property(applicant, (draw) => {
        const score = scoreApplicant(input(draw));
        expect(score.factors.reduce((sum, factor) => sum + factor.points, 0)).to.equal(score.points);
        expect(score.points).to.be.within(lowest, highest);
        expect(score.probabilityOfDefault).to.equal(probabilityOfDefault(score.points));
      }),
      { numRuns: 300 },
    );
  });
});

describe('probabilityOfDefault', () => {
  it('maps 600 points to odds of 50:1 and doubles the odds every 20 points', () => {
    expect(probabilityOfDefault(600)).to.be.closeTo(1 / 51, 1e-15);
    expect(probabilityOfDefault(620)).to.be.closeTo(1 / 101, 1e-15);
    expect(probabilityOfDefault(580)).to.be.closeTo(1 / 26, 1e-15);
    expect(probabilityOfDefault(560)).to.be.closeTo(1 / 13.5, 1e-15);
    const odds = (points: number) => (1 - probabilityOfDefault(points)) / probabilityOfDefault(points);
    for (const points of [425, 517, 600, 683, 740]) expect(odds(points + 20) / odds(points)).to.be.closeTo(2, 1e-9);
  });

  it('falls strictly as points rise and stays strictly between 0 and 1', () => {
    let previous = 1;
    for (let points = 300; points <= 900; points++) {
      const pd = probabilityOfDefault(points);
      expect(pd).to.be.greaterThan(0).and.lessThan(previous);
      previous = pd;
    }
  });
});

describe('bandFor and the tiers', () => {
  it('draws the tier lines at 650, 620, 590 and 560, reviews 550–559 and declines below', () => {
    const cases: [number, string][] = [[740, 'A'], [650, 'A'], [649, 'B'], [620, 'B'], [619, 'C'], [590, 'C'], [589, 'D'], [560, 'D'], [559, 'review'], [550, 'review'], [549, 'decline'], [425, 'decline']];
    for (const [points, band] of cases) expect(bandFor(points), String(points)).to.equal(band);
  });

  it('prices each worse tier higher, from no add-on to 6 %', () => {
    expect(TIERS.map((tier) => [tier.tier, tier.rateAddOn])).to.deep.equal([['A', '0'], ['B', '0.02'], ['C', '0.04'], ['D', '0.06']]);
  });
});

describe('policyDeclines', () => {
  const healthy = { monthlyIncome: cny('8000.00'), existingMonthlyDebt: cny('0'), employment: 'employed' } as const;

  it('declines income below the currency\'s minimum, and not income at it', () => {
    expect(policyDeclines({ ...healthy, monthlyIncome: cny('1999.99') })).to.deep.equal(['insufficient_income']);
    expect(policyDeclines({ ...healthy, monthlyIncome: cny('2000.00') })).to.deep.equal([]);
    expect(policyDeclines({ monthlyIncome: parseMoney('99999', 'JPY'), existingMonthlyDebt: parseMoney('0', 'JPY'), employment: 'employed' })).to.deep.equal(['insufficient_income']);
  });

  it('declines existing debt above 40 % of income, and not at 40 %', () => {
    expect(policyDeclines({ ...healthy, existingMonthlyDebt: cny('3200.00') })).to.deep.equal([]);
    expect(policyDeclines({ ...healthy, existingMonthlyDebt: cny('3200.01') })).to.deep.equal(['high_existing_debt']);
  });

  it('declines the unemployed, and gives every reason that applies', () => {
    expect(policyDeclines({ ...healthy, employment: 'unemployed' })).to.deep.equal(['employment']);
    expect(policyDeclines({ monthlyIncome: cny('0'), existingMonthlyDebt: cny('100.00'), employment: 'unemployed' })).to.deep.equal(['insufficient_income', 'high_existing_debt', 'employment']);
  });
});

describe('scoreReasons', () => {
  it('names the two coded characteristics furthest below their best bin, worst first', () => {
    const weak = scoreApplicant({ ...LI_LEI, monthlyIncome: cny('6000.00'), existingMonthlyDebt: cny('1500.00'), largestPayment: cny('500.00'), employment: 'student', age: 22, housing: 'family', scenario: 'travel', priorDeclined: 2 });
    expect(weak.points).to.equal(525);
    // history lost 50 points, employment 35, income and affordability 30 each, debt 25.
    expect(scoreReasons(weak)).to.deep.equal(['credit_history', 'employment']);
  });

  it('breaks ties in the order of the scorecard', () => {
    const score = scoreApplicant({ ...LI_LEI, monthlyIncome: cny('6000.00'), largestPayment: cny('1800.00') });
    // income (50 − 20) and affordability (50 − 20) both lost 30; income comes first in the table.
    expect(scoreReasons(score)).to.deep.equal(['insufficient_income', 'affordability']);
  });
});

describe('tierLimit', () => {
  it('is the tier\'s multiple of income, capped per tier, rounded down to the currency\'s step', () => {
    const limits = (income: Money) => TIERS.map(({ tier }) => shown(tierLimit(tier, income)!));
    expect(limits(cny('15000.00'))).to.deep.equal(['45000.00 CNY', '30000.00 CNY', '20000.00 CNY', '10000.00 CNY']);
    expect(limits(cny('6789.99'))).to.deep.equal(['20300.00 CNY', '13500.00 CNY', '10100.00 CNY', '6700.00 CNY']);
    expect(limits(parseMoney('2345.67', 'USD'))).to.deep.equal(['7030.00 USD', '4690.00 USD', '3510.00 USD', '2000.00 USD']);
    expect(limits(parseMoney('420000', 'JPY'))).to.deep.equal(['1000000 JPY', '600000 JPY', '400000 JPY', '200000 JPY']);
    expect(tierLimit('A', parseMoney('5000', 'KRW'))).to.equal(undefined);
  });
});

describe('offerFor', () => {
  const offer = (amount: Money, overrides: Partial<OfferInput> = {}, plan: TestPlan = TWELVE_MONTHS_FEE): OfferInput => ({
    amount,
    minAmount: cny('600.00'),
    monthlyIncome: cny('15000.00'),
    existingMonthlyDebt: cny('0'),
    largestPayment: largestPayment(amount, plan),
    termMonths: plan.termMonths,
    ...overrides,
  });

  it('approves an affordable amount within the limit, with the tier\'s limit and price', () => {
    expect(offerFor('B', offer(cny('4999.00')))).to.deep.equal({ kind: 'approve', tier: 'B', limit: cny('30000.00'), rateAddOn: '0.02' });
    expect(offerFor('A', offer(cny('45000.00')))).to.deep.include({ kind: 'approve', limit: cny('45000.00') });
  });

  it('counter-offers the limit for an amount above it', () => {
    expect(offerFor('A', offer(cny('60000.00')))).to.deep.equal({ kind: 'counter_offer', amount: cny('45000.00'), tier: 'A', limit: cny('45000.00'), rateAddOn: '0' });
  });

  it('counter-offers the most that is affordable, in whole units, when the instalments are too high', () => {
    // Half of ¥15,000 less ¥2,000 of other debts leaves ¥5,500 a month; ¥19,999 over 3 months is ¥6,666.34 a month.
    const input = offer(cny('19999.00'), { existingMonthlyDebt: cny('2000.00') }, { termMonths: 3, method: 'flat-fee', monthlyFeeRate: '0' });
    expect(isAffordable(input)).to.equal(false);
    const decision = offerFor('B', input);
    expect(decision).to.deep.include({ kind: 'counter_offer', tier: 'B', limit: cny('30000.00') });
    const counter = decision.kind === 'counter_offer' ? decision.amount : cny('0');
    expect(counter.minor % 100n).to.equal(0n);
    expect(shown(counter)).to.equal('16499.00 CNY'); // (¥5,500 − 4 fen kept back) × 19,999 ÷ 6,666.34, rounded down
    expect(isAffordable({ ...input, largestPayment: largestPayment(counter, { termMonths: 3, method: 'flat-fee' }) })).to.equal(true);
  });

  it('declines with limit_exceeded or affordability when no amount at or above the plan minimum fits', () => {
    expect(offerFor('D', offer(cny('60000.00'), { monthlyIncome: cny('500.00') }))).to.deep.equal({
      kind: 'decline',
      reasons: [
        { code: 'limit_exceeded', message: 'The amount is above the credit limit we can offer you.' },
        { code: 'affordability', message: 'The monthly repayments would take too large a share of your income.' },
      ],
    });
    expect(offerFor('A', offer(cny('4999.00'), { existingMonthlyDebt: cny('7490.00') })).kind).to.equal('decline');
    expect(offerFor('A', offer(cny('700.00'), { minAmount: cny('600.00'), monthlyIncome: cny('100.00') }))).to.deep.include({ kind: 'decline' });
  });

  it('only ever counter-offers an amount that is affordable and within the limit when scheduled for real', () => {
    const plans: TestPlan[] = [
      TWELVE_MONTHS_FEE,
      { termMonths: 3, method: 'flat-fee' },
      { termMonths: 24, method: 'annuity', annualRate: '0.129' },
      { termMonths: 36, method: 'equal-principal', annualRate: '0.18' },
      { termMonths: 6, method: 'interest-only', annualRate: '0.1' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...plans),
        fc.constantFrom('CNY', 'JPY', 'USD'),
        fc.bigInt({ min: 100_000n, max: 10_000_000n }),
        fc.bigInt({ min: 200_000n, max: 3_000_000n }),
        fc.bigInt({ min: 0n, max: 600_000n }),
        fc.constantFrom('A', 'B', 'C', 'D' as const),
        (plan, currency, amountMinor, incomeMinor, debtMinor, tier) => {
          const money = (minor: bigint): Money => ({ minor, currency });
          const input = { ...offer(money(amountMinor), {}, plan), minAmount: money(1n), monthlyIncome: money(incomeMinor), existingMonthlyDebt: money(debtMinor) };
          const decision = offerFor(tier, input);
          if (decision.kind !== 'counter_offer') return;
          expect(decision.amount.minor < amountMinor && decision.amount.minor <= decision.limit.minor).to.equal(true);
          expect(isAffordable({ ...input, largestPayment: largestPayment(decision.amount, plan) }), JSON.stringify({ plan, amount: String(decision.amount.minor) })).to.equal(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
