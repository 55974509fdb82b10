import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Money } from '@fenqi/core';
import { toDecimalString } from '@fenqi/core';
import type { FenqiClient, Offers, RateCard } from '@fenqi/sdk';
import { fromWire, isApiError, isNetworkError, isTimeoutError, isValidationError, offersFromRateCard } from '@fenqi/sdk';
import { clientFor, configuration, onConfigurationChange, rememberedRateCards } from '../configure/configure.js';
import type { FenqiErrorDetail } from '../events/fenqi-error.js';
import type { FenqiIneligibleDetail } from '../events/fenqi-ineligible.js';
import { readAmount } from './amount.js';

/** The inputs an element takes from its attributes (any of them may be junk). */
export interface OfferInputs {
  amount: unknown;
  currency: unknown;
  scenario: unknown;
  merchant: unknown;
  publishableKey: unknown;
  apiBase: unknown;
}

/** What an element shows. */
export type OfferState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly offers: Offers }
  | { readonly status: 'ineligible'; readonly detail: FenqiIneligibleDetail }
  | { readonly status: 'error'; readonly detail: FenqiErrorDetail };

const SCENARIOS = ['retail', 'travel', 'education', 'medical'] as const;

/**
 * Turns an element's inputs into plans, the same way for every element: the rate card is fetched
 * once per client and query (the SDK caches and coalesces it for the whole page), and the plans
 * for an amount are computed locally with @fenqi/core, synchronously, inside the element's update.
 * Changing the amount therefore costs no request and cannot race (B01); only a change of
 * merchant, scenario, currency or key loads a rate card, and an answer to a superseded load is
 * dropped, its abort swallowed (B48).
 */
export class OfferSource implements ReactiveController {
  state: OfferState = { status: 'loading' };
  private loaded?: { readonly client: FenqiClient; readonly query: string };
  private loadError?: FenqiErrorDetail;
  private sequence = 0;
  private abort?: AbortController;
  private unsubscribe?: () => void;
  private memo?: { readonly card: RateCard; readonly amount: Money; readonly offers: Offers };

