import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { html, LitElement } from 'lit';
import { live } from 'lit/directives/live.js';
import { addMoney, toDecimalString } from '@fenqi/core';
import type { Offer } from '@fenqi/sdk';
import { FenqiOfferElement } from '../../internal/offer-element.js';
import componentStyles from '../../styles/component.styles.js';
import styles from './plans.styles.js';

/**
 * @summary The plan picker: one radio per plan offered for the amount, with radio-group keyboard
 * (Tab into the group, arrows to choose), and a form control of its own: inside a `<form>` it
 * submits `name=plan id`, supports `required`, validity, form reset and state restore.
 * @since 0.1.0
 * @status experimental
 *
 * @event change - The shopper chose a plan (never fired when `value` is set from code).
 * @event fenqi-select - With `change`: detail `{ planId, termMonths, amount, currency, payment }`.
 * @event fenqi-ready - The plans are on screen (again after the amount changes).
 * @event fenqi-ineligible - No plan for this amount or currency; detail `{ reason, amount, currency, minAmount?, maxAmount? }`.
 * @event fenqi-error - Invalid input or the bank could not be reached; detail `{ reason, code?, message }`.
 *
 * @example
 * ```html
 * <form><fenqi-plans name="plan" required amount="4999.00" currency="CNY"></fenqi-plans></form>
 * ```
 *
 * @csspart base - The `<fieldset>`.
 * @csspart legend - Its legend.
 * @csspart plan - One plan's label; `plan--checked` when chosen.
 * @csspart radio - The radio of a plan.
 * @csspart total - A plan's total to repay.
 * @csspart unavailable - The "not available" line shown instead of plans.
 *
 * @cssproperty --fenqi-color-accent - The chosen plan's border and radio.
 * @cssproperty --fenqi-color-surface - Plan background.
 * @cssproperty --fenqi-color-border - Plan border.
 * @cssproperty --fenqi-radius - Plan corner radius. Default 0.5em.
 */
export default class FenqiPlans extends FenqiOfferElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Adopted stylesheets (no inline styles, so a strict CSP needs no exception). */
  static override styles = [componentStyles, styles];
  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    value: {},
    required: { type: Boolean, reflect: true },
  };

  private readonly internals: ElementInternals;

  /** The form field name the chosen plan id is submitted under. */
  declare name: string;
  /** The chosen plan id (`plan_…`), or `""`; the `value` attribute is the default that form reset restores. */
  declare value: string;
  /** A plan must be chosen before the form submits. */
  declare required: boolean;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.name = '';
    this.value = '';
    this.required = false;
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The control's validity, as for native inputs. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message `reportValidity()` shows. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates this control. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const offered = this.offers().some((offer) => offer.plan.id === this.value);
    // A plan chosen for another amount is not submitted once the amount no longer allows it.
    const submitted = this.value && (offered || this.source.state.status === 'loading') ? this.value : null;
    this.internals.setFormValue(submitted, this.value);
    const anchor = this.renderRoot.querySelector<HTMLInputElement>('input') ?? undefined;
    if (this.required && !submitted) this.internals.setValidity({ valueMissing: true }, this.messages.choosePlan, anchor);
    else this.internals.setValidity({});
  }

  /** Form reset: back to the `value` attribute, or nothing. */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  /** Back/forward cache and autofill restore the chosen plan. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** Checks validity without showing anything (fires `invalid` when invalid). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the browser's message when invalid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  private offers(): readonly Offer[] {
    const state = this.source.state;
    return state.status === 'ready' ? state.offers.offers : [];
  }

  private handleChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const offer = this.offers().find((candidate) => candidate.plan.id === input.value);
    if (!offer) return;
    this.value = offer.plan.id;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.emit('fenqi-select', {
      planId: offer.plan.id,
      termMonths: offer.plan.termMonths,
      amount: toDecimalString(offer.schedule.principal),
      currency: offer.schedule.principal.currency,
      payment: toDecimalString(offer.schedule.instalments[0]!.payment),
    });
  }

  override render(): TemplateResult {
    const state = this.source.state;
    const m = this.messages;
    if (state.status === 'loading') {
      return html`<div part="base" aria-busy="true"><span class="visually-hidden">${m.loading}</span></div>`;
    }
    if (state.status !== 'ready') return html`<div part="base"><p part="unavailable" class="plans__unavailable">${m.unavailable}</p></div>`;
    return html`
      <fieldset part="base" class="plans">
        <legend part="legend" class="plans__legend">${m.plansLegend}</legend>
        ${state.offers.offers.map((offer) => {
          const checked = offer.plan.id === this.value;
          const total = addMoney(offer.schedule.totals.payment, offer.schedule.upfrontFee);
          return html`
            <label part=${checked ? 'plan plan--checked' : 'plan'} class="plans__plan ${checked ? 'plans__plan--checked' : ''}">
              <input
                part="radio"
                class="plans__radio"
                type="radio"
                name="plan"
                .value=${offer.plan.id}
                .checked=${live(checked)}
                @change=${this.handleChange}
              />
              <span>${m.planOption(offer.plan.termMonths, this.money(offer.schedule.instalments[0]!.payment), this.rate(offer.annualRate))}</span>
              <span part="total" class="plans__total">${m.planTotal(this.money(total))}</span>
            </label>
          `;
        })}
      </fieldset>
    `;
  }
}
