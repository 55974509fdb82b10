import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { addMoney, toDecimalString } from '@fenqi/core';
import type { Offer } from '@fenqi/sdk';
import { FenqiOfferElement } from '../../internal/offer-element.js';
import componentStyles from '../../styles/component.styles.js';
import dialogStyles from '../../styles/dialog.styles.js';
import styles from './offer.styles.js';

/**
 * How `<fenqi-offer>` lays out its message.
 *
 * @example
 * ```ts
 * offer.layout = 'card' satisfies FenqiOfferLayout
 * ```
 */
export type FenqiOfferLayout = 'text' | 'badge' | 'card';
/**
 * What `<fenqi-offer>` shows when nothing can be offered.
 *
 * @example
 * ```ts
 * offer.whenUnavailable = 'message' satisfies FenqiWhenUnavailable
 * ```
 */
export type FenqiWhenUnavailable = 'hide' | 'message';

const LAYOUTS: readonly FenqiOfferLayout[] = ['text', 'badge', 'card'];

/**
 * @summary The on-site message: "From ¥421.47/month for 12 months · annualised rate 13.03%", with a
 * "learn more" button that opens a native modal `<dialog>` listing every plan, its schedule and the
 * representative example. Plans are computed locally from the rate card, so changing `amount`
 * re-renders in the same frame without a request.
 * @since 0.1.0
 * @status experimental
 * @dependency fenqi-plans
 * @dependency fenqi-schedule
 *
 * @event fenqi-ready - An offer is on screen (again whenever the amount or plans change); detail `{ amount, currency, planId, termMonths, payment, annualRate, plans }`.
 * @event fenqi-ineligible - No plan for this amount or currency; detail `{ reason, amount, currency, minAmount?, maxAmount? }`. The element hides, or shows its "not available" line.
 * @event fenqi-error - Invalid input or the bank could not be reached; detail `{ reason, code?, message }`. The element hides, or shows its "not available" line.
 * @event fenqi-open - The dialog opened.
 * @event fenqi-close - The dialog closed.
 * @event change - The shopper chose a plan in the dialog (from its `<fenqi-plans>`).
 * @event fenqi-select - With `change`: detail `{ planId, termMonths, amount, currency, payment }`.
 * @event fenqi-approved - With `client-secret`: the events of the `<fenqi-checkout>` it opens (`fenqi-approved`, `fenqi-declined`, `fenqi-review`, `fenqi-cancel`) reach the page through it.
 *
 * @example
 * ```html
 * <fenqi-offer amount="4999.00" currency="CNY" layout="card" locale="zh-CN"></fenqi-offer>
 * ```
 *
 * @csspart base - The message wrapper (`<p>` or card).
 * @csspart message - The offer text (text layout).
 * @csspart headline - The card's or badge's first line.
 * @csspart detail - The card's second line.
 * @csspart learn-more - The button that opens the dialog.
 * @csspart unavailable - The "not available" line (`when-unavailable="message"`).
 * @csspart dialog - The `<dialog>`.
 * @csspart dialog-title - Its heading.
 * @csspart close - Its close button.
 * @csspart example - The representative example.
 * @csspart apply - The apply button in the dialog (with `client-secret`).
 *
 * @cssproperty --fenqi-color-text - Text of badge, card and dialog.
 * @cssproperty --fenqi-color-muted - Secondary text.
 * @cssproperty --fenqi-color-accent - The learn-more button, focus ring, chosen plan.
 * @cssproperty --fenqi-color-surface - Badge, card and dialog background.
 * @cssproperty --fenqi-color-border - Borders.
 * @cssproperty --fenqi-radius - Corner radius. Default 0.5em.
 * @cssproperty --fenqi-line-height - Line height the reserved sizes are computed from. Default 1.5.
 * @cssproperty --fenqi-font-family - Font. Default inherited.
 * @cssproperty --fenqi-focus-ring - Focus outline. Default 2px solid accent.
 */
