import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { DisclosedRate, Money } from '@fenqi/core';
import { formatMoney, toDecimalString } from '@fenqi/core';
import { configuration } from '../configure/configure.js';
import type { Messages, SupportedLocale } from './messages.js';
import { formatPercent, messagesFor, resolveLocale } from './messages.js';
import { FenqiElement } from './fenqi-element.js';
import type { OfferState } from './offer-source.js';
import { OfferSource } from './offer-source.js';

/**
 * Where an element is: `loading` (size reserved), `ready`, `ineligible` or `error` (safe state).
 *
 * @example
 * ```ts
 * if (offer.status === 'ready') offer.show()
 * ```
 */
export type FenqiStatus = OfferState['status'];

/**
 * The inputs and life cycle every offer-showing element shares: the attributes, the
 * rate-card source, the reflected `status`, the display locale, and the `fenqi-ready` /
 * `fenqi-ineligible` / `fenqi-error` events, each fired once per new outcome.
 *
 * @example
 * ```ts
 * const placements = document.querySelectorAll<FenqiOfferElement>('fenqi-offer, fenqi-plans, fenqi-schedule')
 * for (const placement of placements) placement.amount = '5200.00'
 * ```
 */
export abstract class FenqiOfferElement extends FenqiElement {
  static override properties: PropertyDeclarations = {
    amount: {},
    currency: {},
    scenario: {},
    merchant: {},
    locale: {},
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    status: { reflect: true },
  };

  protected readonly source = new OfferSource(this);
  protected displayLocale: SupportedLocale = 'en-US';
  protected messages: Messages = messagesFor('en-US');
  private lastOutcome = '';

  /** The price, a decimal string in major units with at most the currency's decimals (`"4999.00"`, `"500"` for JPY). */
  declare amount: string | undefined;
  /** ISO 4217 code of `amount` (`CNY`, `USD`, `EUR`, `GBP`, `JPY`); defaults to configure({ currency }). */
  declare currency: string | undefined;
  /** Which rate cards: `retail`, `travel`, `education` or `medical`. @default configure({ scenario }), else 'retail' */
  declare scenario: string | undefined;
  /** Your merchant id at the bank; defaults to configure({ merchant }). */
  declare merchant: string | undefined;
  /** Display language (`zh-CN`, `en-US`, `en-GB`, `ja-JP`), independent of the market; defaults to configure({ locale }), the nearest `lang`, then the browser's. */
  declare locale: string | undefined;
  /** Your publishable key (`pk_…`); defaults to configure({ publishableKey }). */
  declare publishableKey: string | undefined;
  /** The bank's API origin; defaults to configure({ apiBase }), then the SDK's default for the key. */
  declare apiBase: string | undefined;
  /** Read-only, reflected: `loading`, `ready`, `ineligible` or `error`. */
  declare status: FenqiStatus;

  constructor() {
    super();
    this.status = 'loading';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.displayLocale = resolveLocale(this, this.locale, configuration().locale);
    this.messages = messagesFor(this.displayLocale);
    this.status = this.source.refresh().status;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.source.state;
    if (state.status === 'loading') return;
    const outcome =
      state.status === 'ready'
        ? `ready ${toDecimalString(state.offers.amount)} ${state.offers.amount.currency} ${state.offers.rateCard.id} ${state.offers.offers.map((offer) => offer.plan.id).join()}`
        : state.status === 'ineligible'
          ? `ineligible ${state.detail.reason} ${state.detail.amount} ${state.detail.currency}`
          : `error ${state.detail.reason} ${state.detail.code ?? ''} ${state.detail.message}`;
    if (outcome === this.lastOutcome) return;
    this.lastOutcome = outcome;
    if (state.status === 'ready') {
      const first = state.offers.offers[0]!;
      this.emit('fenqi-ready', {
        amount: toDecimalString(state.offers.amount),
        currency: state.offers.amount.currency,
        planId: first.plan.id,
        termMonths: first.plan.termMonths,
        payment: toDecimalString(first.schedule.instalments[0]!.payment),
        annualRate: { percent: first.annualRate.percent, basis: first.annualRate.basis, market: first.annualRate.market },
        plans: state.offers.offers.length,
      });
    } else if (state.status === 'ineligible') {
      this.emit('fenqi-ineligible', state.detail);
    } else {
      this.emit('fenqi-error', state.detail);
    }
  }

  /** Money for people, in the display locale, with the currency's ISO decimals. */
  protected money(money: Money): string {
    return formatMoney(money, this.displayLocale);
  }

  /** The disclosed rate with its market's name: "APR 13.0%", "年化利率 13.03%". */
  protected rate(rate: DisclosedRate): string {
    return `${this.messages.rateLabel(rate.market)} ${this.percent(rate)}`;
  }

  /** The disclosed percentage alone, digits exactly as disclosed: "13.0%". */
  protected percent(rate: DisclosedRate): string {
    return formatPercent(rate.percent, rate.decimals, this.displayLocale);
  }
}
