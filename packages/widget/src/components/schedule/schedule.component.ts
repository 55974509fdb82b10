import type { PropertyDeclarations, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { subtractMoney, addMoney } from '@fenqi/core';
import type { Offer } from '@fenqi/sdk';
import { FenqiOfferElement } from '../../internal/offer-element.js';
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
    const { schedule } = offer;
    const m = this.messages;
    const dated = schedule.instalments.some((row) => row.dueDate !== undefined);
    const instalmentFees = subtractMoney(schedule.totals.fees, schedule.upfrontFee);
    return html`
      <div part="base" class="schedule">
        <div class="schedule__scroller">
          <table part="table" class="schedule__table">
            <caption part="caption" class="schedule__caption">${m.scheduleCaption(schedule.termMonths, this.money(schedule.principal))}</caption>
            <thead>
              <tr>
                <th scope="col">${m.columns.number}</th>
                ${dated ? html`<th scope="col">${m.columns.due}</th>` : nothing}
                <th scope="col">${m.columns.payment}</th>
                <th scope="col">${m.columns.principal}</th>
                <th scope="col">${m.columns.interest}</th>
                <th scope="col">${m.columns.fee}</th>
                <th scope="col">${m.columns.balance}</th>
              </tr>
            </thead>
            <tbody>
              ${schedule.instalments.map(
                (row) => html`<tr>
                  <th scope="row">${row.number}</th>
                  ${dated ? html`<td>${row.dueDate ?? ''}</td>` : nothing}
                  <td>${this.money(row.payment)}</td>
                  <td>${this.money(row.principal)}</td>
                  <td>${this.money(row.interest)}</td>
                  <td>${this.money(row.fee)}</td>
                  <td>${this.money(row.balance)}</td>
                </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">${m.totals}</th>
                ${dated ? html`<td></td>` : nothing}
                <td>${this.money(schedule.totals.payment)}</td>
                <td>${this.money(schedule.totals.principal)}</td>
                <td>${this.money(schedule.totals.interest)}</td>
                <td>${this.money(instalmentFees)}</td>
                <td></td>
              </tr>
            </tfoot>
          </table>
        </div>
        <dl part="summary" class="schedule__summary">
          ${schedule.upfrontFee.minor > 0n ? html`<dt>${m.upfrontFee}</dt><dd>${this.money(schedule.upfrontFee)}</dd>` : nothing}
          <dt>${m.totalToRepay}</dt>
          <dd>${this.money(addMoney(schedule.totals.payment, schedule.upfrontFee))}</dd>
          <dt>${m.costOfCredit}</dt>
          <dd>${this.money(schedule.totals.costOfCredit)}</dd>
          <dt>${m.rateLabel(offer.annualRate.market)}</dt>
          <dd>${this.percent(offer.annualRate)}</dd>
        </dl>
      </div>
    `;
  }
}