export default class FenqiOffer extends FenqiOfferElement {
  /** Adopted stylesheets (no inline styles, so a strict CSP needs no exception). */
  static override styles = [componentStyles, dialogStyles, styles];
  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    whenUnavailable: { attribute: 'when-unavailable', reflect: true },
    open: { type: Boolean, reflect: true },
    clientSecret: { attribute: 'client-secret' },
    chosenPlan: { state: true },
    checkoutLoaded: { state: true },
  };

  declare private chosenPlan: string | undefined;
  declare private checkoutLoaded: boolean;

  /** `text` (one line), `badge` (a pill) or `card` (three lines); each reserves its size before data arrives. */
  declare layout: FenqiOfferLayout;
  /** `hide` (default): nothing is shown when no plan fits; `message`: a one-line "not available" in the same reserved size. */
  declare whenUnavailable: FenqiWhenUnavailable;
  /** Whether the details dialog is open; set it, or call `show()` / `close()`. */
  declare open: boolean;
  /** A checkout session's client secret (`cs_…_secret_…`): the dialog then offers to apply, opening `<fenqi-checkout>` (loaded on demand) with the chosen plan. */
  declare clientSecret: string | undefined;

  constructor() {
    super();
    this.layout = 'text';
    this.whenUnavailable = 'hide';
    this.open = false;
    this.checkoutLoaded = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.offer__learn-more');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!LAYOUTS.includes(this.layout)) this.layout = 'text';
    if (this.whenUnavailable !== 'message') this.whenUnavailable = 'hide';
    if (this.source.state.status !== 'ready') this.open = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.emit('fenqi-open', {});
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Opens the details dialog (when an offer is shown). */
  show(): void {
    if (this.source.state.status === 'ready') this.open = true;
  }

  /** Closes the details dialog; focus returns to the "learn more" button. */
  close(): void {
    this.open = false;
  }

  private handleDialogClose(): void {
    this.open = false;
    // The platform restores focus too; this covers a trigger re-rendered while the dialog was open.
    const trigger = this.trigger;
    if (trigger && this.shadowRoot?.activeElement !== trigger) trigger.focus();
    this.emit('fenqi-close', {});
  }

  // A modal <dialog> makes the page inert, but Tab past its last control leaves for the browser's
  // own UI; two focus sentinels wrap it round instead, as the APG dialog pattern asks.
  private handleWrapToStart(): void {
    this.renderRoot.querySelector<HTMLElement>('.dialog__close')?.focus();
  }

  private handleWrapToEnd(): void {
    this.renderRoot.querySelector<HTMLElement>('fenqi-plans')?.focus();
  }

  /** Apply: the offer's dialog gives way to the checkout, which loads as its own chunk the first time. */
  private async handleApply(): Promise<void> {
    const plan = this.chosenPlan;
    this.close();
    try {
      await import('../checkout/checkout.js');
    } catch (error) {
      this.emit('fenqi-error', { reason: 'network', message: `The checkout could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    this.checkoutLoaded = true;
    await this.updateComplete;
    const checkout = this.renderRoot.querySelector('fenqi-checkout');
    if (!checkout) return;
    if (plan) checkout.plan = plan;
    await checkout.open();
  }

  private handleChosen(event: Event): void {
    this.chosenPlan = (event.target as { value?: string }).value;
  }

  /** The dialog's elements report through this one: their status events stop at the dialog. */
  private stopInner(event: Event): void {
    event.stopPropagation();
  }

  private selected(offers: readonly Offer[]): Offer {
    return offers.find((offer) => offer.plan.id === this.chosenPlan) ?? offers[0]!;
  }

  override render(): TemplateResult {
    return html`${this.renderMessage()}${this.renderCheckout()}`;
  }

  private renderCheckout(): TemplateResult | typeof nothing {
    // Outside the message, so an amount change that hides the offer never removes a checkout in progress.
    if (!this.checkoutLoaded || !this.clientSecret) return nothing;
    return html`<fenqi-checkout
      client-secret=${this.clientSecret}
      publishable-key=${ifDefined(this.publishableKey)}
      api-base=${ifDefined(this.apiBase)}
      locale=${this.displayLocale}
    ></fenqi-checkout>`;
  }

  private renderMessage(): TemplateResult | typeof nothing {
    const state = this.source.state;
    const m = this.messages;
    const layout = this.layout;
    if (state.status === 'loading') {
      return html`<p part="base" class="offer offer--${layout} offer--loading" aria-busy="true">
        ${layout === 'card' ? html`<span class="offer__skeleton"></span><span class="offer__skeleton"></span><span></span>` : html`<span class="offer__skeleton"></span>`}
        <span class="visually-hidden">${m.loading}</span>
      </p>`;
    }
    if (state.status !== 'ready') {
      if (this.whenUnavailable !== 'message') return nothing;
      return html`<p part="base unavailable" class="offer offer--${layout} offer--unavailable">${m.unavailable}</p>`;
    }
    const offers = state.offers.offers;
    const headline = offers[0]!;
    const payment = this.money(headline.schedule.instalments[0]!.payment);
    const learnMore = html`<button part="learn-more" class="offer__learn-more" type="button" aria-haspopup="dialog" @click=${this.show}>${m.learnMore}</button>`;
    const message =
      layout === 'card'
        ? html`<div part="base" class="offer offer--card">
            <span part="headline" class="offer__headline">${m.cardHeadline(payment)}</span>
            <span part="detail" class="offer__detail">${m.cardDetail(headline.plan.termMonths, this.rate(headline.annualRate))}</span>
            ${learnMore}
          </div>`
        : layout === 'badge'
          ? html`<p part="base" class="offer offer--badge"><span part="headline">${m.badge(payment)}</span>${learnMore}</p>`
          : html`<p part="base" class="offer offer--text"><span part="message">${m.offer(payment, headline.plan.termMonths, this.rate(headline.annualRate))}</span>${learnMore}</p>`;
    return html`${message}${this.renderDialog(offers)}`;
  }

  private renderDialog(offers: readonly Offer[]): TemplateResult {
    // One <dialog> element for the element's life; its content exists only while it is open, so an
    // amount change costs one line of text.
    return html`<dialog part="dialog" class="dialog" aria-labelledby="title" @close=${this.handleDialogClose}>
      ${this.open ? this.renderDialogContent(offers) : nothing}
    </dialog>`;
  }

  private renderDialogContent(offers: readonly Offer[]): TemplateResult {
    const m = this.messages;
    const chosen = this.selected(offers);
    const schedule = chosen.schedule;
    const amount = toDecimalString(schedule.principal);
    const currency = schedule.principal.currency;
    const scenario = this.source.state.status === 'ready' ? this.source.state.offers.rateCard.scenario : undefined;
    return html`<span class="dialog__sentinel" tabindex="0" @focus=${this.handleWrapToEnd}></span><div
      class="dialog__body"
      @fenqi-ready=${this.stopInner}
      @fenqi-ineligible=${this.stopInner}
      @fenqi-error=${this.stopInner}
    >
      <div class="dialog__header">
        <h2 id="title" part="dialog-title" class="dialog__title">${m.dialogTitle}</h2>
        <button part="close" class="dialog__close" type="button" @click=${this.close}>${m.close}</button>
      </div>
      <p part="example" class="dialog__example">
        ${m.representativeExample(
          this.money(schedule.principal),
          schedule.termMonths,
          this.money(schedule.instalments[0]!.payment),
          this.money(addMoney(schedule.totals.payment, schedule.upfrontFee)),
          this.rate(chosen.annualRate),
        )}
      </p>
      <fenqi-plans
        amount=${amount}
        currency=${currency}
        scenario=${ifDefined(scenario)}
        merchant=${ifDefined(this.merchant)}
        publishable-key=${ifDefined(this.publishableKey)}
        api-base=${ifDefined(this.apiBase)}
        locale=${this.displayLocale}
        .value=${chosen.plan.id}
        @change=${this.handleChosen}
      ></fenqi-plans>
      <fenqi-schedule
        amount=${amount}
        currency=${currency}
        scenario=${ifDefined(scenario)}
        merchant=${ifDefined(this.merchant)}
        publishable-key=${ifDefined(this.publishableKey)}
        api-base=${ifDefined(this.apiBase)}
        locale=${this.displayLocale}
        plan=${chosen.plan.id}
      ></fenqi-schedule>
      ${this.clientSecret
        ? html`<div class="dialog__actions"><button part="apply" class="dialog__apply" type="button" @click=${this.handleApply}>${m.apply}</button></div>`
        : nothing}
    </div><span class="dialog__sentinel" tabindex="0" @focus=${this.handleWrapToStart}></span>`;
  }
}