  constructor(private readonly host: ReactiveControllerHost & OfferInputs) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onConfigurationChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    // Only this element stops waiting: the SDK lets other placements share the request.
    this.abort?.abort();
    delete this.loaded;
  }

  /** Recomputes {@link state} from the inputs; call it from `willUpdate`. */
  refresh(): OfferState {
    this.state = this.compute();
    return this.state;
  }

  private compute(): OfferState {
    const host = this.host;
    const config = configuration();
    const currency = host.currency ?? config.currency;
    const reading = readAmount(host.amount, currency);
    if (!reading.ok) return this.stop(reading.error);
    const amount = reading.money;

    const publishableKey = host.publishableKey || config.publishableKey;
    const merchant = host.merchant || config.merchant;
    const scenario = host.scenario || config.scenario || 'retail';
    const apiBase = host.apiBase || config.apiBase;
    if (!publishableKey || !merchant) {
      return this.stop({ reason: 'configuration-missing', message: 'Set publishable-key and merchant on the element, or call configure({ publishableKey, merchant }).' });
    }
    if (typeof publishableKey !== 'string' || typeof merchant !== 'string' || (apiBase !== undefined && typeof apiBase !== 'string')) {
      return this.stop({ reason: 'configuration-invalid', message: 'publishable-key, merchant and api-base must be strings.' });
    }
    if (!SCENARIOS.includes(scenario as (typeof SCENARIOS)[number])) {
      return this.stop({ reason: 'configuration-invalid', message: `scenario must be one of ${SCENARIOS.join(', ')}.` });
    }
    let client: FenqiClient;
    try {
      client = clientFor(publishableKey, apiBase, config.fetch);
    } catch (error) {
      return this.stop({ reason: 'configuration-invalid', message: messageOf(error) });
    }

    const query = JSON.stringify([merchant, scenario, amount.currency]);
    const cards = rememberedRateCards(client);
    if (this.loaded?.client !== client || this.loaded.query !== query) {
      this.loaded = { client, query };
      delete this.loadError;
      this.load(client, query, { merchant, scenario: scenario as (typeof SCENARIOS)[number], currency: amount.currency }, cards);
    }
    const card = cards.get(query);
    if (card === undefined) return this.loadError ? { status: 'error', detail: this.loadError } : { status: 'loading' };
    if (card === null) return { status: 'ineligible', detail: { reason: 'unsupported-currency', amount: toDecimalString(amount), currency: amount.currency } };

    let offers: Offers;
    try {
      offers = this.offersFor(card, amount);
    } catch (error) {
      return { status: 'error', detail: { reason: 'unexpected', message: messageOf(error) } };
    }
    if (offers.offers.length > 0) return { status: 'ready', offers };
    return { status: 'ineligible', detail: ineligibility(card, amount) };
  }

  private offersFor(card: RateCard, amount: Money): Offers {
    const memo = this.memo;
    if (memo && memo.card === card && memo.amount.minor === amount.minor && memo.amount.currency === amount.currency) return memo.offers;
    const offers = offersFromRateCard(card, amount);
    this.memo = { card, amount, offers };
    return offers;
  }

  /** An input error: nothing is loaded and nothing in flight may land afterwards. */
  private stop(detail: FenqiErrorDetail): OfferState {
    this.sequence++;
    this.abort?.abort();
    delete this.loaded;
    return { status: 'error', detail };
  }

  private load(client: FenqiClient, query: string, productsQuery: { merchant: string; scenario: (typeof SCENARIOS)[number]; currency: string }, cards: Map<string, RateCard | null>): void {
    const sequence = ++this.sequence;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    // Asked even when a card is remembered: the SDK answers from its cache while fresh, and
    // revalidates with If-None-Match once it is not.
    client.products.list(productsQuery, { signal: abort.signal }).then(
      (list) => {
        const card = list.data[0] ?? null;
        const changed = cards.get(query) !== card;
        cards.set(query, card);
        // Another placement may have stored the same card first; re-render if this one still waits.
        if (sequence === this.sequence && (changed || this.state.status === 'loading')) this.host.requestUpdate();
      },
      (error: unknown) => {
        // A superseded or aborted load is nobody's business (B48).
        if (sequence !== this.sequence || abort.signal.aborted) return;
        // A remembered card stays on screen when revalidating it fails.
        if (cards.get(query) !== undefined) return;
        this.loadError = errorDetail(error);
        this.host.requestUpdate();
      },
    );
  }
}

function ineligibility(card: RateCard, amount: Money): FenqiIneligibleDetail {
  const base = { amount: toDecimalString(amount), currency: amount.currency };
  if (card.plans.length === 0 || card.currency !== amount.currency) return { reason: 'unsupported-currency', ...base };
  const mins = card.plans.map((plan) => fromWire(plan.minAmount).minor);
  const maxes = card.plans.map((plan) => fromWire(plan.maxAmount).minor);
  const min = mins.reduce((a, b) => (b < a ? b : a));
  const max = maxes.reduce((a, b) => (b > a ? b : a));
  const range = { minAmount: toDecimalString({ minor: min, currency: card.currency }), maxAmount: toDecimalString({ minor: max, currency: card.currency }) };
  const reason = amount.minor < min ? 'below-minimum' : amount.minor > max ? 'above-maximum' : 'amount-too-small';
  return { reason, ...base, ...range };
}

function errorDetail(error: unknown): FenqiErrorDetail {
  if (isTimeoutError(error)) return { reason: 'timeout', message: messageOf(error) };
  if (isNetworkError(error)) return { reason: 'network', message: messageOf(error) };
  if (isApiError(error)) return { reason: 'api', code: String(error.status), message: messageOf(error) };
  if (isValidationError(error)) return { reason: 'configuration-invalid', message: messageOf(error) };
  return { reason: 'unexpected', message: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Unknown error.';
}
