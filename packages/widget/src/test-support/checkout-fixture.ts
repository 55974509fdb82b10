// Helpers for <fenqi-checkout>'s browser tests: the partner's server (a server client on the mock
// bank, as the tests simulate it in the page), a session, the form filled as a shopper would.
import type { MockBank } from '@fenqi/mock-server';
import type { Applicant } from '@fenqi/sdk';
import { residentIdCheckCharacter } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import type FenqiCheckout from '../components/checkout/checkout.component.js';
import type { FenqiCheckoutStep } from '../components/checkout/checkout.component.js';
import type { ApplicantField, ApplicantFormValues } from '../internal/applicant-form.js';
import { fixture } from './widget-fixture.js';

let orders = 0;

/** What the partner's server does first: a checkout session for an order, fixed on the server. */
export async function createSession(bank: MockBank, amount: { value: string; currency: string } = { value: '4999.00', currency: 'CNY' }) {
  // dangerouslyAllowBrowser: the partner's server is simulated inside the test page.
  const server = createServerClient({ secretKey: 'sk_test_widgetServer01', fetch: bank.fetch, maxRetries: 0, dangerouslyAllowBrowser: true });
  return server.checkoutSessions.create({ amount, orderId: `order-${++orders}`, scenario: 'retail', merchant: 'shop-1' });
}

/** A `<fenqi-checkout>` for a new session, opened and past loading. */
export async function openCheckout(bank: MockBank, options: { amount?: { value: string; currency: string }; locale?: string; attributes?: string } = {}) {
  const session = await createSession(bank, options.amount);
  const checkout = await fixture<FenqiCheckout>(`<fenqi-checkout client-secret="${session.clientSecret}" locale="${options.locale ?? 'en-US'}" poll-interval="50" ${options.attributes ?? ''}></fenqi-checkout>`);
  await checkout.open();
  await reach(checkout, ['plan', 'approved', 'declined', 'review', 'counter-offer', 'expired', 'unavailable']);
  return { checkout, session };
}

/** Waits until the checkout is at one of `steps` and has rendered it. */
export async function reach(checkout: FenqiCheckout, steps: FenqiCheckoutStep | readonly FenqiCheckoutStep[], timeoutMs = 5000): Promise<void> {
  const wanted = typeof steps === 'string' ? [steps] : steps;
  const start = performance.now();
  while (!wanted.includes(checkout.step)) {
    if (performance.now() - start > timeoutMs) throw new Error(`<fenqi-checkout> at ${checkout.step}, not ${wanted.join(' or ')}, after ${timeoutMs} ms: ${(checkout.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await checkout.updateComplete;
  // axe judges colours: wait for the dialog's fade-in to end.
  await Promise.all(checkout.shadowRoot!.querySelector('dialog')?.getAnimations({ subtree: true }).map((animation) => animation.finished) ?? []);
  for (const child of checkout.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('fenqi-plans, fenqi-schedule')) await child.updateComplete;
}

/** The form values a shopper types for a persona's applicant (a resident ID made for the date of birth when the example has none). */
export function formValues(applicant: Applicant): ApplicantFormValues {
  return {
    name: applicant.name,
    dateOfBirth: applicant.dateOfBirth,
    email: applicant.email,
    mobile: applicant.mobile,
    nationalId: applicant.nationalId ?? residentIdFor(applicant.dateOfBirth),
    monthlyIncome: applicant.monthlyIncome.value,
    employment: applicant.employment,
    housing: applicant.housing,
    existingMonthlyDebt: applicant.existingMonthlyDebt.value,
  };
}

/** A valid resident ID (GB 11643) for a date of birth, on no persona's list. */
export function residentIdFor(dateOfBirth: string): string {
  const body = `110105${dateOfBirth.replaceAll('-', '')}123`;
  return body + residentIdCheckCharacter(body);
}

/** Types into the details form as a shopper would: input events, then leaving the field. */
export async function fill(checkout: FenqiCheckout, values: Partial<ApplicantFormValues>): Promise<void> {
  for (const [field, value] of Object.entries(values) as [ApplicantField, string][]) {
    const control = checkout.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`);
    if (!control) continue;
    control.focus();
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    control.blur();
    await checkout.updateComplete;
  }
}

/** Clicks the step's main button (Continue, Apply, Accept, Done). */
export async function primary(checkout: FenqiCheckout): Promise<void> {
  checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="primary"]')!.click();
  await checkout.updateComplete;
}

/** Ticks both consent boxes. */
export async function consent(checkout: FenqiCheckout): Promise<void> {
  for (const box of checkout.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) if (!box.checked) box.click();
  await checkout.updateComplete;
}

/** From the plan step to the bank's answer, with these details. */
export async function apply(checkout: FenqiCheckout, values: ApplicantFormValues): Promise<void> {
  await primary(checkout);
  await reach(checkout, 'details');
  await fill(checkout, values);
  await primary(checkout);
  await reach(checkout, 'consent');
  await consent(checkout);
  await primary(checkout);
  await reach(checkout, ['approved', 'declined', 'review', 'counter-offer', 'consent', 'details', 'expired', 'unavailable']);
}

/** The error message shown for a field, or undefined. */
export function fieldError(checkout: FenqiCheckout, field: ApplicantField): string | undefined {
  return checkout.shadowRoot!.querySelector(`#error-${field}`)?.textContent?.trim();
}
