import { expect } from 'chai';
import { addMoney, moneyFromMinor, parseMoney } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import { offersFromRateCard, RateCard, Scenario } from '@fenqi/sdk';
import type { Offer, RatePlan } from '@fenqi/sdk';
import { defaultRateCards, findRateCards } from './default-rate-cards.js';

const UPDATED_AT = '2026-12-01T00:00:00Z';
const CARDS = defaultRateCards('shop-1', UPDATED_AT);
const PLANS = CARDS.flatMap((card) => card.plans.map((plan) => ({ card, plan })));

const MARKET_OF = { CNY: 'CN', USD: 'US', EUR: 'EU', GBP: 'UK', JPY: 'JP' } as const;
const DISCLOSURE = {
  CN: { basis: 'nominal', decimals: 2 },
  US: { basis: 'nominal', decimals: 2 },
  JP: { basis: 'nominal', decimals: 2 },
  EU: { basis: 'effective', decimals: 1 },
  UK: { basis: 'effective', decimals: 1 },
} as const;

/** The plan's minimum, the midpoint and the maximum, as exact money. */
function amountsOf(plan: RatePlan, currency: string): Money[] {
  const min = parseMoney(plan.minAmount.value, currency).minor;
  const max = parseMoney(plan.maxAmount.value, currency).minor;
  return [min, (min + max) / 2n, max].map((minor) => moneyFromMinor(minor, currency));
}

/** The offer for one plan alone at `amount`; fails the test when the plan is ineligible. */
function offerOf(card: RateCard, plan: RatePlan, amount: Money): Offer {
  const { offers, ineligible } = offersFromRateCard({ ...card, plans: [plan] }, amount);
  expect(ineligible, `${plan.id} at ${amount.minor}`).to.deep.equal([]);
  expect(offers).to.have.length(1);
  return offers[0]!;
}

