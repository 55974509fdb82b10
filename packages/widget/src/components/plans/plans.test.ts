import { expect } from 'chai';
import { formatMoney } from '@fenqi/core';
import { createClient, fromWire } from '@fenqi/sdk';
import type { FenqiSelectDetail } from '../../events/events.js';
import { axeViolations, browserOnly, cleanup, fixture, KEY, settled, setupBank, shownText } from '../../test-support/widget-fixture.js';
import type FenqiPlans from './plans.component.js';
import './plans.js';

describe('<fenqi-plans>', () => {
  before(browserOnly);
  afterEach(cleanup);

  it('passes axe', async () => {
    setupBank();
    const plans = await settled(await fixture<FenqiPlans>('<fenqi-plans amount="4999.00" currency="CNY"></fenqi-plans>'));
    expect(await axeViolations(plans)).to.deep.equal([]);
  });

  it('has documented defaults', () => {
    const plans = document.createElement('fenqi-plans');
    expect(plans.name).to.equal('');
    expect(plans.value).to.equal('');
    expect(plans.required).to.equal(false);
    expect(plans.status).to.equal('loading');
  });

  it('lists every plan the bank quotes, with the same payments', async () => {
    const bank = setupBank();
    const plans = await settled(await fixture<FenqiPlans>('<fenqi-plans amount="4999.00" currency="CNY" locale="en-US"></fenqi-plans>'));
    const quote = await createClient({ publishableKey: KEY, fetch: bank.fetch }).quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
    const labels = [...plans.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.replace(/\s+/g, ' '));
    expect(labels).to.have.length(quote.plans.length);
    for (const plan of quote.plans) {
      const label = labels.find((text) => text.startsWith(` ${plan.termMonths} months`) || text.startsWith(`${plan.termMonths} months`));
      expect(label, `${plan.termMonths} months`).to.be.a('string');
      expect(label).to.include(formatMoney(fromWire(plan.instalments[0]!.payment), 'en-US'));
    }
  });

  it('B20: submits the chosen plan, blocks a required empty choice, resets to the default', async () => {
    setupBank();
    const form = await fixture<HTMLFormElement>('<form><fenqi-plans name="plan" required amount="4999.00" currency="CNY"></fenqi-plans><button>Buy</button></form>');
    const plans = await settled(form.querySelector('fenqi-plans')!);
    expect(plans.form).to.equal(form);
    expect(new FormData(form).get('plan')).to.equal(null);
    expect(plans.validity.valueMissing).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    form.requestSubmit();
    expect(submitted, 'required blocks submission').to.equal(0);

    const six = [...plans.shadowRoot!.querySelectorAll('input')].find((input) => input.value.endsWith('6m'))!;
    six.click();
    await plans.updateComplete;
    expect(plans.value).to.equal('plan_retailCNY6m');
    expect(new FormData(form).get('plan')).to.equal('plan_retailCNY6m');
    expect(plans.validity.valid).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.equal(1);

    form.reset();
    await plans.updateComplete;
    expect(plans.value).to.equal('');
    expect(new FormData(form).get('plan')).to.equal(null);
    expect([...plans.shadowRoot!.querySelectorAll('input')].some((input) => input.checked)).to.equal(false);
  });

  it('resets to its value attribute, and does not submit a plan the new amount no longer allows', async () => {
    setupBank();
    const form = await fixture<HTMLFormElement>('<form><fenqi-plans name="plan" value="plan_retailCNY3m" amount="4999.00" currency="CNY"></fenqi-plans></form>');
    const plans = await settled(form.querySelector('fenqi-plans')!);
    expect(new FormData(form).get('plan')).to.equal('plan_retailCNY3m');
    plans.value = 'plan_retailCNY24m';
    await plans.updateComplete;
    form.reset();
    await plans.updateComplete;
    expect(plans.value).to.equal('plan_retailCNY3m');
    plans.value = 'plan_retailCNY24m';
    plans.amount = '700.00'; // below the 24-month plan's minimum of 1200
    await plans.updateComplete;
    expect(new FormData(form).get('plan')).to.equal(null);
  });

  it('fires change and fenqi-select on a user choice only, never when value is set from code', async () => {
    setupBank();
    const plans = await settled(await fixture<FenqiPlans>('<fenqi-plans amount="4999.00" currency="CNY"></fenqi-plans>'));
    const changes: Event[] = [];
    const selects: FenqiSelectDetail[] = [];
    plans.addEventListener('change', (event) => changes.push(event));
    plans.addEventListener('fenqi-select', (event) => selects.push(event.detail));
    plans.value = 'plan_retailCNY12m';
    await plans.updateComplete;
    plans.amount = '5000.00';
    await plans.updateComplete;
    expect(changes).to.have.length(0);
    plans.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]:not(:checked)')!.click();
    await plans.updateComplete;
    expect(changes).to.have.length(1);
    expect(changes[0]!.bubbles && changes[0]!.composed).to.equal(true);
    expect(selects).to.have.length(1);
    expect(selects[0]!.amount).to.equal('5000.00');
  });

  it('is a radio group for the keyboard: Tab in, arrows choose, Tab out', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    setupBank();
    const wrapper = await fixture<HTMLDivElement>('<div><button id="before">before</button><fenqi-plans amount="4999.00" currency="CNY"></fenqi-plans><button id="after">after</button></div>');
    const plans = await settled(wrapper.querySelector('fenqi-plans')!);
    const radios = [...plans.shadowRoot!.querySelectorAll('input')];
    const changes: string[] = [];
    plans.addEventListener('change', () => changes.push(plans.value));
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(plans.shadowRoot!.activeElement).to.equal(radios[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await plans.updateComplete;
    expect(plans.value).to.equal(radios[2]!.value);
    expect(changes).to.deep.equal([radios[1]!.value, radios[2]!.value]);
    await sendKeys({ press: 'ArrowUp' });
    await plans.updateComplete;
    expect(plans.value).to.equal(radios[1]!.value);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('after');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(plans.shadowRoot!.activeElement, 'back to the chosen radio').to.equal(radios[1]);
  });

  it('shows a "not available" line when no plan fits', async () => {
    setupBank();
    const plans = await settled(await fixture<FenqiPlans>('<fenqi-plans amount="1.00" currency="CNY" locale="zh-CN"></fenqi-plans>'));
    expect(plans.status).to.equal('ineligible');
    expect(shownText(plans)).to.equal('此金额暂不支持分期');
  });
});
