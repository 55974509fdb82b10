import type { PropertyDeclarations, TemplateResult } from 'lit';
import { html } from 'lit';
import type { Offer } from '@fenqi/sdk';
import { FenqiOfferElement } from '../../internal/offer-element.js';
import { scheduleTable } from '../../internal/schedule-table.js';
import componentStyles from '../../styles/component.styles.js';
import styles from './schedule.styles.js';

/**
 * @summary An accessible repayment table for one plan: every instalment with its payment,
 * principal, interest, fee and balance, the totals, and the annual rate disclosed for the market.
 * @since 0.1.0
 * @status experimental
 *
 * @event fenqi-ready - The schedule is on screen (again after the amount changes).
 * @event fenqi-ineligible - No plan for this amount or currency; detail `{ reason, amount, currency, minAmount?, maxAmount? }`.
 * @event fenqi-error - Invalid input or the bank could not be reached; detail `{ reason, code?, message }`.
 *
 * @example
 * ```html
 * <fenqi-schedule amount="4999.00" currency="CNY" plan="plan_retailCNY12m"></fenqi-schedule>
 * ```
 *
 * @csspart base - The wrapper.
 * @csspart table - The `<table>`.
 * @csspart caption - Its caption.
 * @csspart summary - The totals and the disclosed rate below the table.
 * @csspart unavailable - The "not available" line shown instead of a table.
 *
 * @cssproperty --fenqi-color-text - Text colour.
 * @cssproperty --fenqi-color-muted - Headers and labels.
 * @cssproperty --fenqi-color-border - Row rules.
 * @cssproperty --fenqi-line-height - Line height. Default 1.5.
 */
export default class FenqiSchedule extends FenqiOfferElement {
  /** Adopted stylesheets (no inline styles, so a strict CSP needs no exception). */
  static override styles = [componentStyles, styles];
  static override properties: PropertyDeclarations = {
    plan: {},
  };

  /** Id of the plan to show (`plan_…`); defaults to the plan with the lowest monthly payment. */
  declare plan: string | undefined;

  private selectedOffer(): Offer | undefined {
    const state = this.source.state;
    if (state.status !== 'ready') return undefined;
    return state.offers.offers.find((offer) => offer.plan.id === this.plan) ?? state.offers.offers[0];
  }

  override render(): TemplateResult {
    const state = this.source.state;
    const offer = this.selectedOffer();
    if (state.status === 'loading') {
      return html`<div part="base" aria-busy="true"><span class="visually-hidden">${this.messages.loading}</span></div>`;
    }
    if (!offer) return html`<div part="base"><p part="unavailable" class="schedule__unavailable">${this.messages.unavailable}</p></div>`;
    return scheduleTable(offer.schedule, { messages: this.messages, money: (money) => this.money(money), rate: { market: offer.annualRate.market, shown: this.percent(offer.annualRate) } });
  }
}
