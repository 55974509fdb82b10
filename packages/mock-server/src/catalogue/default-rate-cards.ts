import { parseMoney, toDecimalString } from '@fenqi/core';
import type { RateCard, RatePlan } from '@fenqi/sdk';

type Scenario = RateCard['scenario'];
type Market = RateCard['market'];

/** The currencies of the default catalogue, each lent under one market's disclosure rules. */
const MARKETS = { CNY: 'CN', USD: 'US', EUR: 'EU', GBP: 'UK', JPY: 'JP' } as const satisfies Record<string, Market>;
type Currency = keyof typeof MARKETS;

/**
 * How a row repays: a {@link RatePlan} method, or `promo` for a merchant-subsidised 0 % plan (a
 * flat-fee plan without a fee, which @fenqi/core splits as principal ÷ n).
 */
type Kind = RatePlan['method'] | 'promo';

/** A one-off fee in major units; `financed` spreads it over the instalments, otherwise it is paid at the start. */
interface Upfront {
  readonly amount: string;
  readonly financed: boolean;
}

/**
 * One plan of the table. `rate` is the nominal annual rate, except for `flat-fee`, where it is the
 * monthly fee on the original principal (分期手续费). Amounts are in major units of the card's
 * currency; the builder writes them with the currency's exact decimals.
 */
type Row = readonly [termMonths: number, kind: Kind, rate: string, min: string, max: string, upfront?: Upfront];

// Modelled on point-of-sale lenders in each market: Chinese card and consumer-finance 分期 (0 % 免息
// promotions, monthly fees, 等额本金), US pay-over-time loans (0 % to 36 % APR, origination fees),
// EU/UK retail and dental finance (interest-free promotions, representative APRs in the teens),
// and Japanese shopping credit (分割手数料無料 campaigns, 実質年率 around 15 %, lower for
// medical and education loans). Longer terms need larger amounts so the instalments stay sensible.
const TABLE: Record<Scenario, Record<Currency, readonly Row[]>> = {
  // [termMonths, kind, rate (monthly fee for flat-fee), min, max, upfront fee?]
  retail: {
    CNY: [[3, 'promo', '0', '100', '50000'], [6, 'promo', '0', '300', '50000'], [12, 'flat-fee', '0.006', '600', '50000'], [24, 'equal-principal', '0.1188', '1200', '50000']],
    USD: [[3, 'promo', '0', '50', '10000'], [6, 'promo', '0', '100', '10000'], [12, 'annuity', '0.1999', '200', '10000'], [24, 'annuity', '0.2999', '500', '10000']],
    EUR: [[3, 'promo', '0', '60', '5000'], [6, 'promo', '0', '100', '5000'], [12, 'annuity', '0.1139', '200', '5000'], [24, 'annuity', '0.1399', '500', '5000']],
    GBP: [[3, 'promo', '0', '50', '5000'], [6, 'promo', '0', '99', '5000'], [12, 'annuity', '0.1830', '250', '5000'], [24, 'annuity', '0.1830', '500', '5000']],
    JPY: [[3, 'promo', '0', '3000', '500000'], [6, 'promo', '0', '6000', '500000'], [12, 'annuity', '0.15', '12000', '500000'], [24, 'annuity', '0.15', '24000', '500000']],
  },
  travel: {
    CNY: [[3, 'flat-fee', '0.005', '300', '30000'], [6, 'flat-fee', '0.0055', '600', '30000'], [12, 'equal-principal', '0.1299', '1200', '30000']],
    USD: [[3, 'promo', '0', '100', '15000'], [6, 'annuity', '0.1599', '300', '15000'], [12, 'annuity', '0.2499', '500', '15000']],
    EUR: [[3, 'promo', '0', '100', '8000'], [6, 'annuity', '0.0990', '300', '8000'], [12, 'annuity', '0.1290', '600', '8000', { amount: '15', financed: true }]],
    GBP: [[3, 'promo', '0', '100', '8000'], [6, 'annuity', '0.1750', '250', '8000'], [10, 'annuity', '0.1990', '400', '8000'], [12, 'annuity', '0.2190', '500', '8000']],
    JPY: [[3, 'promo', '0', '10000', '800000'], [6, 'annuity', '0.12', '20000', '800000'], [12, 'annuity', '0.12', '30000', '800000']],
  },
  education: {
    CNY: [[6, 'promo', '0', '1000', '80000'], [12, 'flat-fee', '0.0045', '2000', '80000'], [24, 'equal-principal', '0.0899', '3000', '80000'], [36, 'annuity', '0.0999', '6000', '80000']],
    USD: [[6, 'promo', '0', '300', '20000'], [12, 'interest-only', '0.0899', '1000', '20000'], [24, 'annuity', '0.1299', '1500', '20000', { amount: '49', financed: false }], [36, 'annuity', '0.1499', '2000', '20000']],
    EUR: [[10, 'promo', '0', '300', '15000'], [12, 'annuity', '0.0590', '500', '15000'], [24, 'annuity', '0.0690', '1000', '15000'], [36, 'annuity', '0.0790', '1500', '15000']],
    GBP: [[6, 'promo', '0', '250', '15000'], [12, 'annuity', '0.0990', '500', '15000'], [24, 'interest-only', '0.0850', '1000', '15000'], [36, 'annuity', '0.1290', '1500', '15000']],
    JPY: [[6, 'promo', '0', '30000', '2000000'], [12, 'annuity', '0.059', '50000', '2000000'], [24, 'annuity', '0.069', '100000', '2000000'], [36, 'annuity', '0.079', '150000', '2000000']],
  },
  medical: {
    CNY: [[6, 'promo', '0', '500', '100000'], [12, 'flat-fee', '0.0058', '1000', '100000'], [24, 'equal-principal', '0.1099', '2400', '100000']],
    USD: [[6, 'promo', '0', '200', '25000'], [12, 'annuity', '0.1799', '500', '25000'], [24, 'annuity', '0.2499', '1000', '25000']],
    EUR: [[6, 'promo', '0', '250', '20000'], [12, 'annuity', '0.0790', '500', '20000'], [24, 'annuity', '0.0990', '1000', '20000']],
    GBP: [[6, 'promo', '0', '250', '25000'], [12, 'promo', '0', '500', '25000'], [24, 'annuity', '0.0948', '1000', '25000']],
    JPY: [[6, 'promo', '0', '30000', '3000000'], [12, 'annuity', '0.069', '50000', '3000000'], [24, 'annuity', '0.069', '100000', '3000000']],
  },
};

