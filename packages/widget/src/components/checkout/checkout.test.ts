import { expect } from 'chai';
import { PERSONA_REVIEW_MINUTES, PERSONAS } from '@fenqi/mock-server';
import type { Persona } from '@fenqi/mock-server';
import { createClient } from '@fenqi/sdk';
import type { FenqiApprovedDetail, FenqiCancelDetail, FenqiDeclinedDetail, FenqiErrorDetail, FenqiReviewDetail } from '../../events/events.js';
import { apply, consent, fieldError, fill, formValues, openCheckout, primary, reach, residentIdFor } from '../../test-support/checkout-fixture.js';
import { axeViolations, browserOnly, cleanup, fixture, KEY, pastTheWindow, setupBank, shownText } from '../../test-support/widget-fixture.js';
import type FenqiCheckout from './checkout.component.js';
import './checkout.js';
import '../offer/offer.js';

/** Every detail of `name` fired on `target` from now on. */
function events<T>(target: EventTarget, name: string): T[] {
  const seen: T[] = [];
  target.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

const persona = (id: Persona['id']) => PERSONAS.find((candidate) => candidate.id === id)!;
const valuesOf = (id: Persona['id']) => formValues(persona(id).example.applicant);

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Nothing a shopper must never see. */
function expectCleanText(checkout: FenqiCheckout): void {
  expect(shownText(checkout)).not.to.match(/NaN|undefined|\[object Object\]|null/);
}

describe('<fenqi-checkout>', () => {
  before(browserOnly);
  afterEach(cleanup);

  it('passes axe on every step, from the plan to the decision', async () => {
    const bank = setupBank();
    const { checkout } = await openCheckout(bank);
    expect(await axeViolations(checkout), 'plan').to.deep.equal([]);
    await primary(checkout);
    await reach(checkout, 'details');
    await primary(checkout); // every field missing: errors on screen
    expect(await axeViolations(checkout), 'details with errors').to.deep.equal([]);
    await fill(checkout, valuesOf('approve'));
    await primary(checkout);
    await reach(checkout, 'consent');
    expect(await axeViolations(checkout), 'consent').to.deep.equal([]);
    await consent(checkout);
    await primary(checkout);
    await reach(checkout, 'approved');
    expect(await axeViolations(checkout), 'approved').to.deep.equal([]);
  });

  it('fits a phone\'s screen on every step', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    const bank = setupBank();
    await setViewport({ width: 375, height: 800 });
    try {
      const { checkout } = await openCheckout(bank);
      expect(pastTheWindow(checkout), 'plan').to.deep.equal([]);
      await primary(checkout);
      await reach(checkout, 'details');
      await primary(checkout); // with every error shown
      expect(pastTheWindow(checkout), 'details').to.deep.equal([]);
      await fill(checkout, valuesOf('approve'));
      await primary(checkout);
      await reach(checkout, 'consent');
      expect(pastTheWindow(checkout), 'consent').to.deep.equal([]);
      await consent(checkout);
      await primary(checkout);
      await reach(checkout, 'approved');
      expect(pastTheWindow(checkout), 'approved').to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('has documented defaults', () => {
    const checkout = document.createElement('fenqi-checkout');
    expect(checkout.step).to.equal('closed');
    expect(checkout.isOpen).to.equal(false);
    expect(checkout.termsVersion).to.equal('2026-11');
    expect(checkout.privacyVersion).to.equal('2026-11');
    expect(checkout.pollInterval).to.equal(5000);
    expect(checkout.clientSecret).to.equal(undefined);
  });

  it('offers the session\'s amount, which the browser cannot change, with the chosen plan preselected', async () => {
    const bank = setupBank();
    const { checkout, session } = await openCheckout(bank, { amount: { value: '6000.00', currency: 'CNY' }, attributes: 'plan="plan_retailCNY6m"' });
    expect(shownText(checkout)).to.include('Choose how to pay CN¥6,000.00');
    const plans = checkout.shadowRoot!.querySelector('fenqi-plans')!;
    expect(plans.amount).to.equal(session.amount.value);
    expect(plans.value).to.equal('plan_retailCNY6m');
    expect(checkout.shadowRoot!.querySelector('fenqi-schedule')!.plan).to.equal('plan_retailCNY6m');
    expectCleanText(checkout);
  });

  /** The shopper's keys: Tab until focus is where they want, then a key. */
  async function keyboardOf(checkout: FenqiCheckout) {
    const { sendKeys } = await import('@web/test-runner-commands');
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await sendKeys({ press: key });
      await checkout.updateComplete;
    };
    const tabTo = async (matches: (element: Element | null) => boolean, limit = 30) => {
      for (let i = 0; i < limit && !matches(deepActiveElement()); i++) await press('Tab');
      expect(matches(deepActiveElement()), `focus reached ${deepActiveElement()?.outerHTML.slice(0, 60)}`).to.equal(true);
    };
    const typeText = async (text: string) => {
      await sendKeys({ type: text });
      await checkout.updateComplete;
    };
    /** Tab to the step's main button and press Enter. */
    const primaryKey = async () => {
      await tabTo((element) => element?.getAttribute('part') === 'primary');
      await press('Enter');
    };
    return { press, tabTo, typeText, primaryKey };
  }

  /** From the plan step to the bank's answer with the keyboard alone; resolves with the plan chosen (the second one). */
  async function applyByKeyboard(checkout: FenqiCheckout, values: ReturnType<typeof valuesOf>): Promise<string> {
    const keys = await keyboardOf(checkout);
    // Plan: Tab to the plans, arrow to the next plan, Tab on to Continue.
    await keys.tabTo((element) => element instanceof HTMLInputElement && element.type === 'radio');
    await keys.press('ArrowDown');
    const chosen = (deepActiveElement() as HTMLInputElement).value;
    await keys.primaryKey();
    await reach(checkout, 'details');
    for (const field of ['name', 'dateOfBirth', 'email', 'mobile', 'nationalId', 'monthlyIncome', 'employment', 'housing', 'existingMonthlyDebt'] as const) {
      await keys.tabTo((element) => element?.getAttribute('name') === field);
      if (field === 'employment' || field === 'housing') {
        // A closed <select> takes the first letters of an option: "E"mployed, "O"wn outright.
        await keys.typeText(field === 'employment' ? 'Employed' : 'Own');
      } else if (field === 'dateOfBirth') {
        const [year, month, day] = values.dateOfBirth.split('-');
        await keys.typeText(`${month}${day}${year}`);
      } else {
        await keys.typeText(values[field]);
      }
    }
    await keys.press('Enter'); // submits the details form from its last field
    await reach(checkout, 'consent');
    await keys.tabTo((element) => element?.getAttribute('name') === 'creditCheck');
    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Space');
    await keys.primaryKey();
    await reach(checkout, ['approved', 'declined', 'review', 'counter-offer']);
    return chosen;
  }

  /** A focused button that opened the checkout, as on a partner's page. */
  async function opener(): Promise<HTMLButtonElement> {
    const button = await fixture<HTMLButtonElement>('<button>Pay in instalments</button>');
    button.focus();
    return button;
  }

  it('walks an approval through on the keyboard alone, announces it, and fires fenqi-approved with the plan', async () => {
    const bank = setupBank();
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const button = await opener();
    const { checkout, session } = await openCheckout(bank);
    const title = checkout.shadowRoot!.querySelector('.step__title');
    expect(deepActiveElement(), 'focus on the step heading').to.equal(title);
    const chosen = await applyByKeyboard(checkout, valuesOf('approve'));
    expect(checkout.step).to.equal('approved');

    expect(shownText(checkout)).to.include('You are approved');
    expect(checkout.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('You are approved');
    expect(deepActiveElement()).to.equal(checkout.shadowRoot!.querySelector('.step__title'));
    expect(approved).to.have.length(1);
    const application = [...bank.state.applications.values()][0]!.application;
    expect(approved[0]).to.deep.include({ applicationId: application.id, sessionId: session.id, planId: chosen, amount: '4999.00', currency: 'CNY', counterOffer: false });
    expect(application.status === 'approved' && application.plan.instalments[0]!.payment.value).to.equal(approved[0]!.payment);
    expectCleanText(checkout);

    await (await keyboardOf(checkout)).primaryKey();
    expect(checkout.step).to.equal('closed');
    expect(deepActiveElement(), 'focus back on the opener').to.equal(button);
  });

  it('reaches and leaves a decline, a review and a counter-offer on the keyboard alone, each announced', async () => {
    const bank = setupBank();
    const announced = (checkout: FenqiCheckout) => checkout.shadowRoot!.querySelector('[role="status"]')?.textContent;

    // Declined: "Pay another way" closes and gives focus back to the page.
    let button = await opener();
    let { checkout } = await openCheckout(bank);
    await applyByKeyboard(checkout, { ...valuesOf('approve'), email: 'wang.fang+decline-affordability@example.com' });
    expect(checkout.step).to.equal('declined');
    expect(announced(checkout)).to.equal('We cannot offer instalments this time');
    await (await keyboardOf(checkout)).primaryKey();
    expect(checkout.step).to.equal('closed');
    expect(deepActiveElement()).to.equal(button);
    cleanup();

    // Review: the decision arrives while the shopper waits, and is announced.
    button = await opener();
    ({ checkout } = await openCheckout(bank));
    await applyByKeyboard(checkout, valuesOf('review-approve'));
    expect(checkout.step).to.equal('review');
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    await reach(checkout, 'approved');
    expect(announced(checkout)).to.equal('You are approved');
    // The plan chosen here has a fixed monthly fee, which no risk tier reprices: no terms to accept.
    expect(shownText(checkout)).not.to.include('Accept these terms');
    await (await keyboardOf(checkout)).primaryKey(); // done
    expect(deepActiveElement()).to.equal(button);
    cleanup();

    // Counter-offer: accepted with Enter on its main button.
    ({ checkout } = await openCheckout(bank));
    await applyByKeyboard(checkout, valuesOf('thin-file'));
    expect(checkout.step).to.equal('counter-offer');
    await (await keyboardOf(checkout)).primaryKey();
    await reach(checkout, 'approved');
    expect(announced(checkout)).to.equal('You are approved');
  });

  it('checks every field on leaving it and on Continue, in words, and moves focus to the first to fix', async () => {
    const bank = setupBank();
    const { checkout } = await openCheckout(bank);
    await primary(checkout);
    await reach(checkout, 'details');
    await primary(checkout);
    expect(deepActiveElement()).to.equal(checkout.shadowRoot!.querySelector('#field-name'));
    expect(shownText(checkout)).to.include('There are problems with 9 fields.');
    expect(fieldError(checkout, 'name')).to.equal('Enter your full name.');
    expect(fieldError(checkout, 'employment')).to.equal('Choose your employment.');
    expect(checkout.shadowRoot!.querySelector('#field-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(checkout.shadowRoot!.querySelector('#field-email')!.getAttribute('aria-describedby')).to.include('error-email');

    const adult = valuesOf('approve');
    await fill(checkout, adult);
    for (const field of Object.keys(adult)) expect(fieldError(checkout, field as keyof typeof adult), field).to.equal(undefined);

    const cases: [Partial<typeof adult>, keyof typeof adult, string][] = [
      [{ email: 'li.hua@' }, 'email', 'Enter an email address like name@example.com.'],
      [{ email: adult.email, dateOfBirth: '2010-03-07' }, 'dateOfBirth', 'You must be 18 or older to apply.'],
      [{ dateOfBirth: adult.dateOfBirth, nationalId: `${adult.nationalId.slice(0, 17)}${adult.nationalId.endsWith('0') ? '1' : '0'}` }, 'nationalId', 'This resident ID number is not valid. Check each character.'],
      [{ nationalId: residentIdFor('1990-01-01') }, 'nationalId', 'The date of birth in your resident ID does not match the date of birth you entered.'],
      [{ nationalId: adult.nationalId, mobile: '+12025550143' }, 'mobile', 'This is not a mobile number we can use for this purchase. Check the number and its country code.'],
      [{ mobile: adult.mobile, monthlyIncome: '15,38' }, 'monthlyIncome', 'Enter an amount like 15000.00.'],
      [{ monthlyIncome: '2.005' }, 'monthlyIncome', 'Use at most the currency’s decimal places, like 15000.00.'],
      [{ monthlyIncome: '-5' }, 'monthlyIncome', 'The amount cannot be negative.'],
    ];
    for (const [values, field, message] of cases) {
      await fill(checkout, values);
      expect(fieldError(checkout, field), JSON.stringify(values)).to.equal(message);
    }
    await fill(checkout, { monthlyIncome: '18,000.00' });
    expect(fieldError(checkout, 'monthlyIncome')).to.equal(undefined);
    await primary(checkout);
    expect(checkout.step).to.equal('consent');
    expectCleanText(checkout);
  });

  it('checks every field in Chinese on a zh-CN page, with no English left', async () => {
    const bank = setupBank();
    const { checkout } = await openCheckout(bank, { locale: 'zh-CN' });
    await primary(checkout);
    await reach(checkout, 'details');
    await primary(checkout); // every field missing
    const fields = ['name', 'dateOfBirth', 'email', 'mobile', 'nationalId', 'monthlyIncome', 'employment', 'housing', 'existingMonthlyDebt'] as const;
    const chineseOnly = (text: string | undefined, what: string) => {
      expect(text, what).to.match(/[\u4e00-\u9fff]/);
      // Examples of what to type (name@example.com) and currency codes are not words to translate.
      expect(text?.replace(/[\w.]+@[\w.]+/g, '').replace(/\b[A-Z]{3}\b/g, ''), what).not.to.match(/[A-Za-z]{3,}/);
    };
    for (const field of fields) chineseOnly(fieldError(checkout, field), `${field} missing`);
    chineseOnly(checkout.shadowRoot!.querySelector('.checkout__notice[role="alert"]')?.textContent ?? undefined, 'summary');
    const wrong: [Partial<ReturnType<typeof valuesOf>>, (typeof fields)[number]][] = [
      [{ email: 'li.hua@' }, 'email'],
      [{ dateOfBirth: '2010-03-07' }, 'dateOfBirth'],
      [{ nationalId: '110105199001011230' }, 'nationalId'],
      [{ mobile: '+12025550143' }, 'mobile'],
      [{ monthlyIncome: '15,38' }, 'monthlyIncome'],
      [{ existingMonthlyDebt: '-5' }, 'existingMonthlyDebt'],
    ];
    for (const [values, field] of wrong) {
      await fill(checkout, values);
      chineseOnly(fieldError(checkout, field), `${field}: ${JSON.stringify(values)}`);
    }
    expect(await axeViolations(checkout)).to.deep.equal([]);
  });

  it('asks for both consents before it applies, and sends nothing until then', async () => {
    const bank = setupBank();
    const { checkout } = await openCheckout(bank);
    await primary(checkout);
    await fill(checkout, valuesOf('approve'));
    await primary(checkout);
    await reach(checkout, 'consent');
    await primary(checkout);
    expect(shownText(checkout)).to.include('Tick both boxes to apply.');
    expect(deepActiveElement()).to.equal(checkout.shadowRoot!.querySelector('input[name="creditCheck"]'));
    checkout.shadowRoot!.querySelector<HTMLInputElement>('input[name="creditCheck"]')!.click();
    await primary(checkout);
    expect(checkout.step).to.equal('consent');
    expect(bank.state.applications.size).to.equal(0);
    await consent(checkout);
    await primary(checkout);
    await reach(checkout, 'approved');
    const application = [...bank.state.applications.values()][0]!;
    expect(application.application.status).to.equal('approved');
    // The bank records what was agreed to, and the device signals gathered once consent was given.
    expect(application.consent).to.deep.include({ creditCheck: true, termsVersion: checkout.termsVersion, privacyVersion: checkout.privacyVersion });
    expect(application.fingerprint).to.match(/\S{8,}/);
  });

  describe('every persona reaches its decision in the checkout', () => {
    for (const each of PERSONAS) {
      it(`${each.id}: ${each.decision}`, async () => {
        const bank = setupBank();
        const declined = events<FenqiDeclinedDetail>(document, 'fenqi-declined');
        const review = events<FenqiReviewDetail>(document, 'fenqi-review');
        const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
        const { checkout } = await openCheckout(bank, { amount: each.example.amount });
        await apply(checkout, formValues(each.example.applicant));
        const step = { approve: 'approved', decline: 'declined', review: 'review', counter_offer: 'counter-offer' }[each.decision];
        expect(checkout.step, shownText(checkout)).to.equal(step);
        expectCleanText(checkout);
        if (each.decision !== 'approve') expect(await axeViolations(checkout), step).to.deep.equal([]);
        const planId = [...bank.state.applications.values()][0]!.application.planId; // the plan the checkout applied for
        for (const detail of [...declined, ...review, ...approved]) expect(detail.planId, 'every decision event names the plan').to.equal(planId);
        if (each.decision === 'decline') {
          expect(declined.map((detail) => detail.reasons)).to.deep.equal([each.reasons]);
          expect(shownText(checkout)).to.include('We cannot offer instalments this time');
          expect(shownText(checkout)).not.to.include('(undefined)');
        }
        if (each.decision === 'approve') expect(approved).to.have.length(1);
        if (each.decision !== 'review') return;
        expect(review).to.have.length(1);
        bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
        await reach(checkout, each.then === 'approve' ? 'approved' : 'declined');
        if (each.then === 'approve') {
          // Approved at tier B, above the plan's rate: it counts once the shopper accepts.
          expect(approved, 'no approval before the shopper accepts the new rate').to.have.length(0);
          await primary(checkout);
        }
        expect(each.then === 'approve' ? approved : declined).to.have.length(1);
        expect(checkout.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(each.then === 'approve' ? 'You are approved' : 'We cannot offer instalments this time');
      });
    }
  });

  it('declines in plain, localised words with a way out, and no fenqi-cancel', async () => {
    const bank = setupBank();
    const cancelled = events<FenqiCancelDetail>(document, 'fenqi-cancel');
    const { checkout } = await openCheckout(bank, { locale: 'zh-CN' });
    await apply(checkout, { ...valuesOf('approve'), email: 'wang.fang+decline-affordability@example.com' });
    expect(checkout.step, shownText(checkout)).to.equal('declined');
    const text = shownText(checkout);
    expect(text).to.include('每月还款额占您收入的比例过高。');
    expect(text, 'no English on a Chinese page').not.to.match(/[A-Za-z]{4,}/);
    await primary(checkout); // 选择其他支付方式
    expect(checkout.step).to.equal('closed');
    expect(cancelled).to.have.length(0);
  });

  it('accepts a counter-offer for the lower amount, or lets the shopper say no (fenqi-cancel)', async () => {
    const bank = setupBank();
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const { checkout } = await openCheckout(bank);
    await apply(checkout, valuesOf('thin-file'));
    expect(checkout.step).to.equal('counter-offer');
    expect(shownText(checkout)).to.include('We can lend CN¥2,499.00 of the CN¥4,999.00');
    expect(shownText(checkout)).to.include('You pay the remaining CN¥2,500.00 another way.');
    expect(await axeViolations(checkout)).to.deep.equal([]);
    await primary(checkout);
    await reach(checkout, 'approved');
    expect(approved).to.have.length(1);
    expect(approved[0]).to.include({ amount: '2499.00', counterOffer: true });

    const cancelled = events<FenqiCancelDetail>(document, 'fenqi-cancel');
    const second = await openCheckout(bank);
    await apply(second.checkout, valuesOf('thin-file'));
    second.checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="secondary"]')!.click();
    await second.checkout.updateComplete;
    expect(second.checkout.step).to.equal('closed');
    expect(cancelled).to.have.length(1);
    expect(cancelled[0]).to.include({ reason: 'counter-offer-declined', step: 'counter-offer', applicationId: [...bank.state.applications.values()][1]!.application.id });
    expect(cancelled[0]!.planId).to.match(/^plan_/);
  });

  it('creates one application however often Apply is clicked while a slow bank answers', async () => {
    const bank = setupBank({ faults: [{ route: 'createApplication', latencyMs: 400 }] });
    const { checkout } = await openCheckout(bank);
    await primary(checkout);
    await fill(checkout, valuesOf('approve'));
    await primary(checkout);
    await consent(checkout);
    for (let i = 0; i < 5; i++) checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="primary"]')!.click();
    await checkout.updateComplete;
    expect(checkout.step).to.equal('submitting');
    expect(shownText(checkout)).to.include('Sending your application…');
    await reach(checkout, 'approved');
    expect(bank.state.applications.size).to.equal(1);
    expect(bank.requests.filter((entry) => entry.operationId === 'createApplication')).to.have.length(1);
  });

  it('keeps everything after a failed submission, and the retry reuses the key: one application', async () => {
    const keys: (string | null)[] = [];
    const bank = setupBank({ faults: [{ route: 'createApplication', times: 3, status: 503 }] }, (fetch) => (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && request.url.endsWith('/v1/applications')) keys.push(request.headers.get('idempotency-key'));
      return fetch(request);
    });
    const errors = events<FenqiErrorDetail>(document, 'fenqi-error');
    const { checkout } = await openCheckout(bank);
    await apply(checkout, valuesOf('approve'));
    expect(checkout.step).to.equal('consent');
    expect(shownText(checkout)).to.include('We could not reach the bank. Your details are still here: try again.');
    expect(errors.at(-1)).to.include({ reason: 'api', code: '503' });
    await primary(checkout); // "Try again"
    await reach(checkout, 'approved');
    expect(keys.length, 'three failed attempts, then the retry').to.equal(4);
    expect(new Set(keys).size, `keys ${keys.join()}`).to.equal(1);
    expect(bank.state.applications.size).to.equal(1);
  });

  it('asks the shopper to accept an approval at another rate than the plan showed, before it counts', async () => {
    const bank = setupBank();
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const cancelled = events<FenqiCancelDetail>(document, 'fenqi-cancel');
    const { checkout } = await openCheckout(bank);
    await apply(checkout, valuesOf('review-approve'));
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    await reach(checkout, 'approved');
    const application = [...bank.state.applications.values()][0]!.application;
    if (application.status !== 'approved') throw new Error(application.status);
    const text = shownText(checkout);
    expect(text).to.match(/the bank offers [a-z ]+\d+\.\d+%, not the [a-z ]+\d+\.\d+% the plan showed/i);
    expect(text).to.include('Accept these terms');
    expect(approved, 'nothing is confirmed on terms the shopper has not seen').to.have.length(0);
    expect(await axeViolations(checkout)).to.deep.equal([]);
    // Esc now is leaving without an approval.
    checkout.close();
    expect(cancelled.at(-1)).to.include({ reason: 'closed', step: 'approved', applicationId: application.id });
    await checkout.open();
    await reach(checkout, 'approved');
    await primary(checkout); // Accept these terms
    expect(approved).to.have.length(1);
    expect(approved[0]).to.include({ applicationId: application.id, payment: application.plan.instalments[0]!.payment.value });
    expect(approved[0]!.annualRate.percent).to.equal(application.plan.annualRate.percent);
    expect(shownText(checkout)).not.to.include('Accept these terms');
    await primary(checkout); // Done
    expect(checkout.step).to.equal('closed');
    expect(cancelled).to.have.length(1);

    // Or says no: fenqi-cancel, and no approval.
    const second = await openCheckout(bank);
    await apply(second.checkout, valuesOf('review-approve'));
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    await reach(second.checkout, 'approved');
    second.checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="secondary"]')!.click();
    await second.checkout.updateComplete;
    expect(second.checkout.step).to.equal('closed');
    expect(cancelled.at(-1)).to.include({ reason: 'terms-declined' });
    expect(approved).to.have.length(1);
  });

  it('after a reload, an approval on the plan’s own terms needs no second yes, and a repriced one still asks', async () => {
    const bank = setupBank();
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const { checkout, session } = await openCheckout(bank);
    await apply(checkout, valuesOf('approve')); // tier A: the plan's own rate
    checkout.remove();
    const reloaded = await fixture<FenqiCheckout>(`<fenqi-checkout client-secret="${session.clientSecret}" locale="en-US"></fenqi-checkout>`);
    await reloaded.open();
    await reach(reloaded, 'approved');
    expect(shownText(reloaded)).not.to.include('Accept these terms');
    expect(approved).to.have.length(2); // once per page, as a partner's page would hear it

    const second = await openCheckout(bank);
    await apply(second.checkout, valuesOf('review-approve'));
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    second.checkout.remove();
    const again = await fixture<FenqiCheckout>(`<fenqi-checkout client-secret="${second.session.clientSecret}" locale="en-US"></fenqi-checkout>`);
    await again.open();
    await reach(again, 'approved');
    expect(shownText(again)).to.include('Accept these terms');
    expect(approved).to.have.length(2);
  });

  it('a decision that comes while the dialog is closed waits for open(), which shows it', async () => {
    const bank = setupBank();
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const { checkout } = await openCheckout(bank);
    await apply(checkout, valuesOf('review-approve'));
    checkout.close();
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    await new Promise((resolve) => setTimeout(resolve, 300)); // several polls
    expect(checkout.step).to.equal('closed');
    expect(checkout.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    await checkout.open();
    await reach(checkout, 'approved');
    expect(checkout.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(approved).to.have.length(0); // a repriced approval: not before the shopper's yes
    await primary(checkout);
    expect(approved).to.have.length(1);
  });

  it('survives a reload: a new element for the session finds its application in review, and follows it to the end', async () => {
    const bank = setupBank();
    const { checkout, session } = await openCheckout(bank);
    await apply(checkout, valuesOf('review-approve'));
    expect(checkout.step).to.equal('review');
    checkout.remove(); // the page goes away

    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    const reloaded = await fixture<FenqiCheckout>(`<fenqi-checkout client-secret="${session.clientSecret}" locale="en-US" poll-interval="50"></fenqi-checkout>`);
    await reloaded.open();
    await reach(reloaded, 'review');
    expect(shownText(reloaded)).to.include('We are checking your application');
    bank.clock.advance({ minutes: PERSONA_REVIEW_MINUTES });
    await reach(reloaded, 'approved');
    await primary(reloaded); // the tier's rate, accepted
    expect(approved).to.have.length(1);
    expect(bank.state.applications.size).to.equal(1);
  });

  it('writes no personal data to any browser storage', async () => {
    const bank = setupBank();
    sessionStorage.clear();
    localStorage.clear();
    const { checkout } = await openCheckout(bank);
    const values = valuesOf('approve');
    await apply(checkout, values);
    expect(checkout.step).to.equal('approved');
    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie;
    for (const value of [values.name, values.email, values.mobile, values.nationalId, values.dateOfBirth, values.monthlyIncome]) expect(stored).not.to.include(value);
    expect(Object.keys(sessionStorage)).to.deep.equal([`fenqi-checkout:${[...bank.state.applications.values()][0]!.application.sessionId}`]);
  });

  it('says plainly when the session is over or unknown, with fenqi-error, and never shows a form', async () => {
    const bank = setupBank();
    const errors = events<FenqiErrorDetail>(document, 'fenqi-error');
    const { checkout } = await openCheckout(bank);
    bank.clock.advance({ hours: 2 });
    checkout.close();
    await checkout.open();
    await reach(checkout, 'expired');
    expect(shownText(checkout)).to.include('This checkout has expired');
    expect(errors.at(-1)).to.include({ reason: 'session-expired' });
    expect(await axeViolations(checkout), 'expired').to.deep.equal([]);

    const wrong = await fixture<FenqiCheckout>('<fenqi-checkout client-secret="cs_99999999_secret_nope1234" locale="en-US"></fenqi-checkout>');
    await wrong.open();
    await reach(wrong, 'unavailable');
    expect(errors.at(-1)).to.include({ reason: 'session-invalid' });
    expect(wrong.shadowRoot!.querySelector('form')).to.equal(null);

    const malformed = await fixture<FenqiCheckout>('<fenqi-checkout client-secret="[object Object]"></fenqi-checkout>');
    await malformed.open();
    await reach(malformed, 'unavailable');
    expect(errors.at(-1)).to.include({ reason: 'configuration-invalid' });
    expectCleanText(malformed);
  });

  it('closing before a decision fires fenqi-cancel with the step, and a reopen keeps what was typed', async () => {
    const bank = setupBank();
    const cancelled = events<FenqiCancelDetail>(document, 'fenqi-cancel');
    const closed = events(document, 'fenqi-close');
    const { checkout } = await openCheckout(bank);
    await primary(checkout);
    await fill(checkout, { name: '李华', email: 'li.hua@example.com' });
    checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await checkout.updateComplete;
    expect(checkout.step).to.equal('closed');
    expect(cancelled).to.deep.equal([{ reason: 'closed', step: 'details' }]);
    expect(closed).to.have.length(1);
    await checkout.open();
    await reach(checkout, 'plan');
    await primary(checkout);
    await reach(checkout, 'details');
    expect(checkout.shadowRoot!.querySelector<HTMLInputElement>('#field-name')!.value).to.equal('李华');
  });

  it('closes on Esc and keeps Tab inside the dialog', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const bank = setupBank();
    const { checkout } = await openCheckout(bank);
    await primary(checkout);
    await reach(checkout, 'details');
    for (let i = 0; i < 25; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      expect(checkout.shadowRoot!.contains(active) || [...checkout.shadowRoot!.querySelectorAll('fenqi-plans')].some((plans) => plans.shadowRoot!.contains(active)), `focus in the dialog (${active?.localName})`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await checkout.updateComplete;
    expect(checkout.step).to.equal('closed');
  });

  it('opens from <fenqi-offer client-secret> with the plan chosen in its dialog, loading the checkout only then', async () => {
    const bank = setupBank();
    const { createSession } = await import('../../test-support/checkout-fixture.js');
    const session = await createSession(bank);
    const offer = await fixture<HTMLElement & { show(): void; updateComplete: Promise<unknown> }>(`<fenqi-offer amount="4999.00" currency="CNY" locale="en-US" client-secret="${session.clientSecret}"></fenqi-offer>`);
    const { settled } = await import('../../test-support/widget-fixture.js');
    await settled(offer as never);
    offer.show();
    await offer.updateComplete;
    const plans = offer.shadowRoot!.querySelector('fenqi-plans')!;
    await plans.updateComplete;
    plans.shadowRoot!.querySelectorAll('input')[1]!.click();
    await offer.updateComplete;
    const chosen = plans.value;
    offer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="apply"]')!.click();
    let checkout: FenqiCheckout | null = null;
    for (let i = 0; i < 200 && !checkout; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      checkout = offer.shadowRoot!.querySelector('fenqi-checkout');
    }
    await reach(checkout!, 'plan');
    expect(offer.shadowRoot!.querySelector('dialog')!.open, 'the offer dialog gave way').to.equal(false);
    expect(checkout!.shadowRoot!.querySelector('fenqi-plans')!.value).to.equal(chosen);
    const approved = events<FenqiApprovedDetail>(document, 'fenqi-approved');
    await apply(checkout!, valuesOf('approve'));
    expect(approved, 'the checkout\'s events reach the page through the offer').to.have.length(1);
  });

  it('the browser client gives the checkout only what the client secret may read', async () => {
    const bank = setupBank();
    const { createSession } = await import('../../test-support/checkout-fixture.js');
    const session = await createSession(bank);
    const browser = createClient({ publishableKey: KEY, fetch: bank.fetch });
    const read = await browser.checkoutSessions.retrieve(session.clientSecret!);
    expect(read).not.to.have.property('clientSecret');
    expect(read.amount).to.deep.equal(session.amount);
  });
});
