import type { PropertyDeclarations, TemplateResult } from 'lit';
import { html } from 'lit';
import { dueDates } from '@fenqi/core';
import type { Offer } from '@fenqi/sdk';
import { FenqiOfferElement } from '../../internal/offer-element.js';
import { formatDay, localToday } from '../../internal/messages.js';
import { scheduleTable } from '../../internal/schedule-table.js';
import type { ScheduleView } from '../../internal/schedule-table.js';
import componentStyles from '../../styles/component.styles.js';
import styles from './schedule.styles.js';

/**
 * @summary An accessible repayment table for one plan: every instalment with its due date,
 * payment, principal, interest, fee and balance, the totals, and the annual rate disclosed for the
 * market. The dates are those of a loan paid out on `start-date` (default: today, where the
 * shopper is), and say so under the table; the amounts do not depend on them.
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
 * @csspart dates-note - The line under the table saying which payout day the dates assume.
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
    startDate: { attribute: 'start-date' },
  };

  /** Id of the plan to show (`plan_…`); defaults to the offer's headline plan (its highest instalment is the lowest). */
  declare plan: string | undefined;
  /** The payout day the due dates assume, YYYY-MM-DD; today (the shopper's) when unset. */
  declare startDate: string | undefined;

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
    const start = this.startDate ?? localToday();
    const day = (isoDay: string) => formatDay(isoDay, this.displayLocale);
    const dated = this.dated(offer.schedule, start);
    return scheduleTable(dated ?? offer.schedule, {
      messages: this.messages,
      money: (money) => this.money(money),
      day,
      rate: { market: offer.annualRate.market, shown: this.percent(offer.annualRate) },
      ...(dated ? { datesNote: this.messages.datesFrom(day(start)) } : {}),
    });
  }

  /** The schedule with the due dates of a loan paid out on `start`; undefined for a day that is no date. */
  private dated(schedule: ScheduleView, start: string): ScheduleView | undefined {
    let dates: string[];
    try {
      dates = dueDates({ startDate: start, termMonths: schedule.termMonths });
    } catch {
      return undefined; // a malformed start-date: the table without dates, never a broken one
    }
    return { ...schedule, instalments: schedule.instalments.map((row, index) => ({ ...row, dueDate: dates[index] })) };
  }
}
