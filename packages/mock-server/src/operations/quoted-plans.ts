import { compareMoney, toDecimalString } from '@fenqi/core';
import type { Instalment, Money } from '@fenqi/core';
import { offersFromRateCard } from '@fenqi/sdk';
import type { Offer, QuotedPlan, RateCard, RatePlan, WireInstalment, WireMoney } from '@fenqi/sdk';

/**
 * Money as it goes on the wire.
 *
 * @example
 * ```ts
 * wire(parseMoney('4999.00', 'CNY')) // { value: '4999.00', currency: 'CNY' }
 * ```
 */
export function wire(money: Money): WireMoney {
  return { value: toDecimalString(money), currency: money.currency };
}

/** One row of a schedule on the wire. */
export function wireInstalment(row: Instalment): WireInstalment {
  return {
    number: row.number,
    ...(row.dueDate ? { dueDate: row.dueDate } : {}),
    payment: wire(row.payment),
    principal: wire(row.principal),
    interest: wire(row.interest),
    fee: wire(row.fee),
    balance: wire(row.balance),
  };
}

/**
 * A plan with its full schedule for one amount, computed exactly as the SDK and the widget compute
 * it (`offersFromRateCard`), so the bank's numbers and the page's numbers cannot differ.
 */
export function toQuotedPlan(offer: Offer): QuotedPlan {
  const { schedule } = offer;
  return {
    planId: offer.plan.id,
    termMonths: schedule.termMonths,
    method: schedule.method,
    instalments: schedule.instalments.map(wireInstalment),
    totals: {
      payment: wire(schedule.totals.payment),
      principal: wire(schedule.totals.principal),
      interest: wire(schedule.totals.interest),
      fees: wire(schedule.totals.fees),
      costOfCredit: wire(schedule.totals.costOfCredit),
    },
    upfrontFee: wire(schedule.upfrontFee),
    annualRate: { market: offer.annualRate.market, basis: offer.annualRate.basis, percent: offer.annualRate.percent },
  };
}

/** The offer of one plan for an amount, or why there is none. */
export function offerFor(card: RateCard, plan: RatePlan, amount: Money): Offer | { reason: string } {
  const { offers, ineligible } = offersFromRateCard({ ...card, plans: [plan] }, amount);
  return offers[0] ?? { reason: ineligible[0]?.reason ?? 'unavailable' };
}

/** The largest instalment of an offer: what affordability is judged on. */
export function largestPayment(offer: Offer): Money {
  return offer.schedule.instalments.reduce((largest, row) => (compareMoney(row.payment, largest) > 0 ? row.payment : largest), offer.schedule.instalments[0]!.payment);
}

const RATE_SCALE = 12;

/**
 * The sum of two decimal rate strings, exactly ("0.129" + "0.02" = "0.149"): a risk-priced plan is
 * the rate card's plan with the tier's add-on.
 *
 * @example
 * ```ts
 * addRates('0.129', '0.02') // "0.149"
 * ```
 */
export function addRates(a: string, b: string): string {
  const scaled = (rate: string) => {
    const [whole = '0', fraction = ''] = rate.split('.');
    return BigInt(whole + fraction.padEnd(RATE_SCALE, '0'));
  };
  const digits = (scaled(a) + scaled(b)).toString().padStart(RATE_SCALE + 1, '0');
  const whole = digits.slice(0, -RATE_SCALE);
  const fraction = digits.slice(-RATE_SCALE).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The plan an applicant is approved on: interest-bearing plans carry the tier's rate add-on; a
 * merchant-subsidised 0 % plan and a flat monthly-fee plan keep the advertised price.
 */
export function riskPricedPlan(plan: RatePlan, rateAddOn: string): RatePlan {
  const interestBearing = plan.method !== 'flat-fee' && !plan.subsidisedBy && Number(plan.annualRate) > 0;
  return interestBearing && Number(rateAddOn) > 0 ? { ...plan, annualRate: addRates(plan.annualRate, rateAddOn) } : plan;
}
