import { expect } from 'chai';
import { dueDates, formatMoney } from '@fenqi/core';
import { createClient, fromWire } from '@fenqi/sdk';
import { axeViolations, browserOnly, cleanup, fixture, KEY, settled, setupBank, shownText } from '../../test-support/widget-fixture.js';
import type FenqiSchedule from './schedule.component.js';
import './schedule.js';

describe('<fenqi-schedule>', () => {
  before(browserOnly);
  afterEach(cleanup);

  it('passes axe', async () => {
    setupBank();
    const schedule = await settled(await fixture<FenqiSchedule>('<fenqi-schedule amount="4999.00" currency="CNY" plan="plan_retailCNY12m"></fenqi-schedule>'));
    expect(await axeViolations(schedule)).to.deep.equal([]);
  });

  it('has documented defaults', () => {
    const schedule = document.createElement('fenqi-schedule');
    expect(schedule.plan).to.equal(undefined);
    expect(schedule.startDate).to.equal(undefined);
    expect(schedule.status).to.equal('loading');
  });

  for (const [scenario, value, currency, planId] of [
    ['retail', '4999.00', 'CNY', 'plan_retailCNY12m'],
    ['retail', '4999.00', 'CNY', 'plan_retailCNY24m'],
    ['retail', '1234.56', 'USD', 'plan_retailUSD24m'],
    ['travel', '2345.67', 'EUR', 'plan_travelEUR12m'],
    ['retail', '120000', 'JPY', 'plan_retailJPY12m'],
  ] as const) {
    it(`shows every row, the totals and the rate exactly as the bank quotes ${planId} for ${value} ${currency}`, async () => {
      const bank = setupBank();
      const schedule = await settled(await fixture<FenqiSchedule>(`<fenqi-schedule amount="${value}" currency="${currency}" scenario="${scenario}" plan="${planId}" locale="en-US" start-date="2026-01-31"></fenqi-schedule>`));
      const quote = await createClient({ publishableKey: KEY, fetch: bank.fetch }).quotes.create({ merchant: 'shop-1', scenario, amount: { value, currency } });
      const plan = quote.plans.find((candidate) => candidate.planId === planId)!;
      const money = (wire: { value: string; currency: string }) => formatMoney(fromWire(wire), 'en-US');
      const rows = [...schedule.shadowRoot!.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
      const due = dueDates({ startDate: '2026-01-31', termMonths: plan.termMonths }).map((day) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)));
      expect(due[0]).to.equal('Feb 28, 2026'); // a month after payout, at the month's end
      expect(rows).to.deep.equal(plan.instalments.map((row, index) => [String(row.number), due[index], money(row.payment), money(row.principal), money(row.interest), money(row.fee), money(row.balance)]));
      const footer = [...schedule.shadowRoot!.querySelectorAll('tfoot td')].map((cell) => cell.textContent!.trim());
      expect(footer[1]).to.equal(money(plan.totals.payment));
      expect(footer[2]).to.equal(money(plan.totals.principal));
      expect(footer[3]).to.equal(money(plan.totals.interest));
      expect(schedule.shadowRoot!.querySelector('[part="dates-note"]')!.textContent).to.equal('Due dates for a loan paid out on Jan 31, 2026.');
      const summary = schedule.shadowRoot!.querySelector('dl')!.textContent!;
      expect(summary).to.include(money(plan.totals.costOfCredit));
      expect(summary).to.include(`${plan.annualRate.percent}%`);
      expect(schedule.shadowRoot!.querySelector('caption')!.textContent).to.include(`${plan.termMonths} months`);
    });
  }

  it('dates a schedule from today where the shopper is, unless told the payout day; a bad day leaves the dates out, nothing else', async () => {
    setupBank();
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const schedule = await settled(await fixture<FenqiSchedule>('<fenqi-schedule amount="4999.00" currency="CNY" locale="zh-CN"></fenqi-schedule>'));
    const firstDue = () => schedule.shadowRoot!.querySelector('tbody tr td')!.textContent!.trim();
    const zhDay = (day: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    expect(firstDue()).to.equal(zhDay(dueDates({ startDate: today, termMonths: 1 })[0]!));
    expect(schedule.shadowRoot!.querySelector('[part="dates-note"]')!.textContent).to.equal(`还款日按 ${zhDay(today)} 放款计算。`);
    const withDates = [...schedule.shadowRoot!.querySelectorAll('thead th')].length;
    schedule.startDate = '2026-02-30';
    await schedule.updateComplete;
    expect([...schedule.shadowRoot!.querySelectorAll('thead th')].length).to.equal(withDates - 1);
    expect(schedule.shadowRoot!.querySelector('[part="dates-note"]')).to.equal(null);
    expect(shownText(schedule)).not.to.match(/NaN|undefined|Invalid/);
  });

  it('has a caption, column headers and row headers for screen readers', async () => {
    setupBank();
    const schedule = await settled(await fixture<FenqiSchedule>('<fenqi-schedule amount="4999.00" currency="CNY" locale="zh-CN"></fenqi-schedule>'));
    const root = schedule.shadowRoot!;
    expect(root.querySelector('caption')!.textContent).to.match(/^还款计划：¥4,999\.00，分 \d+ 期$/);
    expect([...root.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect([...root.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    expect(shownText(schedule)).not.to.match(/NaN|undefined|\[object Object\]/);
  });
});
