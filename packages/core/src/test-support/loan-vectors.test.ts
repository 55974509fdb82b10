import { expect } from 'chai';
import type { CashFlow, Money } from '../index.js';
import { annualRate, buildSchedule, currencyExponent, feePer100, parseMoney, roundPercent, toDecimalString } from '../index.js';
import { LOAN_VECTORS } from './loan-vectors.js';
import type { LoanVector } from './loan-vectors.js';
import { isNode } from './runtime.js';

/** "127000/36" → [127000n, 36n]; "1072.00" → [107200n, 100n] (in major units). */
function fraction(text: string | number): [bigint, bigint] {
  const [top = '', bottom = '1'] = String(text).split('/');
  const [whole = '', decimals = ''] = top.split('.');
  return [BigInt(whole + decimals), BigInt(bottom) * 10n ** BigInt(decimals.length)];
}

function periodValue(text: string | number): number {
  const [top, bottom] = fraction(text);
  return Number(top) / Number(bottom);
}

/**
 * Builds exact Money for every amount of an `irr` vector. Amounts such as 127,000/36 yen are not
 * whole minor units, so every amount is scaled by one common factor: the rate is unchanged.
 */
function irrFlows(vector: LoanVector): { advance: Money; payments: CashFlow[] } {
  const exponent = 10n ** BigInt(currencyExponent(vector.ccy));
  const amounts = vector.flows!.map(([, , amount]) => fraction(amount!));
  const scale = amounts.reduce((common, [, denominator]) => (common % denominator === 0n ? common : common * denominator), 1n);
  const toMinor = ([numerator, denominator]: [bigint, bigint]) => (numerator * exponent * scale) / denominator;
  const advance = parseMoney(vector.principal!, vector.ccy);
  const payments = vector.flows!.flatMap(([first, count], index) =>
    Array.from({ length: Number(count) }, (_, k) => ({
      amount: { minor: toMinor(amounts[index]!), currency: vector.ccy },
      period: Number(first) + k,
    })),
  );
  return { advance: { minor: advance.minor * scale, currency: vector.ccy }, payments };
}

function check(vector: LoanVector): void {
  const expected = vector.expect;
  switch (vector.kind) {
    case 'irr': {
      const rates = annualRate({ ...irrFlows(vector), periodsPerYear: vector.ppy! });
      if (expected['nominalPct']) expect(roundPercent(rates.nominal, 2)).to.equal(expected['nominalPct']);
      if (expected['effectivePct']) expect(roundPercent(rates.effective, 2)).to.equal(expected['effectivePct']);
      return;
    }
    case 'single': {
      const rates = annualRate({
        advance: parseMoney(vector.principal!, vector.ccy),
        payments: [{ amount: parseMoney(vector.amount!, vector.ccy), period: 1 }],
        periodsPerYear: 365 / vector.days!,
      });
      expect(roundPercent(rates.nominal, 2)).to.equal(expected['nominalPct']);
      return;
    }
    case 'years': {
      const rates = annualRate({
        advance: parseMoney(vector.principal!, vector.ccy),
        payments: vector.flows!.map(([years, amount]) => ({ amount: parseMoney(String(amount), vector.ccy), period: periodValue(years!) })),
        periodsPerYear: 1,
      });
      expect(roundPercent(rates.effective, 2)).to.equal(expected['effectivePct']);
      return;
    }
    case 'rates': {
      // Every factor is the same annual rate / 12, i.e. a 30/360 monthly annuity.
      const annual = new Set(vector.rateFactors!.map((factor) => factor.replace('/12', '')));
      expect(annual.size).to.equal(1);
      const schedule = buildSchedule({
        principal: parseMoney(vector.principal!, vector.ccy),
        termMonths: vector.rateFactors!.length,
        method: 'annuity',
        annualRate: [...annual][0]!,
        rounding: vector.round === 'HALF_EVEN' ? 'half-even' : 'half-up',
      });
      expect(toDecimalString(schedule.instalments[0]!.payment)).to.equal(expected['emi']);
      expect(schedule.instalments.map((row) => toDecimalString(row.interest))).to.deep.equal(expected['interest']);
      expect(toDecimalString(schedule.instalments.at(-1)!.payment)).to.equal(expected['lastPayment']);
      return;
    }
    case 'jp_fee_per100': {
      const fees = vector.counts!.map((termMonths) => feePer100({ annualRate: vector.annualRate!, termMonths }));
      expect(fees).to.deep.equal(expected['feePer100']);
      return;
    }
    case 'annuity': {
      const schedule = buildSchedule({
        principal: parseMoney(vector.principal!, vector.ccy),
        termMonths: vector.n!,
        method: 'annuity',
        annualRate: vector.rate!,
        rounding: vector.round === 'HALF_EVEN' ? 'half-even' : 'half-up',
      });
      expect(toDecimalString(schedule.instalments[0]!.payment)).to.equal(expected['payment']);
      expect(toDecimalString(schedule.instalments.at(-1)!.payment)).to.equal(expected['lastPayment']);
      return;
    }
  }
}

describe('published loan vectors (shared/reference/loan-vectors.json)', () => {
  for (const vector of LOAN_VECTORS) {
    it(`${vector.id} (${vector.kind})`, () => check(vector));
  }

  it('covers every kind of vector', () => {
    expect(new Set(LOAN_VECTORS.map((vector) => vector.kind))).to.have.lengthOf(6);
  });

  it('matches the shared original when it is beside the checkout', async function () {
    if (!isNode) return this.skip();
    const { readFile } = await import('node:fs/promises');
    const url = new URL('../../../../../shared/reference/loan-vectors.json', import.meta.url);
    const original = await readFile(url, 'utf8').catch(() => undefined);
    if (original === undefined) return this.skip();
    expect(LOAN_VECTORS).to.deep.equal(JSON.parse(original));
  });
});
