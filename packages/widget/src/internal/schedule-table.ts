import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { Money, RateMarket } from '@fenqi/core';
import { addMoney, subtractMoney } from '@fenqi/core';
import type { Messages } from './messages.js';

/** A repayment schedule in exact money: one computed from a rate card, or the bank's approved plan. */
export interface ScheduleView {
  readonly termMonths: number;
  readonly principal: Money;
  readonly upfrontFee: Money;
  readonly instalments: readonly { readonly number: number; readonly dueDate?: string | undefined; readonly payment: Money; readonly principal: Money; readonly interest: Money; readonly fee: Money; readonly balance: Money }[];
  readonly totals: { readonly payment: Money; readonly principal: Money; readonly interest: Money; readonly fees: Money; readonly costOfCredit: Money };
}

/** How the surrounding element writes money and the disclosed rate in its display locale. */
export interface ScheduleFormat {
  readonly messages: Messages;
  money(money: Money): string;
  /** A due date (YYYY-MM-DD) for people. */
  day(isoDay: string): string;
  readonly rate: { readonly market: RateMarket; readonly shown: string };
  /** A line under the table about its dates (an offer's are those of a loan paid out today). */
  readonly datesNote?: string;
}

/**
 * The repayment table and its summary (totals, cost of credit, the disclosed rate), shared by
 * `<fenqi-schedule>` and the checkout's approved plan so both read the same. Styled by
 * schedule.styles.ts.
 */
export function scheduleTable(schedule: ScheduleView, format: ScheduleFormat): TemplateResult {
  const { messages: m, money } = format;
  const dated = schedule.instalments.some((row) => row.dueDate !== undefined);
  const instalmentFees = subtractMoney(schedule.totals.fees, schedule.upfrontFee);
  const caption = m.scheduleCaption(schedule.termMonths, money(schedule.principal));
  return html`
    <div part="base" class="schedule">
      <!-- A region that may scroll sideways (a phone, a long term): focusable, so keys can scroll it. -->
      <div class="schedule__scroller" tabindex="0" role="group" aria-label=${caption}>
        <table part="table" class="schedule__table">
          <caption part="caption" class="schedule__caption">${caption}</caption>
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
                ${dated ? html`<td>${row.dueDate ? format.day(row.dueDate) : ''}</td>` : nothing}
                <td>${money(row.payment)}</td>
                <td>${money(row.principal)}</td>
                <td>${money(row.interest)}</td>
                <td>${money(row.fee)}</td>
                <td>${money(row.balance)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${m.totals}</th>
              ${dated ? html`<td></td>` : nothing}
              <td>${money(schedule.totals.payment)}</td>
              <td>${money(schedule.totals.principal)}</td>
              <td>${money(schedule.totals.interest)}</td>
              <td>${money(instalmentFees)}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl part="summary" class="schedule__summary">
        ${schedule.upfrontFee.minor > 0n ? html`<dt>${m.upfrontFee}</dt><dd>${money(schedule.upfrontFee)}</dd>` : nothing}
        <dt>${m.totalToRepay}</dt>
        <dd>${money(addMoney(schedule.totals.payment, schedule.upfrontFee))}</dd>
        <dt>${m.costOfCredit}</dt>
        <dd>${money(schedule.totals.costOfCredit)}</dd>
        <dt>${m.rateLabel(format.rate.market)}</dt>
        <dd>${format.rate.shown}</dd>
      </dl>
      ${format.datesNote ? html`<p part="dates-note" class="schedule__note">${format.datesNote}</p>` : nothing}
    </div>
  `;
}
