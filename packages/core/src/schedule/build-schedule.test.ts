import { expect } from 'chai';
import type { Schedule, ScheduleErrorCode, ScheduleInput } from '../index.js';
import { annualRate, buildSchedule, disclosedRate, dueDates, feePer100, isScheduleError, parseMoney, roundPercent, scheduleCashFlows, toDecimalString } from '../index.js';

const cny = (amount: string) => parseMoney(amount, 'CNY');
const payments = (schedule: Schedule) => schedule.instalments.map((row) => toDecimalString(row.payment));
const column = (schedule: Schedule, key: 'principal' | 'interest' | 'fee' | 'balance') =>
  schedule.instalments.map((row) => toDecimalString(row[key]));

function codeOf(input: ScheduleInput): ScheduleErrorCode | 'no error' {
  try {
    buildSchedule(input);
    return 'no error';
  } catch (error) {
    if (!isScheduleError(error)) throw error;
    return error.code;
  }
}

describe('buildSchedule: annuity (等额本息)', () => {
  it('1,000,000 CNY at 4.9 % over 360 months: the last row absorbs the compounding residual (CN-ANN-01)', () => {
    const schedule = buildSchedule({ principal: cny('1000000.00'), termMonths: 360, method: 'annuity', annualRate: '0.049' });
    expect(payments(schedule).slice(0, 359)).to.deep.equal(Array(359).fill('5307.27'));
    expect(payments(schedule)[359]).to.equal('5305.19');
    // The sum of the rounded rows, not the closed form's 910,616.19.
    expect(toDecimalString(schedule.totals.interest)).to.equal('910615.12');
    expect(toDecimalString(schedule.instalments[359]!.balance)).to.equal('0.00');
  });

  it('puts the 0.13 residual of 100,000 EUR at 4.5 % over 60 months in the last payment (L2)', () => {
    const schedule = buildSchedule({ principal: parseMoney('100000.00', 'EUR'), termMonths: 60, method: 'annuity', annualRate: '0.045' });
    expect(payments(schedule)[0]).to.equal('1864.30');
    expect(payments(schedule)[59]).to.equal('1864.43');
  });

  it('keeps exactly n rows when rounding drifts (L3, L4)', () => {
    const l3 = buildSchedule({ principal: parseMoney('427500.00', 'USD'), termMonths: 360, method: 'annuity', annualRate: '0.03875' });
    expect(l3.instalments).to.have.lengthOf(360);
    expect(payments(l3)[0]).to.equal('2010.26');
    const l4 = buildSchedule({ principal: parseMoney('200000.00', 'USD'), termMonths: 360, method: 'annuity', annualRate: '0.06' });
    expect(payments(l4)[0]).to.equal('1199.10');
    expect(l4.instalments[359]!.balance.minor).to.equal(0n);
    expect(Number(l4.instalments[359]!.payment.minor - l4.instalments[0]!.payment.minor)).to.be.greaterThan(0);
  });

  it('never clears a long high-rate loan early because the payment was rounded up', () => {
    // The exact payment rounds up to ¥1,696, which would compound into repaying the loan a month early;
    // ¥1,695 keeps 269 instalments and the last one absorbs the residual.
    const schedule = buildSchedule({ principal: parseMoney('100000', 'JPY'), termMonths: 269, method: 'annuity', annualRate: '0.201135' });
    expect(schedule.instalments).to.have.lengthOf(269);
    const [first, last] = [schedule.instalments[0]!, schedule.instalments[268]!];
    expect(first.payment.minor).to.equal(1695n);
    expect(last.payment.minor > first.payment.minor).to.equal(true);
    expect(last.balance.minor).to.equal(0n);
  });

  it('splits a 0 % annuity as principal ÷ n without NaN (B31)', () => {
    const schedule = buildSchedule({ principal: cny('600.00'), termMonths: 6, method: 'annuity', annualRate: '0' });
    expect(payments(schedule)).to.deep.equal(Array(6).fill('100.00'));
    expect(schedule.annualRates).to.deep.equal({ periodic: 0, nominal: 0, effective: 0 });
  });

  it('converges smoothly to the 0 % plan for near-zero rates (B31)', () => {
    for (const rate of ['0.000000001', '0.000001']) {
      const schedule = buildSchedule({ principal: cny('600.00'), termMonths: 6, method: 'annuity', annualRate: rate });
      expect(payments(schedule), rate).to.deep.equal(Array(6).fill('100.00'));
      expect(schedule.annualRates.nominal).to.be.within(0, 0.000002);
    }
  });

  it('uses the same day-count schedule as Fineract for actual/365 in a leap year (US-FIN-02)', () => {
    const schedule = buildSchedule({
      principal: parseMoney('100.00', 'USD'),
      termMonths: 6,
      method: 'annuity',
      annualRate: '0.15678',
      startDate: '2024-01-01',
      dayCount: 'actual/365',
    });
    expect(payments(schedule)).to.deep.equal(['17.43', '17.43', '17.43', '17.43', '17.43', '17.47']);
    expect(schedule.instalments.map((row) => row.dueDate)).to.deep.equal(['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01']);
  });

  it('rounds half-even when asked (US-FIN-01, Fineract default)', () => {
    const schedule = buildSchedule({ principal: parseMoney('100.00', 'USD'), termMonths: 6, method: 'annuity', annualRate: '0.094822', rounding: 'half-even' });
    expect(column(schedule, 'principal')).to.deep.equal(['16.34', '16.47', '16.60', '16.73', '16.86', '17.00']);
  });
});