const SCENARIOS = Object.keys(TABLE) as Scenario[];
const CURRENCIES = Object.keys(MARKETS) as Currency[];

/**
 * The default catalogue of the mock bank for one merchant: a rate card for every scenario
 * (`retail`, `travel`, `education`, `medical`) in every currency (CNY, USD, EUR, GBP, JPY), 20 in
 * all, each disclosed under its currency's market (CN, US, EU, UK, JP). Ids are stable and
 * readable (`rc_retailCNY`, `plan_retailCNY12m`) and unique within one merchant's catalogue;
 * every call returns fresh objects, so a caller may change its copy.
 *
 * @example
 * ```ts
 * const cards = defaultRateCards('shop-1', '2026-12-01T00:00:00Z')
 * cards.length                            // 20
 * cards[0]?.plans.map((plan) => plan.id)  // ['plan_retailCNY3m', 'plan_retailCNY6m', 'plan_retailCNY12m', 'plan_retailCNY24m']
 * ```
 */
export function defaultRateCards(merchant: string, updatedAt: string): RateCard[] {
  return SCENARIOS.flatMap((scenario) =>
    CURRENCIES.map((currency): RateCard => {
      const market = MARKETS[currency];
      return {
        id: `rc_${scenario}${currency}`,
        object: 'rate_card',
        merchant,
        scenario,
        currency,
        market,
        plans: TABLE[scenario][currency].map((row) => toPlan(row, `${scenario}${currency}`, currency, market)),
        updatedAt,
      };
    }),
  );
}

/** What {@link findRateCards} matches; an absent `merchant` matches every merchant. */
export interface RateCardFilter {
  readonly merchant?: string;
  readonly scenario: Scenario;
  readonly currency: string;
}

/**
 * The rate cards for a merchant, scenario and currency, in catalogue order (the
 * `GET /v1/products` lookup). An unknown scenario or currency finds nothing rather than throwing.
 *
 * @example
 * ```ts
 * const cards = defaultRateCards('shop-1', '2026-12-01T00:00:00Z')
 * findRateCards(cards, { merchant: 'shop-1', scenario: 'travel', currency: 'EUR' })[0]?.id // 'rc_travelEUR'
 * findRateCards(cards, { scenario: 'travel', currency: 'CHF' })                          // []
 * ```
 */
export function findRateCards(cards: readonly RateCard[], filter: RateCardFilter): RateCard[] {
  return cards.filter(
    (card) => card.scenario === filter.scenario && card.currency === filter.currency && (filter.merchant === undefined || card.merchant === filter.merchant),
  );
}

function toPlan([termMonths, kind, rate, min, max, upfront]: Row, key: string, currency: Currency, market: Market): RatePlan {
  const method = kind === 'promo' ? 'flat-fee' : kind;
  const evenSplit = method === 'flat-fee';
  return {
    id: `plan_${key}${termMonths}m`,
    termMonths,
    method,
    annualRate: method === 'flat-fee' ? '0' : rate,
    monthlyFeeRate: method === 'flat-fee' ? rate : '0',
    ...(upfront ? { upfrontFee: wire(upfront.amount, currency) } : {}),
    feeFinanced: upfront?.financed ?? false,
    minAmount: wire(min, currency),
    maxAmount: wire(max, currency),
    ...(kind === 'promo' ? { subsidisedBy: 'merchant' as const } : {}),
    // Japanese instalment contracts truncate yen (切り捨て) and put the odd yen in the first
    // instalment; @fenqi/core places it first only on even splits, interest-bearing plans settle last.
    rounding: market === 'JP' ? 'down' : 'half-up',
    residual: market === 'JP' && evenSplit ? 'first' : 'last',
  };
}

/** Major units as wire money with exactly the currency's decimals ("100" → "100.00" in CNY). */
function wire(major: string, currency: Currency): RatePlan['minAmount'] {
  return { value: toDecimalString(parseMoney(major, currency)), currency };
}
