import { expect } from 'chai';
import type { AnnualRateErrorCode, AnnualRateInput, CashFlow } from '../index.js';
import { annualRate, disclosedRate, isAnnualRateError, parseMoney, roundPercent } from '../index.js';

const usd = (amount: string) => parseMoney(amount, 'USD');
const level = (amount: string, count: number, first = 1): CashFlow[] =>
  Array.from({ length: count }, (_, k) => ({ amount: usd(amount), period: first + k }));

/** The ISO date `k` months after year-month-day (day ≤ 28 here). */
function monthly(year: number, month: number, day: number, k: number): string {
  const index = year * 12 + month - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function codeOf(input: AnnualRateInput): AnnualRateErrorCode | 'no error' {
  try {
    annualRate(input);
    return 'no error';
  } catch (error) {
    if (!isAnnualRateError(error)) throw error;
    return error.code;
  }
}

/** Σ payment · discount − advance at the returned rate, in minor units. */
function residual(input: AnnualRateInput, periodic: number): number {
  return input.payments.reduce((sum, flow) => sum + Number(flow.amount.minor) * (1 + periodic) ** -flow.period!, -Number(input.advance.minor));
}

describe('annualRate: solver regression cases (loan-math.md §5)', () => {
  it('L6: finds the root above −100 %, never −189.64 % (numpy-financial#126)', () => {
    const input = { advance: usd('440000'), payments: [...level('263175', 8), { amount: usd('25500'), period: 8 }] };
    const { periodic } = annualRate(input);
    expect(periodic).to.be.closeTo(0.5838779, 1e-7);
    expect(Math.abs(residual(input, periodic))).to.be.lessThan(1e-6 * 44_000_000);
  });

  it('L8: {−2, 1, 1} is exactly 0 %, and a long zero gap converges to 22.0285 %, with no guess to give', () => {
    expect(annualRate({ advance: usd('2'), payments: level('1', 2) }).periodic).to.equal(0);
    const gap = annualRate({ advance: usd('1000'), payments: [...level('0', 8), { amount: usd('6000'), period: 9 }] });
    expect(gap.periodic).to.be.closeTo(0.220285, 1e-6);
  });

  it('L9: a loss of 55.8 % is a negative rate, not Infinity (formulajs#174)', () => {
    expect(annualRate({ advance: usd('15000'), payments: level('6630', 1) }).periodic).to.be.closeTo(6630 / 15000 - 1, 1e-12);
  });

  it('L10: a six-day span with a loss solves to −76.51 % a year on actual days (nodejs-xirr#14)', () => {
    const rates = annualRate({
      advance: usd('99995'),
      payments: [{ amount: usd('97642'), date: '2021-08-09' }],
      advanceDate: '2021-08-03',
      timeBasis: 'days-365',
    });
    expect(rates.effective).to.be.closeTo((97642 / 99995) ** (365 / 6) - 1, 1e-10);
    expect(roundPercent(rates.effective, 2)).to.equal('-76.51');
  });

  it('L11: 456 periods solve without a bracket failure (tidyquant#258)', () => {
    // 270,000 repaid by 456 × 1,215.33 (14,584 / 12): 0.3644349 % a month.
    const rates = annualRate({ advance: usd('270000.00'), payments: level('1215.33', 456) });
    expect(rates.periodic).to.be.closeTo(0.003644349, 2e-8);
  });

  it('L16: 360-month mortgages converge from any start', () => {
    const rates = annualRate({ advance: usd('200000.00'), payments: level('1199.10', 360) });
    expect(roundPercent(rates.nominal, 3)).to.equal('6.000');
  });
});

describe('annualRate: regimes', () => {
  it('EU-500: whole months and actual days give the two published figures', () => {
    const advance = parseMoney('500.00', 'EUR');
    const payments = [
      { amount: parseMoney('270.00', 'EUR'), date: '2012-11-10' },
      { amount: parseMoney('270.00', 'EUR'), date: '2012-12-10' },
    ];
    expect(roundPercent(annualRate({ advance, payments, advanceDate: '2012-10-10' }).effective, 2)).to.equal('85.59');
    expect(roundPercent(annualRate({ advance, payments, advanceDate: '2012-10-10', timeBasis: 'days-365' }).effective, 2)).to.equal('84.63');
  });

  it('UK representative example: 22.03 % on actual days, 21.93 % on equal months', () => {
    const advance = parseMoney('1000.00', 'GBP');
    const dated = Array.from({ length: 12 }, (_, k) => ({ amount: parseMoney('92.63', 'GBP'), date: monthly(2025, 2, 1, k) }));
    expect(roundPercent(annualRate({ advance, payments: dated, advanceDate: '2025-01-01', timeBasis: 'days-365' }).effective, 2)).to.equal('22.03');
    expect(roundPercent(annualRate({ advance, payments: dated, advanceDate: '2025-01-01' }).effective, 2)).to.equal('21.93');
    expect(disclosedRate(annualRate({ advance, payments: dated, advanceDate: '2025-01-01' }), 'UK').percent).to.equal('21.9');
  });

  it('Reg Z App J (c)(1)(ii): a long first period of 1 + 19/30 months gives 11.82 %', () => {
    // 6,000 advanced 1978-02-10, 36 × 200 monthly from 1978-04-01.
    const byPeriod = Array.from({ length: 36 }, (_, k) => ({ amount: usd('200.00'), period: 1 + 19 / 30 + k }));
    expect(roundPercent(annualRate({ advance: usd('6000.00'), payments: byPeriod, timeBasis: 'us-reg-z' }).nominal, 2)).to.equal('11.82');
    const byDate = Array.from({ length: 36 }, (_, k) => ({ amount: usd('200.00'), date: monthly(1978, 4, 1, k) }));
    expect(roundPercent(annualRate({ advance: usd('6000.00'), payments: byDate, advanceDate: '1978-02-10', timeBasis: 'us-reg-z' }).nominal, 2)).to.equal('11.82');
  });

  it('Reg Z App J (c)(4)(i): odd first and final payments give 10.90 %', () => {
    const payments = [
      { amount: usd('250.00'), date: '1978-02-10' },
      ...Array.from({ length: 22 }, (_, k) => ({ amount: usd('230.00'), date: monthly(1978, 3, 10, k) })),
      { amount: usd('280.00'), date: '1980-01-10' },
    ];
    expect(roundPercent(annualRate({ advance: usd('5000.00'), payments, advanceDate: '1978-01-10', timeBasis: 'us-reg-z' }).nominal, 2)).to.equal('10.90');
  });

  it('is independent of the order of the cash flows', () => {
    const forwards = level('92.63', 12);
    const a = annualRate({ advance: usd('1000.00'), payments: forwards });
    const b = annualRate({ advance: usd('1000.00'), payments: [...forwards].reverse() });
    expect(a.periodic).to.be.closeTo(b.periodic, 1e-15);
  });

  it('disclosure rounds half-up per market', () => {
    const rates = { periodic: 0.01, nominal: 0.12345, effective: 0.12749 };
    expect(disclosedRate(rates, 'CN').percent).to.equal('12.35');
    expect(disclosedRate(rates, 'US').percent).to.equal('12.35');
    expect(disclosedRate(rates, 'EU').percent).to.equal('12.7');
    expect(disclosedRate(rates, 'UK')).to.include({ basis: 'effective', decimals: 1 });
    expect(roundPercent(0.1295, 2)).to.equal('12.95');
    expect(roundPercent(-0.0000001, 2)).to.equal('0.00');
    expect(() => disclosedRate(rates, 'XX' as 'CN')).to.throw().with.property('code', 'invalid-option');
    expect(() => disclosedRate(rates, 'toString' as 'CN')).to.throw().with.property('code', 'invalid-option');
    expect(() => roundPercent(Number.NaN, 2)).to.throw().with.property('code', 'not-displayable');
    expect(() => roundPercent(Number.POSITIVE_INFINITY, 2)).to.throw().with.property('code', 'not-displayable');
  });

  it('rounds percentages from their decimal digits, never printing exponents or binary noise', () => {
    expect(roundPercent(0.12344999999995, 2)).to.equal('12.34');
    expect(roundPercent(0.12345, 2)).to.equal('12.35');
    expect(roundPercent(0.125, 1)).to.equal('12.5');
    expect(roundPercent(0.12, 0)).to.equal('12');
    expect(roundPercent(-0.558, 2)).to.equal('-55.80');
    expect(roundPercent(1e-12, 2)).to.equal('0.00');
    expect(roundPercent(1e19, 2)).to.equal('1000000000000000000000.00');
    expect(roundPercent(3.88439683864464e41, 1)).to.equal(`388439683864464${"0".repeat(29)}.0`);
  });
});

describe('annualRate: refuses what has no rate, never NaN', () => {
  const cases: [string, AnnualRateInput, AnnualRateErrorCode][] = [
    ['no payments', { advance: usd('100'), payments: [] }, 'invalid-cash-flows'],
    ['zero advance', { advance: usd('0'), payments: level('1', 1) }, 'invalid-cash-flows'],
    ['all payments zero', { advance: usd('100'), payments: level('0', 3) }, 'no-solution'],
    ['payment only at time 0, short', { advance: usd('100'), payments: [{ amount: usd('50'), period: 0 }] }, 'no-solution'],
    ['negative payment', { advance: usd('100'), payments: [{ amount: { minor: -1n, currency: 'USD' }, period: 1 }] }, 'invalid-cash-flows'],
    ['mixed currencies', { advance: usd('100'), payments: [{ amount: parseMoney('1', 'EUR'), period: 1 }] }, 'invalid-cash-flows'],
    ['NaN period', { advance: usd('100'), payments: [{ amount: usd('101'), period: Number.NaN }] }, 'invalid-cash-flows'],
    ['negative period', { advance: usd('100'), payments: [{ amount: usd('101'), period: -1 }] }, 'invalid-cash-flows'],
    ['neither period nor date', { advance: usd('100'), payments: [{ amount: usd('101') }] }, 'invalid-cash-flows'],
    ['dates without an advance date', { advance: usd('100'), payments: [{ amount: usd('101'), date: '2025-01-01' }] }, 'invalid-cash-flows'],
    ['payment before the advance', { advance: usd('100'), payments: [{ amount: usd('101'), date: '2024-01-01' }], advanceDate: '2025-01-01' }, 'invalid-cash-flows'],
    ['zero periods per year', { advance: usd('100'), payments: level('101', 1), periodsPerYear: 0 }, 'invalid-option'],
    ['a million periods per year', { advance: usd('100'), payments: level('101', 1), periodsPerYear: 1e6 }, 'invalid-option'],
    ['unknown time basis', { advance: usd('100'), payments: [{ amount: usd('101'), date: '2025-02-01' }], advanceDate: '2025-01-01', timeBasis: 'bogus' as 'periods' }, 'invalid-option'],
    ['Reg Z payment before the advance', { advance: usd('10'), payments: [{ amount: usd('5'), date: '2026-03-10' }, { amount: usd('6'), date: '2026-04-15' }], advanceDate: '2026-03-15', timeBasis: 'us-reg-z' }, 'invalid-cash-flows'],
    ['advance beyond the supported maximum', { advance: { minor: 10n ** 400n, currency: 'USD' }, payments: level('1', 1) }, 'invalid-cash-flows'],
    ['unknown currency', { advance: { minor: 100n, currency: 'XXX' }, payments: [{ amount: { minor: 101n, currency: 'XXX' }, period: 1 }] }, 'invalid-cash-flows'],
    ['payments at the advance date repay it already', { advance: usd('1.00'), payments: [{ amount: usd('1.00'), period: 0 }, { amount: usd('0.01'), period: 1 }] }, 'no-solution'],
    ['a rate too large to express', { advance: usd('1.00'), payments: [{ amount: usd('0.60'), period: 0.001 }, { amount: usd('0.60'), period: 0.002 }] }, 'no-solution'],
    ['null input', null as unknown as AnnualRateInput, 'invalid-cash-flows'],
  ];
  for (const [name, input, code] of cases) {
    it(`${name} → ${code}`, () => expect(codeOf(input)).to.equal(code));
  }

  it('nets payments made at the advance before solving, so a small net loan is still exact', () => {
    const rates = annualRate({
      advance: { minor: 10n ** 12n, currency: 'USD' },
      payments: [
        { amount: { minor: 10n ** 12n - 1000n, currency: 'USD' }, period: 0 },
        { amount: { minor: 2000n, currency: 'USD' }, period: 1 },
      ],
    });
    expect(rates.periodic).to.be.closeTo(1, 1e-12);
  });

  it('a payment of 10^12 times the advance after one period is still a number', () => {
    const rates = annualRate({ advance: usd('0.01'), payments: [{ amount: usd('10000000000.00'), period: 1 }] });
    expect(rates.periodic).to.be.closeTo(1e12 - 1, 1e3);
  });
});