function planById(id: string): { card: RateCard; plan: RatePlan } {
  const found = PLANS.find(({ plan }) => plan.id === id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
}

describe('defaultRateCards', () => {
  it('has one card per scenario and currency, for the given merchant and time', () => {
    expect(CARDS).to.have.length(20);
    for (const scenario of Scenario.options) {
      for (const [currency, market] of Object.entries(MARKET_OF)) {
        const matching = CARDS.filter((card) => card.scenario === scenario && card.currency === currency);
        expect(matching, `${scenario} ${currency}`).to.have.length(1);
        expect(matching[0]).to.include({ merchant: 'shop-1', market, updatedAt: UPDATED_AT, object: 'rate_card' });
      }
    }
  });

  it('passes the SDK RateCard schema, card by card', () => {
    for (const card of CARDS) {
      const result = RateCard.safeParse(card);
      expect(result.success, `${card.id}: ${JSON.stringify(result.error?.issues)}`).to.equal(true);
    }
  });

  it('uses readable ids, unique across the catalogue', () => {
    expect(new Set(CARDS.map((card) => card.id)).size).to.equal(CARDS.length);
    expect(new Set(PLANS.map(({ plan }) => plan.id)).size).to.equal(PLANS.length);
    expect(CARDS.map((card) => card.id)).to.include('rc_retailCNY');
    expect(planById('plan_retailCNY12m').card.id).to.equal('rc_retailCNY');
  });

  it('writes every amount with exactly its currency’s decimals', () => {
    for (const { card, plan } of PLANS) {
      const pattern = card.currency === 'JPY' ? /^[1-9]\d*$/ : /^[1-9]\d*\.\d{2}$/;
      for (const money of [plan.minAmount, plan.maxAmount, plan.upfrontFee]) {
        if (money) expect(money.value, plan.id).to.match(pattern);
      }
      expect(parseMoney(plan.minAmount.value, card.currency).minor < parseMoney(plan.maxAmount.value, card.currency).minor, plan.id).to.equal(true);
    }
  });

  it('builds a reconciled schedule for every plan at its minimum, middle and maximum amount', () => {
    for (const { card, plan } of PLANS) {
      for (const amount of amountsOf(plan, card.currency)) {
        const { schedule } = offerOf(card, plan, amount);
        const principal = schedule.instalments.reduce((sum, row) => addMoney(sum, row.principal), moneyFromMinor(0n, card.currency));
        expect(principal, `${plan.id} at ${amount.minor}`).to.deep.equal(amount);
        expect(schedule.instalments).to.have.length(plan.termMonths);
        expect(schedule.instalments.at(-1)?.balance.minor).to.equal(0n);
      }
    }
  });

  it('discloses 0 for every merchant-subsidised plan, and only those are free', () => {
    const subsidised = PLANS.filter(({ plan }) => plan.subsidisedBy === 'merchant');
    expect(subsidised.length).to.be.at.least(20);
    for (const { card, plan } of PLANS) {
      for (const amount of amountsOf(plan, card.currency)) {
        const { annualRate, schedule } = offerOf(card, plan, amount);
        if (plan.subsidisedBy === 'merchant') {
          expect(annualRate.value, plan.id).to.equal(0);
          expect(schedule.totals.costOfCredit.minor).to.equal(0n);
        } else {
          expect(annualRate.value, plan.id).to.be.above(0);
        }
      }
    }
  });

  it('keeps every US APR within 36 %, fees included', () => {
    for (const { card, plan } of PLANS.filter(({ card }) => card.market === 'US')) {
      for (const amount of amountsOf(plan, card.currency)) {
        expect(Number(offerOf(card, plan, amount).annualRate.percent), plan.id).to.be.at.most(36);
      }
    }
  });

  it('discloses each market’s annual rate on its own basis', () => {
    for (const { card, plan } of PLANS) {
      const [amount] = amountsOf(plan, card.currency);
      expect(offerOf(card, plan, amount!).annualRate, plan.id).to.include({ market: card.market, ...DISCLOSURE[card.market] });
    }
  });

  it('offers the kinds of plan each market knows', () => {
    const methods = (currency: string) => new Set(PLANS.filter(({ card }) => card.currency === currency).map(({ plan }) => plan.method));
    expect([...methods('CNY')]).to.include.members(['flat-fee', 'equal-principal', 'annuity']);
    expect(PLANS.some(({ plan }) => plan.method === 'flat-fee' && plan.monthlyFeeRate !== '0')).to.equal(true);
    expect(PLANS.some(({ plan }) => plan.method === 'interest-only')).to.equal(true);
    expect(PLANS.some(({ plan }) => plan.upfrontFee && plan.feeFinanced)).to.equal(true);
    expect(PLANS.some(({ plan }) => plan.upfrontFee && !plan.feeFinanced)).to.equal(true);
    for (const card of CARDS.filter((candidate) => candidate.scenario === 'retail')) {
      const promoTerms = card.plans.filter((plan) => plan.subsidisedBy === 'merchant').map((plan) => plan.termMonths);
      expect(promoTerms, card.id).to.deep.equal([3, 6]);
    }
    for (const { card, plan } of PLANS.filter(({ card }) => card.scenario === 'travel')) {
      expect(plan.termMonths, `${card.id} ${plan.id}`).to.be.within(3, 12);
    }
  });

  it('rounds yen down with the odd yen first on even splits, and half-up with the residual last elsewhere', () => {
    for (const { card, plan } of PLANS) {
      const evenSplit = plan.method === 'flat-fee';
      expect(plan.rounding, plan.id).to.equal(card.market === 'JP' ? 'down' : 'half-up');
      expect(plan.residual, plan.id).to.equal(card.market === 'JP' && evenSplit ? 'first' : 'last');
    }
    const { card, plan } = planById('plan_retailJPY3m');
    const payments = offerOf(card, plan, parseMoney('10000', 'JPY')).schedule.instalments.map((row) => row.payment.minor);
    expect(payments).to.deep.equal([3334n, 3333n, 3333n]);
  });

  it('discloses the published 12-month figures', () => {
    const percentOf = (id: string, value: string) => {
      const { card, plan } = planById(id);
      return offerOf(card, plan, parseMoney(value, card.currency)).annualRate.percent;
    };
    // 0.6 % a month on the original principal is 13.03 % a year (IRR × 12), not 7.2 %.
    expect(percentOf('plan_retailCNY12m', '12000.00')).to.equal('13.03');
    expect(percentOf('plan_retailUSD12m', '1000.00')).to.equal('19.99');
    expect(percentOf('plan_retailGBP12m', '1500.00')).to.equal('19.9');
    expect(percentOf('plan_retailEUR12m', '1000.00')).to.equal('12.0');
    // Truncating each yen of interest leaves the realised 実質年率 just under the contract's 15 %.
    expect(percentOf('plan_retailJPY12m', '100000')).to.equal('14.99');
  });

  it('returns fresh cards on every call', () => {
    const first = defaultRateCards('shop-1', UPDATED_AT);
    first[0]!.plans.length = 0;
    expect(defaultRateCards('shop-1', UPDATED_AT)[0]!.plans).to.have.length.above(0);
  });
});

describe('findRateCards', () => {
  const both = [...defaultRateCards('shop-1', UPDATED_AT), ...defaultRateCards('clinic-7', UPDATED_AT)];

  it('finds the card of a merchant, scenario and currency', () => {
    const found = findRateCards(both, { merchant: 'clinic-7', scenario: 'medical', currency: 'GBP' });
    expect(found.map((card) => [card.id, card.merchant])).to.deep.equal([['rc_medicalGBP', 'clinic-7']]);
  });

  it('matches every merchant when none is given', () => {
    expect(findRateCards(both, { scenario: 'travel', currency: 'EUR' }).map((card) => card.merchant)).to.deep.equal(['shop-1', 'clinic-7']);
  });

  it('finds nothing for a currency or merchant outside the catalogue', () => {
    expect(findRateCards(both, { scenario: 'retail', currency: 'CHF' })).to.deep.equal([]);
    expect(findRateCards(both, { merchant: 'nobody', scenario: 'retail', currency: 'CNY' })).to.deep.equal([]);
  });
});
