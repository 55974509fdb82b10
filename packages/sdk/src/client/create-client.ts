import type { Money, Schedule } from '@fenqi/core';
import { buildSchedule, disclosedRate, isScheduleError } from '@fenqi/core';
import type { DisclosedRate } from '@fenqi/core';
import type { Application, ApplicationCreate } from '../contract/application.js';
import type { CheckoutSession } from '../contract/checkout-session.js';
import { acceptOfferOperation, createApplicationOperation, createQuoteOperation, listProductsOperation, retrieveApplicationOperation, retrieveCheckoutSessionOperation } from '../contract/operations.js';
import type { Quote, QuoteRequest } from '../contract/quote.js';
import type { RateCard, RateCardList, RatePlan } from '../contract/rate-card.js';
import { ClientSecret, fromWire } from '../contract/primitives.js';
import { ProductsQuery } from '../contract/rate-card.js';
import { toProblemErrors } from '../contract/problem.js';
import { FenqiError } from '../errors/fenqi-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { RequestOptions } from '../http/transport.js';
import { transportForKey } from './keys.js';
import { parseContract } from '../contract/messages.js';

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const fenqi = createClient({ publishableKey: 'pk_test_51Hx…', baseUrl: 'http://localhost:4010' })
 * ```
 */
export interface ClientOptions {
  /** Your publishable key, `pk_test_…` or `pk_live_…`; safe in a browser. */
  readonly publishableKey: string;
  /** The bank's API. @default 'https://api.fenqi.com' for live keys, 'https://sandbox.fenqi.com' for test keys */
  readonly baseUrl?: string;
  /** Per attempt, in milliseconds. @default 10000 */
  readonly timeout?: number;
  /** For a whole call, retries and waits included, in milliseconds. @default 30000 */
  readonly totalTimeout?: number;
  /** Retries after a connection error, a timeout, 408, 429 or 5xx (GET always; POST only with an idempotency key). @default 2 */
  readonly maxRetries?: number;
  /** A fetch to use instead of the global one (tests, instrumentation). @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** The shopper's display language, sent as Accept-Language for localised messages. @default undefined */
  readonly locale?: string;
}

/**
 * One plan computed locally for an amount.
 *
 * @example
 * ```ts
 * for (const offer of offers) {
 *   console.log(offer.plan.termMonths, toDecimalString(offer.schedule.instalments[0]!.payment), `${offer.annualRate.percent} %`)
 * }
 * ```
 */
export interface Offer {
  readonly plan: RatePlan;
  readonly schedule: Schedule;
  readonly annualRate: DisclosedRate;
}

/**
 * Why a plan is not offered for an amount.
 *
 * @example
 * ```ts
 * for (const { plan, reason } of ineligible) {
 *   if (reason === 'below-minimum') hint(`From ${plan.minAmount.value} ${plan.minAmount.currency} in ${plan.termMonths} months`)
 * }
 * ```
 */
export interface IneligiblePlan {
  readonly plan: RatePlan;
  readonly reason: 'below-minimum' | 'above-maximum' | 'currency' | 'amount-too-small';
}

/**
 * The plans of a rate card for one amount.
 *
 * @example
 * ```ts
 * const { offers, ineligible }: Offers = await fenqi.offersFor(parseMoney('4999.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' })
 * offers[0] // the plan whose highest instalment is the lowest
 * ```
 */
export interface Offers {
  readonly rateCard: RateCard;
  readonly amount: Money;
  /**
   * Eligible plans, the lowest largest-instalment first: the first plan's instalments are all at
   * most as high as any other plan's highest one. Ranking by the first payment would put an
   * interest-only plan (small payments, then the whole principal at the end) first, and "from
   * $30/month" would hide a last payment of $4,080.
   */
  readonly offers: readonly Offer[];
  readonly ineligible: readonly IneligiblePlan[];
}

/**
 * The browser-safe client: a publishable key, side-effect free and SSR-safe to import.
 *
 * @example
 * ```ts
 * const { offers } = await fenqi.offersFor(parseMoney('4999.00', 'CNY'), { merchant: 'shop-1', scenario: 'retail' })
 * ```
 */
export interface FenqiClient {
  readonly products: {
    /** The merchant's rate cards; cached per page by ETag and Cache-Control, identical calls coalesced. */
    list(query: ProductsQuery, options?: RequestOptions): Promise<RateCardList>;
  };
  readonly quotes: {
    /** The bank's authoritative plans for an amount. */
    create(request: QuoteRequest, options?: RequestOptions): Promise<Quote>;
  };
  readonly checkoutSessions: {
    /** The checkout session a client secret belongs to: the amount, order and scenario the partner fixed. */
    retrieve(clientSecret: string, options?: RequestOptions): Promise<CheckoutSession>;
  };
  readonly applications: {
    /** Applies with the checkout session's client secret; one idempotency key per call (pass your own to survive a reload). */
    create(request: ApplicationCreate, options?: RequestOptions): Promise<Application>;
    /** The application and its decision. */
    retrieve(id: string, clientSecret: string, options?: RequestOptions): Promise<Application>;
    /** The shopper takes a counter-offer: the answer is the application, now approved for the offered amount. */
    acceptOffer(id: string, clientSecret: string, options?: RequestOptions): Promise<Application>;
  };
  /** Plans for an amount computed locally from the cached rate card with @fenqi/core: no request per amount. */
  offersFor(amount: Money, options: { merchant: string; scenario: ProductsQuery['scenario'] }): Promise<Offers>;
}

interface CacheEntry {
  value?: RateCardList;
  etag?: string | undefined;
  freshUntil: number;
  inFlight?: Promise<RateCardList>;
}

/**
 * Creates the browser client. Throws {@link FenqiError} for a secret key, a malformed key, or a
 * test key against the live API (and the reverse) before any request is made.
 *
 * @example
 * ```ts
 * import { createClient } from '@fenqi/sdk'
 * const fenqi = createClient({ publishableKey: 'pk_test_51HxExample' })
 * const { data } = await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' })
 * ```
 */
export function createClient(options: ClientOptions): FenqiClient {
  if (options === null || typeof options !== 'object') throw new FenqiError('createClient needs options: { publishableKey }.');
  const transport = transportForKey(options.publishableKey, 'pk', options, { timeout: 10_000, totalTimeout: 30_000 });
  if (options.locale !== undefined) {
    try {
      Intl.getCanonicalLocales(options.locale);
    } catch {
      throw new FenqiError(`locale must be a language tag such as "zh-CN", not ${JSON.stringify(options.locale)}.`);
    }
  }
  const headers = options.locale ? { 'accept-language': options.locale } : undefined;
  const input = (rest: { params?: Record<string, string>; query?: unknown; body?: unknown; headers?: Record<string, string> }) => ({ ...rest, headers: { ...headers, ...rest.headers } });
  const cache = new Map<string, CacheEntry>();

  async function listProducts(query: ProductsQuery, requestOptions: RequestOptions = {}): Promise<RateCardList> {
    // Check before the cache, so an invalid query is never answered from it.
    const checked = parseContract(ProductsQuery, query);
    if (!checked.success) throw new ValidationError('request', toProblemErrors(checked.error));
    const key = JSON.stringify([checked.data.merchant, checked.data.scenario, checked.data.currency]);
    const entry = cache.get(key) ?? { freshUntil: 0 };
    cache.set(key, entry);
    if (entry.value && Date.now() < entry.freshUntil) return entry.value;
    // Callers share one request; each keeps its own signal, so one caller's abort fails only that caller.
    entry.inFlight ??= transport
      .conditional<RateCardList>(listProductsOperation, input({ query: checked.data }), entry.value ? entry.etag : undefined)
      .then((result) => {
        if (!result.notModified) entry.value = deepFreeze(result.data);
        entry.etag = result.etag;
        entry.freshUntil = Date.now() + (result.maxAgeSeconds ?? 0) * 1000;
        return entry.value!;
      })
      .finally(() => {
        delete entry.inFlight;
      });
    return untilAborted(entry.inFlight, requestOptions.signal);
  }

  return {
    products: { list: listProducts },
    quotes: {
      create: (request, requestOptions) => transport.call(createQuoteOperation, input({ body: request }), requestOptions),
    },
    checkoutSessions: {
      retrieve: (clientSecret, requestOptions) =>
        withClientSecret(clientSecret, () =>
          // The secret starts with the session's id (cs_…_secret_…), so the browser needs nothing else.
          transport.call(retrieveCheckoutSessionOperation, input({ params: { id: clientSecret.slice(0, clientSecret.indexOf('_secret_')) }, headers: { 'fenqi-client-secret': clientSecret } }), requestOptions),
        ),
    },
    applications: {
      create: (request, requestOptions) => transport.call(createApplicationOperation, input({ body: request }), requestOptions),
      retrieve: (id, clientSecret, requestOptions) =>
        withClientSecret(clientSecret, () => transport.call(retrieveApplicationOperation, input({ params: { id }, headers: { 'fenqi-client-secret': clientSecret } }), requestOptions)),
      acceptOffer: (id, clientSecret, requestOptions) =>
        withClientSecret(clientSecret, () => transport.call(acceptOfferOperation, input({ params: { id }, body: { clientSecret } }), requestOptions)),
    },
    async offersFor(amount, { merchant, scenario }) {
      if (typeof amount?.minor !== 'bigint' || typeof amount.currency !== 'string') throw new FenqiError('offersFor needs an amount of Money, e.g. parseMoney("4999.00", "CNY").');
      const list = await listProducts({ merchant, scenario, currency: amount.currency });
      const rateCard = list.data[0];
      if (!rateCard) throw new FenqiError(`No rate card for ${merchant}, ${scenario}, ${amount.currency}.`);
      return offersFromRateCard(rateCard, amount);
    },
  };
}

/** Runs a call that needs the session's client secret, or rejects at once when it is malformed. */
function withClientSecret<T>(clientSecret: string, call: () => Promise<T>): Promise<T> {
  if (!ClientSecret.safeParse(clientSecret).success) {
    return Promise.reject(new ValidationError('request', [{ pointer: 'clientSecret', detail: 'Pass the checkout session client secret (cs_…_secret_…).' }]));
  }
  return call();
}

/**
 * The plans of a rate card for an amount, computed with @fenqi/core exactly as the bank does.
 *
 * @example
 * ```ts
 * const { offers, ineligible } = offersFromRateCard(rateCard, parseMoney('4999.00', 'CNY'))
 * ```
 */
export function offersFromRateCard(rateCard: RateCard, amount: Money): Offers {
  const offers: Offer[] = [];
  const ineligible: IneligiblePlan[] = [];
  for (const plan of rateCard.plans) {
    if (amount.currency !== rateCard.currency) {
      ineligible.push({ plan, reason: 'currency' });
      continue;
    }
    if (amount.minor < fromWire(plan.minAmount).minor) {
      ineligible.push({ plan, reason: 'below-minimum' });
      continue;
    }
    if (amount.minor > fromWire(plan.maxAmount).minor) {
      ineligible.push({ plan, reason: 'above-maximum' });
      continue;
    }
    try {
      const schedule = buildSchedule({
        principal: amount,
        termMonths: plan.termMonths,
        method: plan.method,
        annualRate: plan.annualRate,
        monthlyFeeRate: plan.monthlyFeeRate,
        ...(plan.upfrontFee ? { upfrontFee: fromWire(plan.upfrontFee) } : {}),
        feeFinanced: plan.feeFinanced,
        rounding: plan.rounding,
        residual: plan.residual,
      });
      offers.push({ plan, schedule, annualRate: disclosedRate(schedule.annualRates, rateCard.market) });
    } catch (error) {
      if (!isScheduleError(error)) throw error;
      if (error.code !== 'amount-too-small') throw new FenqiError(`Plan ${plan.id} of rate card ${rateCard.id} cannot be computed: ${error.message}`, { cause: error });
      ineligible.push({ plan, reason: 'amount-too-small' });
    }
  }
  const ranked = offers.map((offer) => ({ offer, highest: highestPayment(offer.schedule) }));
  ranked.sort((a, b) => compareMinor(a.highest, b.highest) || a.offer.plan.termMonths - b.offer.plan.termMonths);
  return { rateCard, amount, offers: ranked.map(({ offer }) => offer), ineligible };
}

/** The largest instalment of a schedule, in minor units. */
function highestPayment(schedule: Schedule): bigint {
  let highest = 0n;
  for (const { payment } of schedule.instalments) if (payment.minor > highest) highest = payment.minor;
  return highest;
}

function compareMinor(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resolves with `promise`, or rejects as soon as `signal` aborts (the shared work goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new FenqiError('listProducts was cancelled.', { cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new FenqiError('listProducts was cancelled.', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Freezes a cached answer all the way down, so no caller can change what the next one sees. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