describe('buildSchedule: equal principal (等额本金)', () => {
  it('1,000,000 CNY at 4.9 % over 360 months (CN-EP-01)', () => {
    const schedule = buildSchedule({ principal: cny('1000000.00'), termMonths: 360, method: 'equal-principal', annualRate: '0.049' });
    expect(payments(schedule).slice(0, 2)).to.deep.equal(['6861.11', '6849.77']);
    expect(column(schedule, 'principal').slice(0, 359)).to.deep.equal(Array(359).fill('2777.78'));
    expect(column(schedule, 'principal')[359]).to.equal('2776.98');
    expect(payments(schedule)[359]).to.equal('2788.32');
    expect(toDecimalString(schedule.totals.interest)).to.equal('737041.08');
  });
});

describe('buildSchedule: flat monthly fee (分期手续费)', () => {
  it('12,000 CNY with 0.6 % a month: 12 × 1,072.00 and an annualised rate of 13.03 %, not 7.2 % (CN-FEE-01)', () => {
    const schedule = buildSchedule({ principal: cny('12000.00'), termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' });
    expect(payments(schedule)).to.deep.equal(Array(12).fill('1072.00'));
    expect(column(schedule, 'fee')).to.deep.equal(Array(12).fill('72.00'));
    expect(toDecimalString(schedule.totals.fees)).to.equal('864.00');
    expect(disclosedRate(schedule.annualRates, 'CN').percent).to.equal('13.03');
    expect(disclosedRate(schedule.annualRates, 'EU').percent).to.equal('13.8');
  });

  it('a merchant-subsidised 0 % plan places the remainder by rule (B27)', () => {
    const last = buildSchedule({ principal: parseMoney('100.00', 'EUR'), termMonths: 3, method: 'flat-fee' });
    expect(payments(last)).to.deep.equal(['33.33', '33.33', '33.34']);
    const first = buildSchedule({ principal: parseMoney('100.00', 'EUR'), termMonths: 3, method: 'flat-fee', residual: 'first' });
    expect(payments(first)).to.deep.equal(['33.34', '33.33', '33.33']);
    expect(payments(buildSchedule({ principal: parseMoney('1.00', 'EUR'), termMonths: 3, method: 'flat-fee' }))).to.deep.equal(['0.33', '0.33', '0.34']);
    expect(payments(buildSchedule({ principal: parseMoney('200.00', 'EUR'), termMonths: 3, method: 'flat-fee' }))).to.deep.equal(['66.67', '66.67', '66.66']);
  });

  it('rounds shares down when rounding up would leave the residual instalment negative', () => {
    // 0.13 over 8: 1.625 rounds to 2, but 7 × 2 > 13.
    const schedule = buildSchedule({ principal: parseMoney('0.13', 'EUR'), termMonths: 8, method: 'flat-fee' });
    expect(column(schedule, 'principal')).to.deep.equal([...Array(7).fill('0.01'), '0.06']);
  });

  it('rounds shares down when rounding up would leave the residual instalment at exactly zero', () => {
    // ¥81,396 / 477 = 170.6…: 476 rounded shares of ¥171 are the whole amount.
    const schedule = buildSchedule({ principal: parseMoney('81396', 'JPY'), termMonths: 477, method: 'flat-fee' });
    expect(schedule.instalments[0]!.payment.minor).to.equal(170n);
    expect(schedule.instalments[476]!.payment.minor).to.equal(476n);
  });

  it('refuses a split that would leave an instalment of nothing (B27)', () => {
    expect(codeOf({ principal: parseMoney('0.02', 'EUR'), termMonths: 3, method: 'flat-fee' })).to.equal('amount-too-small');
    expect(codeOf({ principal: parseMoney('1', 'JPY'), termMonths: 24, method: 'annuity', annualRate: '0.129' })).to.equal('amount-too-small');
    expect(codeOf({ principal: parseMoney('0.03', 'EUR'), termMonths: 3, method: 'flat-fee' })).to.equal('no error');
  });

  it('a 0 % plan with a fee has a rate above 0', () => {
    const schedule = buildSchedule({ principal: cny('1000.00'), termMonths: 12, method: 'flat-fee', upfrontFee: cny('10.00') });
    expect(schedule.annualRates.nominal).to.be.greaterThan(0.01);
  });

  it('refuses an annual interest rate on a flat-fee plan', () => {
    expect(codeOf({ principal: cny('100.00'), termMonths: 3, method: 'flat-fee', annualRate: '0.1' })).to.equal('invalid-rate');
  });
});

describe('buildSchedule: interest only (先息后本)', () => {
  it('100,000 CNY at 6 %: 500 × 11, then 100,500, and an IRR of exactly 6 % (CN-IO-01)', () => {
    const schedule = buildSchedule({ principal: cny('100000.00'), termMonths: 12, method: 'interest-only', annualRate: '0.06' });
    expect(payments(schedule)).to.deep.equal([...Array(11).fill('500.00'), '100500.00']);
    expect(roundPercent(schedule.annualRates.nominal, 2)).to.equal('6.00');
  });
});

describe('buildSchedule: fees', () => {
  it('an upfront fee paid at the start lowers the advance and raises the rate', () => {
    const plain = buildSchedule({ principal: parseMoney('1000.00', 'GBP'), termMonths: 12, method: 'annuity', annualRate: '0.2' });
    const withFee = buildSchedule({ principal: parseMoney('1000.00', 'GBP'), termMonths: 12, method: 'annuity', annualRate: '0.2', upfrontFee: parseMoney('50.00', 'GBP') });
    expect(payments(plain)[0]).to.equal('92.63');
    expect(payments(withFee)).to.deep.equal(payments(plain));
    expect(toDecimalString(withFee.upfrontFee)).to.equal('50.00');
    expect(toDecimalString(withFee.totals.fees)).to.equal('50.00');
    expect(withFee.annualRates.effective).to.be.greaterThan(plain.annualRates.effective + 0.05);
    expect(scheduleCashFlows(withFee).advance.minor).to.equal(95000n);
  });

  it('a financed upfront fee is spread over the instalments, the remainder by rule', () => {
    const schedule = buildSchedule({ principal: cny('1200.00'), termMonths: 3, method: 'flat-fee', upfrontFee: cny('10.00'), feeFinanced: true });
    expect(column(schedule, 'fee')).to.deep.equal(['3.33', '3.33', '3.34']);
    expect(toDecimalString(schedule.upfrontFee)).to.equal('0.00');
    expect(toDecimalString(schedule.totals.fees)).to.equal('10.00');
    expect(toDecimalString(schedule.totals.payment)).to.equal('1210.00');
  });

  it('reconciles: Σ payments + fee paid up front = principal + cost of credit', () => {
    const schedule = buildSchedule({ principal: cny('4999.00'), termMonths: 12, method: 'annuity', annualRate: '0.129', monthlyFeeRate: '0.001', upfrontFee: cny('19.99') });
    const { totals } = schedule;
    expect(totals.payment.minor + schedule.upfrontFee.minor).to.equal(totals.principal.minor + totals.costOfCredit.minor);
    expect(totals.costOfCredit.minor).to.equal(totals.interest.minor + totals.fees.minor);
  });
});

describe('buildSchedule: dates and day counts', () => {
  it('clamps due dates to the month end and keeps the anchor day', () => {
    const schedule = buildSchedule({ principal: cny('300.00'), termMonths: 4, method: 'flat-fee', startDate: '2025-12-31' });
    expect(schedule.instalments.map((row) => row.dueDate)).to.deep.equal(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('keeps the start day through short months', () => {
    const schedule = buildSchedule({ principal: cny('300.00'), termMonths: 3, method: 'flat-fee', startDate: '2026-01-31' });
    expect(schedule.instalments.map((row) => row.dueDate)).to.deep.equal(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(schedule.annualRates.periodic).to.equal(0);
  });

  it('dueDates gives the dates buildSchedule would, alone, and refuses what it would refuse', () => {
    for (const [startDate, firstDueDate, termMonths] of [['2025-12-31', undefined, 4], ['2026-01-31', undefined, 13], ['2026-01-01', '2026-02-16', 6], ['2024-02-29', undefined, 48]] as const) {
      const input = { startDate, termMonths, ...(firstDueDate ? { firstDueDate } : {}) };
      const schedule = buildSchedule({ principal: cny('1200.00'), method: 'annuity', annualRate: '0.12', ...input });
      expect(dueDates(input), JSON.stringify(input)).to.deep.equal(schedule.instalments.map((row) => row.dueDate));
    }
    const code = (input: unknown) => {
      try {
        dueDates(input as Parameters<typeof dueDates>[0]);
        return 'no error';
      } catch (error) {
        return isScheduleError(error) ? error.code : String(error);
      }
    };
    expect(code({ startDate: '2026-02-30', termMonths: 3 })).to.equal('invalid-date');
    expect(code({ startDate: '2026-01-31', termMonths: 0 })).to.equal('invalid-term');
    expect(code({ startDate: '2026-01-31', termMonths: 2.5 })).to.equal('invalid-term');
    expect(code({ termMonths: 3 })).to.equal('invalid-date');
    expect(code({ startDate: '2026-01-31', firstDueDate: '2026-01-31', termMonths: 3 })).to.equal('invalid-date');
    expect(code({ startDate: '9999-06-01', termMonths: 12 })).to.equal('invalid-date');
    expect(code(undefined)).to.equal('invalid-term');
  });

  it('charges interest for an odd first period under 30/360', () => {
    const regular = buildSchedule({ principal: cny('1200.00'), termMonths: 2, method: 'equal-principal', annualRate: '0.12', startDate: '2026-01-15' });
    const odd = buildSchedule({ principal: cny('1200.00'), termMonths: 2, method: 'equal-principal', annualRate: '0.12', startDate: '2026-01-01', firstDueDate: '2026-02-16' });
    expect(column(regular, 'interest')).to.deep.equal(['12.00', '6.00']);
    expect(column(odd, 'interest')).to.deep.equal(['18.00', '6.00']); // 1 month + 15 days = 45/360
  });

  it('splits actual/actual interest across a year end', () => {
    const schedule = buildSchedule({ principal: parseMoney('36500.00', 'USD'), termMonths: 1, method: 'interest-only', annualRate: '0.1', startDate: '2023-12-01', dayCount: 'actual/actual' });
    // 31 days of 2023 at /365 and 31 days of 2024 at /366.
    expect(column(schedule, 'interest')).to.deep.equal(['310.00']);
    const leap = buildSchedule({ principal: parseMoney('36600.00', 'USD'), termMonths: 1, method: 'interest-only', annualRate: '0.1', startDate: '2024-02-01', dayCount: 'actual/actual' });
    expect(column(leap, 'interest')).to.deep.equal(['290.00']);
  });

  it('with an odd first period the annual rate counts the extra days', () => {
    const regular = buildSchedule({ principal: cny('1200.00'), termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.005', startDate: '2026-01-01' });
    const late = buildSchedule({ principal: cny('1200.00'), termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.005', startDate: '2026-01-01', firstDueDate: '2026-02-16' });
    expect(late.annualRates.nominal).to.be.lessThan(regular.annualRates.nominal);
    const { advance, payments: flows } = scheduleCashFlows(late);
    const calendar = annualRate({ advance, payments: flows, advanceDate: '2026-01-01' });
    expect(Math.abs(calendar.effective - late.annualRates.effective)).to.be.lessThan(0.002);
  });
});

describe('buildSchedule: refuses bad input with a typed error', () => {
  const base: ScheduleInput = { principal: cny('1000.00'), termMonths: 12, method: 'annuity', annualRate: '0.1' };
  const cases: [string, Partial<Record<keyof ScheduleInput, unknown>>, ScheduleErrorCode][] = [
    ['zero principal', { principal: cny('0') }, 'invalid-principal'],
    ['negative principal', { principal: { minor: -1n, currency: 'CNY' } }, 'invalid-principal'],
    ['number principal', { principal: { minor: 100, currency: 'CNY' } }, 'invalid-principal'],
    ['unknown currency', { principal: { minor: 100n, currency: 'XXX' } }, 'invalid-principal'],
    ['huge principal', { principal: { minor: 2n ** 60n, currency: 'CNY' } }, 'invalid-principal'],
    ['zero term', { termMonths: 0 }, 'invalid-term'],
    ['fractional term', { termMonths: 1.5 }, 'invalid-term'],
    ['NaN term', { termMonths: Number.NaN }, 'invalid-term'],
    ['601 months', { termMonths: 601 }, 'invalid-term'],
    ['string term', { termMonths: '12' }, 'invalid-term'],
    ['unknown method', { method: 'balloon' }, 'invalid-method'],
    ['number rate', { annualRate: 0.1 }, 'invalid-rate'],
    ['negative rate', { annualRate: '-0.1' }, 'invalid-rate'],
    ['percent rate', { annualRate: '10%' }, 'invalid-rate'],
    ['exponent rate', { annualRate: '1e-2' }, 'invalid-rate'],
    ['absurd rate', { annualRate: '1000' }, 'invalid-rate'],
    ['bad fee rate', { monthlyFeeRate: 'abc' }, 'invalid-rate'],
    ['fee in another currency', { upfrontFee: parseMoney('1.00', 'USD') }, 'currency-mismatch'],
    ['fee as large as the principal', { upfrontFee: cny('1000.00') }, 'invalid-fee'],
    ['negative fee', { upfrontFee: { minor: -1n, currency: 'CNY' } }, 'invalid-fee'],
    ['unknown rounding', { rounding: 'bankers' }, 'invalid-option'],
    ['unknown residual', { residual: 'middle' }, 'invalid-option'],
    ['residual first on an interest-bearing annuity', { residual: 'first' }, 'unsupported'],
    ['bad start date', { startDate: '2025-02-30' }, 'invalid-date'],
    ['first due date before start', { startDate: '2025-02-01', firstDueDate: '2025-01-01' }, 'invalid-date'],
    ['first due date without a start', { firstDueDate: '2025-01-01' }, 'invalid-date'],
    ['actual day count without dates', { dayCount: 'actual/365' }, 'invalid-date'],
    ['unknown day count', { dayCount: '30/365' }, 'invalid-option'],
  ];
  for (const [name, change, code] of cases) {
    it(`${name} → ${code}`, () => expect(codeOf({ ...base, ...change } as ScheduleInput)).to.equal(code));
  }

  it('dates in the first century count days correctly (not as 1900–1999)', () => {
    const schedule = buildSchedule({ principal: cny('1000.00'), termMonths: 2, method: 'interest-only', annualRate: '0.12', startDate: '0099-12-15', dayCount: 'actual/actual' });
    expect(schedule.instalments.map((row) => row.dueDate)).to.deep.equal(['0100-01-15', '0100-02-15']);
    for (const row of schedule.instalments) expect(row.interest.minor > 0n).to.equal(true);
  });

  it('refuses due dates past the year 9999', () => {
    expect(codeOf({ ...base, termMonths: 600, startDate: '9999-12-31' })).to.equal('invalid-date');
  });

  it('refuses instalments beyond the largest amount as too large, not too small', () => {
    expect(codeOf({ principal: { minor: 9_007_199_254_740_991n, currency: 'CNY' }, termMonths: 2, method: 'annuity', annualRate: '60' })).to.equal('invalid-principal');
  });

  it('reads the principal once, so a getter cannot change it after validation', () => {
    let reads = 0;
    const principal = { currency: 'CNY', get minor() { reads += 1; return reads > 1 ? -100000n : 100000n; } };
    const schedule = buildSchedule({ principal, termMonths: 2, method: 'flat-fee' });
    expect(schedule.totals.principal.minor).to.equal(100000n);
  });

  it('feePer100 refuses what buildSchedule refuses', () => {
    expect(() => feePer100({ annualRate: '9'.repeat(30_000), termMonths: 600 })).to.throw().with.property('code', 'invalid-rate');
    expect(() => feePer100({ annualRate: '0.15', termMonths: 0 })).to.throw().with.property('code', 'invalid-term');
    expect(() => feePer100(null as unknown as { annualRate: string; termMonths: number })).to.throw().with.property('code', 'invalid-option');
  });

  it('a payment that cannot cover the interest is an error, never a growing balance (L15)', () => {
    // 36 % a year, 480 months, actual/365: 31-day months cost more interest than the level payment.
    expect(codeOf({ principal: cny('1000000.00'), termMonths: 480, method: 'annuity', annualRate: '0.36', startDate: '2026-01-01', dayCount: 'actual/365' })).to.equal('payment-below-interest');
  });
});
