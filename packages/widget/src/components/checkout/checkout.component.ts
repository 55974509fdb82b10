import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Money } from '@fenqi/core';
import { formatMoney, subtractMoney, toDecimalString } from '@fenqi/core';
import type { Application, CheckoutSession, FenqiClient, Offers, QuotedPlan } from '@fenqi/sdk';
import { ClientSecret, ConflictError, fromWire, IdempotencyError, isApiError, isNetworkError, isTimeoutError, isValidationError } from '@fenqi/sdk';
import { clientFor, configuration } from '../../configure/configure.js';
import type { FenqiErrorDetail } from '../../events/fenqi-error.js';
import type { ApplicantField, ApplicantFormValues, FieldProblem } from '../../internal/applicant-form.js';
import { checkApplicant, EMPTY_FORM, fieldsFor } from '../../internal/applicant-form.js';
import type { CheckoutMessages } from '../../internal/checkout-messages.js';
import { checkoutMessagesFor } from '../../internal/checkout-messages.js';
import { deviceSignals } from '../../internal/device-signals.js';
import { FenqiElement } from '../../internal/fenqi-element.js';
import type { Messages, SupportedLocale } from '../../internal/messages.js';
import { formatDay, formatPercent, messagesFor, resolveLocale } from '../../internal/messages.js';
import type { ScheduleView } from '../../internal/schedule-table.js';
import { scheduleTable } from '../../internal/schedule-table.js';
import { submissionKey } from '../../internal/submission-key.js';
import componentStyles from '../../styles/component.styles.js';
import dialogStyles from '../../styles/dialog.styles.js';
import scheduleStyles from '../schedule/schedule.styles.js';
import styles from './checkout.styles.js';

/**
 * Where `<fenqi-checkout>` is: `closed`; `loading` (reading the session); the three steps the
 * shopper fills in, `plan`, `details` and `consent`; `submitting`; a decision, `approved`,
 * `declined`, `review` or `counter-offer`; or a safe end, `expired` (the session is over) or
 * `unavailable` (the bank could not be reached, or the client secret is not a session's).
 *
 * @example
 * ```ts
 * if (checkout.step === 'review') showPendingBadge()
 * ```
 */
export type FenqiCheckoutStep =
  | 'closed'
  | 'loading'
  | 'plan'
  | 'details'
  | 'consent'
  | 'submitting'
  | 'approved'
  | 'declined'
  | 'review'
  | 'counter-offer'
  | 'expired'
  | 'unavailable';

const FILLING: readonly FenqiCheckoutStep[] = ['plan', 'details', 'consent', 'submitting'];
/** Steps after which closing the dialog is not a cancellation: the shopper has an answer, or one is coming. */
const ANSWERED: readonly FenqiCheckoutStep[] = ['approved', 'declined', 'review'];
/** How often a recovered submission looks for the application the bank is still creating. */
const RECOVERY_ATTEMPTS = 5;

/**
 * @summary The application flow in a modal `<dialog>`: choose a plan (with its schedule and
 * annual rate), give applicant details, consent, and get the bank's decision — approved,
 * declined with reasons in plain words, in review (it keeps asking, and finds the application
 * again after a reload), or a counter-offer to accept. The partner's server fixed the amount in
 * the checkout session; the browser holds only its client secret and can never change it. One
 * session creates one application: retries, double clicks and reloads share one idempotency key.
 * No personal data is written to any browser storage. Loads as its own chunk: import
 * `@fenqi/widget/checkout.js`, call `loadCheckout()`, or set `client-secret` on `<fenqi-offer>`.
 * @since 0.1.0
 * @status experimental
 * @dependency fenqi-plans
 * @dependency fenqi-schedule
 *
 * @event fenqi-open - The dialog opened.
 * @event fenqi-close - The dialog closed.
 * @event fenqi-approved - Approved; detail `{ applicationId, sessionId, planId, termMonths, amount, currency, payment, annualRate, expiresAt, counterOffer }`. Confirm the order on your server.
 * @event fenqi-declined - Declined; detail `{ applicationId, sessionId, planId, reasons }` (stable codes).
 * @event fenqi-review - In review; detail `{ applicationId, sessionId, planId, decisionExpectedAt? }`.
 * @event fenqi-cancel - The shopper left without an approval; detail `{ reason, step, applicationId?, planId? }`.
 * @event fenqi-error - The session is over or unknown, or the bank could not be reached; detail `{ reason, code?, message }`.
 *
 * @example
 * ```html
 * <fenqi-checkout client-secret="cs_…_secret_…" publishable-key="pk_test_…" locale="zh-CN"></fenqi-checkout>
 * <script type="module">
 *   document.querySelector('fenqi-checkout').open()
 * </script>
 * ```
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart dialog-title - Its heading.
 * @csspart close - Its close button.
 * @csspart progress - "Step 2 of 3".
 * @csspart step-title - The heading of the current step.
 * @csspart field - One form field (label, hint, control, error).
 * @csspart field-error - A field's error message.
 * @csspart primary - The main button of a step (Continue, Apply, Accept).
 * @csspart secondary - Back, Pay another way, No thanks.
 * @csspart decision - The decision panel.
 *
 * @cssproperty --fenqi-color-text - Text.
 * @cssproperty --fenqi-color-muted - Hints and secondary text.
 * @cssproperty --fenqi-color-accent - Primary buttons and focus ring.
 * @cssproperty --fenqi-color-surface - Dialog background.
 * @cssproperty --fenqi-color-border - Borders and field outlines.
 * @cssproperty --fenqi-color-danger - Field errors. Default #b3261e.
 * @cssproperty --fenqi-radius - Corner radius. Default 0.5em.
 */
export default class FenqiCheckout extends FenqiElement {
  /** Adopted stylesheets (no inline styles, so a strict CSP needs no exception). */
  static override styles = [componentStyles, dialogStyles, scheduleStyles, styles];
  static override properties: PropertyDeclarations = {
    clientSecret: { attribute: 'client-secret' },
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    plan: {},
    termsVersion: { attribute: 'terms-version' },
    privacyVersion: { attribute: 'privacy-version' },
    termsUrl: { attribute: 'terms-url' },
    privacyUrl: { attribute: 'privacy-url' },
    pollInterval: { attribute: 'poll-interval', type: Number },
    step: { reflect: true },
    session: { state: true },
    offers: { state: true },
    planId: { state: true },
    values: { state: true },
    problems: { state: true },
    consent: { state: true },
    notice: { state: true },
    application: { state: true },
    busy: { state: true },
  };

  declare private session: CheckoutSession | undefined;
  declare private offers: Offers | undefined;
  declare private planId: string;
  declare private values: ApplicantFormValues;
  declare private problems: Partial<Record<ApplicantField, FieldProblem>>;
  declare private consent: { readonly creditCheck: boolean; readonly terms: boolean; readonly acceptedAt?: string };
  /** A line shown under the step's form: why it cannot go on (consent missing, the bank unreachable). */
  declare private notice: 'consent' | 'submit-failed' | 'error-summary' | undefined;
  declare private application: Application | undefined;
  /** A request the shopper started is on its way (apply, accept): buttons wait. */
  declare private busy: boolean;

  private displayLocale: SupportedLocale = 'en-US';
  private messages: CheckoutMessages = checkoutMessagesFor('en-US');
  private offerMessages: Messages = messagesFor('en-US');
  private loadSequence = 0;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private announced = '';
  private emitted = '';
  /** The application whose final terms the shopper accepted here (a counter-offer, or a repriced plan). */
  private acceptedTermsOf = '';
  private opener: HTMLElement | null = null;
  private focusPending: 'heading' | 'first-problem' | undefined;

  /** The checkout session's client secret (`cs_…_secret_…`) your server created for this order. */
  declare clientSecret: string | undefined;
  /** Your publishable key (`pk_…`); defaults to configure({ publishableKey }). */
  declare publishableKey: string | undefined;
  /** The bank's API origin; defaults to configure({ apiBase }), then the SDK's default for the key. */
  declare apiBase: string | undefined;
  /** Display language (`zh-CN`, `en-US`, `en-GB`, `ja-JP`); defaults to configure({ locale }), the nearest `lang`, then the browser's. */
  declare locale: string | undefined;
  /** The plan to preselect (`plan_…`), e.g. the one chosen in `<fenqi-offer>`'s dialog; else the cheapest monthly payment. */
  declare plan: string | undefined;
  /** Version of the loan terms the shopper accepts, recorded in the application. @default '2026-11' */
  declare termsVersion: string;
  /** Version of the privacy notice the shopper accepts, recorded in the application. @default '2026-11' */
  declare privacyVersion: string;
  /** Where the loan terms can be read (opens in a new tab); no link when unset. */
  declare termsUrl: string | undefined;
  /** Where the privacy notice can be read (opens in a new tab); no link when unset. */
  declare privacyUrl: string | undefined;
  /** How often, in milliseconds, an application in review is asked about while the element is on the page. @default 5000 */
  declare pollInterval: number;
  /** Read-only, reflected: where the checkout is (see {@link FenqiCheckoutStep}). */
  declare step: FenqiCheckoutStep;

  constructor() {
    super();
    this.step = 'closed';
    this.planId = '';
    this.values = EMPTY_FORM;
    this.problems = {};
    this.consent = { creditCheck: false, terms: false };
    this.termsVersion = '2026-11';
    this.privacyVersion = '2026-11';
    this.pollInterval = 5000;
    this.busy = false;
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.step !== 'closed';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.application?.status === 'review') this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.displayLocale = resolveLocale(this, this.locale, configuration().locale);
    this.messages = checkoutMessagesFor(this.displayLocale);
    this.offerMessages = messagesFor(this.displayLocale);
    // Another session (the partner made a new one): forget the old one's state, keep the typing.
    if (changed.has('clientSecret') && changed.get('clientSecret') !== undefined) {
      this.forgetSession();
      if (this.isOpen) void this.load();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Focus follows the step: its heading (read out by screen readers), or the first field to fix.
    const focus = this.focusPending;
    this.focusPending = undefined;
    if (focus === 'first-problem') {
      const first = fieldsFor(this.offers?.rateCard.market ?? 'CN').find((field) => this.problems[field]);
      this.renderRoot.querySelector<HTMLElement>(first ? `#field-${first}` : '.step__title')?.focus();
    } else if (focus === 'heading') {
      this.renderRoot.querySelector<HTMLElement>('.step__title')?.focus();
    }
  }

  /** Opens the dialog and loads the session: its plans, or the decision of its application. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    this.opener = activeElement();
    this.step = 'loading';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.emit('fenqi-open', {});
    await this.load();
  }

  /** Closes the dialog; focus returns to where it was. What the shopper typed stays for a reopen. */
  close(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    // At once, not on the dialog's close event a task later: a reopen right after must work.
    this.handleDialogClose();
  }

  private get client(): FenqiClient | FenqiErrorDetail {
    const config = configuration();
    const publishableKey = this.publishableKey || config.publishableKey;
    if (!publishableKey) return { reason: 'configuration-missing', message: 'Set publishable-key on <fenqi-checkout>, or call configure({ publishableKey }).' };
    if (typeof this.clientSecret !== 'string' || !ClientSecret.safeParse(this.clientSecret).success) {
      return { reason: 'configuration-invalid', message: 'Set client-secret to the checkout session client secret your server created (cs_…_secret_…).' };
    }
    try {
      return clientFor(publishableKey, this.apiBase || config.apiBase, config.fetch);
    } catch (error) {
      return { reason: 'configuration-invalid', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private forgetSession(): void {
    clearTimeout(this.pollTimer);
    this.session = undefined;
    this.offers = undefined;
    this.application = undefined;
    this.planId = '';
    this.notice = undefined;
    this.emitted = '';
    this.acceptedTermsOf = '';
    this.consent = { creditCheck: false, terms: false };
  }

  /**
   * True when the bank approved other terms than the plan the shopper chose (a risk-based rate):
   * the shopper must accept them before the approval counts, so nothing is confirmed on terms
   * they never saw.
   */
  private needsAcceptance(application: Application): boolean {
    if (application.status !== 'approved' || this.acceptedTermsOf === application.id) return false;
    // A lower amount than the session's is a counter-offer the shopper accepted at the bank.
    if (this.session && application.plan.totals.principal.value !== this.session.amount.value) return false;
    const chosen = this.offers?.offers.find((offer) => offer.plan.id === application.planId);
    return !chosen || toDecimalString(chosen.schedule.totals.payment) !== application.plan.totals.payment.value || chosen.annualRate.percent !== application.plan.annualRate.percent;
  }

  private async load(): Promise<void> {
    const sequence = ++this.loadSequence;
    this.step = 'loading';
    const client = this.client;
    if (!isClient(client)) return this.stop('unavailable', client);
    const secret = this.clientSecret!;
    try {
      const session = await client.checkoutSessions.retrieve(secret);
      if (sequence !== this.loadSequence) return;
      this.session = session;
      if (session.applicationId) {
        const application = await client.applications.retrieve(session.applicationId, secret);
        // The plans the shopper was shown, to tell an approval on those terms from a repriced one.
        if (application.status === 'approved') this.offers ??= await client.offersFor(fromWire(session.amount), { merchant: session.merchant, scenario: session.scenario });
        if (sequence === this.loadSequence) this.showDecision(application);
        return;
      }
      if (session.status !== 'open') return this.stop('expired', { reason: 'session-expired', message: `Checkout session ${session.id} is ${session.status}; create a new one on your server.` });
      const offers = await client.offersFor(fromWire(session.amount), { merchant: session.merchant, scenario: session.scenario });
      if (sequence !== this.loadSequence) return;
      if (offers.offers.length === 0) return this.stop('unavailable', { reason: 'api', message: `The bank offers no plan for ${session.amount.value} ${session.amount.currency}.` });
      this.offers = offers;
      const ids = offers.offers.map((offer) => offer.plan.id);
      this.planId = [this.planId, this.plan].find((id) => id && ids.includes(id)) ?? ids[0]!;
      this.go('plan');
    } catch (error) {
      if (sequence === this.loadSequence) this.stopOn(error);
    }
  }

  /** A safe end state with its `fenqi-error`: nothing more can happen without a new session or a retry. */
  private stop(step: 'expired' | 'unavailable', detail: FenqiErrorDetail): void {
    this.go(step);
    this.emit('fenqi-error', detail);
  }

  private stopOn(error: unknown): void {
    if (isApiError(error) && (error.status === 409 || error.status === 410) && /expired|used|completed/.test(error.problem?.type ?? '')) {
      return this.stop('expired', { reason: 'session-expired', code: String(error.status), message: error.message });
    }
    if (isApiError(error) && [401, 403, 404].includes(error.status)) return this.stop('unavailable', { reason: 'session-invalid', code: String(error.status), message: error.message });
    this.stop('unavailable', errorDetail(error));
  }

  private go(step: FenqiCheckoutStep, focus: 'heading' | 'first-problem' = 'heading'): void {
    this.step = step;
    this.focusPending = focus;
  }

  private showDecision(application: Application): void {
    this.application = application;
    clearTimeout(this.pollTimer);
    const m = this.messages;
    const title = { approved: m.approvedTitle, declined: m.declinedTitle, review: m.reviewTitle, counter_offer: m.counterOfferTitle }[application.status];
    // A decision that arrives while the dialog is closed (a review decided later) waits there:
    // open() loads and shows it; the events below still go out.
    if (this.step !== 'closed') {
      this.announce(title);
      this.go(application.status === 'counter_offer' ? 'counter-offer' : application.status);
    }
    const once = `${application.id} ${application.status}`;
    if (once === this.emitted) {
      if (application.status === 'review') this.schedulePoll();
      return;
    }
    this.emitted = once;
    const base = { applicationId: application.id, sessionId: application.sessionId, planId: application.planId };
    switch (application.status) {
      case 'approved': {
        if (this.needsAcceptance(application)) {
          this.emitted = ''; // fenqi-approved waits for the shopper's yes
          break;
        }
        const plan = application.plan;
        this.emit('fenqi-approved', {
          ...base,
          termMonths: plan.termMonths,
          amount: plan.totals.principal.value,
          currency: plan.totals.principal.currency,
          payment: plan.instalments[0]!.payment.value,
          annualRate: { ...plan.annualRate },
          expiresAt: application.expiresAt,
          counterOffer: this.session !== undefined && fromWire(plan.totals.principal).minor !== fromWire(this.session.amount).minor,
        });
        break;
      }
      case 'declined':
        this.emit('fenqi-declined', { ...base, reasons: application.reasons.map((reason) => reason.code) });
        break;
      case 'review':
        this.emit('fenqi-review', { ...base, ...(application.decisionExpectedAt ? { decisionExpectedAt: application.decisionExpectedAt } : {}) });
        this.schedulePoll();
        break;
      case 'counter_offer':
        break;
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if (!this.isConnected) return;
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(50, Number.isFinite(this.pollInterval) ? this.pollInterval : 5000));
  }

  private async poll(): Promise<void> {
    const client = this.client;
    const application = this.application;
    if (!isClient(client) || application?.status !== 'review') return;
    try {
      const latest = await client.applications.retrieve(application.id, this.clientSecret!);
      if (this.application?.id !== latest.id) return;
      if (latest.status === 'review') this.schedulePoll();
      else this.showDecision(latest);
    } catch {
      // A failed look is not a decision: ask again later.
      this.schedulePoll();
    }
  }

  /** Says a change that happens without the shopper's action (a decision, a wait) to screen readers. */
  private announce(text: string): void {
    this.announced = text;
  }

  /** The dialog's own close event (Esc, or a task after close()): stale once a reopen showed it again. */
  private handleCloseEvent(event: Event): void {
    if (!(event.target as HTMLDialogElement).open) this.handleDialogClose();
  }

  private handleDialogClose(): void {
    const step = this.step;
    if (step === 'closed') return; // close() has done it; this is the dialog's own close event
    this.loadSequence++; // a load still on its way lands nowhere
    this.step = 'closed';
    // An approval on terms the shopper has not accepted yet is not an answer: leaving it is a cancellation.
    if (!ANSWERED.includes(step) || (step === 'approved' && this.application !== undefined && this.needsAcceptance(this.application))) {
      this.emit('fenqi-cancel', { reason: 'closed', step, ...(this.application ? { applicationId: this.application.id, planId: this.application.planId } : {}) });
    }
    if (this.application?.status === 'review') this.schedulePoll();
    this.opener?.focus();
    this.opener = null;
    this.emit('fenqi-close', {});
  }

  // A modal <dialog> makes the page inert, but Tab past its last control leaves for the browser's
  // own UI; two focus sentinels wrap it round instead, as the APG dialog pattern asks.
  private handleWrapToStart(): void {
    this.renderRoot.querySelector<HTMLElement>('.dialog__close')?.focus();
  }

  private handleWrapToEnd(): void {
    const controls = this.renderRoot.querySelectorAll<HTMLElement>('.dialog__body button:not([disabled]), .dialog__body input, .dialog__body select, .dialog__body a, .dialog__body fenqi-plans');
    controls[controls.length - 1]?.focus();
  }

  /** The dialog's own elements report through the checkout's events: theirs stop here. */
  private stopInner(event: Event): void {
    event.stopPropagation();
  }

  private handlePlanChange(event: Event): void {
    event.stopPropagation();
    const value = (event.target as { value?: string }).value;
    if (value) this.planId = value;
  }

  private handleToDetails(): void {
    this.notice = undefined;
    this.go('details');
  }

  private handleBack(): void {
    this.notice = undefined;
    this.go(this.step === 'consent' ? 'details' : 'plan');
  }

  private context() {
    return { market: this.offers!.rateCard.market, currency: this.session!.amount.currency, today: localToday() };
  }

  private handleInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const field = control.name as ApplicantField;
    this.values = { ...this.values, [field]: control.value };
    // An error shown clears as soon as the value is right; a new one waits for the blur.
    if (this.problems[field]) this.recheck([field]);
  }

  private handleBlur(event: Event): void {
    const field = (event.target as HTMLInputElement).name as ApplicantField;
    // The resident ID's birth date is compared with the date of birth: recheck both together.
    this.recheck(field === 'dateOfBirth' && this.values.nationalId ? [field, 'nationalId'] : [field]);
  }

  private recheck(fields: readonly ApplicantField[]): void {
    const check = checkApplicant(this.values, this.context());
    const problems = { ...this.problems };
    for (const field of fields) {
      const problem = check.ok ? undefined : check.problems[field];
      if (problem) problems[field] = problem;
      else delete problems[field];
    }
    this.problems = problems;
    if (this.notice === 'error-summary' && Object.keys(problems).length === 0) this.notice = undefined;
  }

  private handleDetailsSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const check = checkApplicant(this.values, this.context());
    if (!check.ok) {
      this.problems = check.problems;
      this.notice = 'error-summary';
      this.focusPending = 'first-problem';
      return;
    }
    this.problems = {};
    this.notice = undefined;
    this.go('consent');
  }

  private handleConsentChange(event: Event): void {
    const box = event.target as HTMLInputElement;
    const next = { ...this.consent, [box.name]: box.checked };
    // The moment of consent, kept for retries: a resent application must be the same body, so the
    // bank replays its answer instead of refusing the reused idempotency key.
    this.consent = next.creditCheck && next.terms ? { ...next, acceptedAt: this.consent.acceptedAt ?? new Date().toISOString() } : { creditCheck: next.creditCheck, terms: next.terms };
    if (this.notice === 'consent' && next.creditCheck && next.terms) this.notice = undefined;
  }

  private handleApply(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return; // a second click while the first is on its way
    if (!this.consent.creditCheck || !this.consent.terms) {
      this.notice = 'consent';
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${this.consent.creditCheck ? 'terms' : 'creditCheck'}"]`)?.focus();
      return;
    }
    this.busy = true;
    void this.submit().finally(() => {
      this.busy = false;
    });
  }

  private async submit(): Promise<void> {
    const client = this.client;
    const session = this.session;
    if (!isClient(client) || !session) return;
    const check = checkApplicant(this.values, this.context());
    if (!check.ok) {
      this.problems = check.problems;
      this.notice = 'error-summary';
      return this.go('details', 'first-problem');
    }
    this.notice = undefined;
    this.step = 'submitting';
    this.announce(this.messages.submitting);
    const device = await deviceSignals().catch(() => undefined);
    const request = {
      clientSecret: this.clientSecret!,
      planId: this.planId,
      applicant: check.applicant,
      consent: { creditCheck: true as const, termsVersion: this.termsVersion, privacyVersion: this.privacyVersion, acceptedAt: this.consent.acceptedAt ?? new Date().toISOString() },
      ...(device ? { device } : {}),
    };
    try {
      this.showDecision(await client.applications.create(request, { idempotencyKey: submissionKey(session.id) }));
    } catch (error) {
      await this.recover(client, error);
    }
  }

  /** After a failed submission: find the application if the bank made one, else say what to do. */
  private async recover(client: FenqiClient, error: unknown): Promise<void> {
    if (error instanceof ConflictError || error instanceof IdempotencyError) {
      // The session already has an application (another tab, a reload mid-submit), or the bank is
      // still making it under our key: show that one rather than a second.
      for (let attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt++) {
        try {
          const session = await client.checkoutSessions.retrieve(this.clientSecret!);
          if (session.applicationId) return this.showDecision(await client.applications.retrieve(session.applicationId, this.clientSecret!));
          if (session.status !== 'open') return this.stop('expired', { reason: 'session-expired', message: `Checkout session ${session.id} is ${session.status}.` });
        } catch (retryError) {
          return this.failSubmit(retryError);
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
    if (isApiError(error) && error.status === 422) {
      // The bank refused a field the form could not check (its rules are wider): point at it.
      const problems: Partial<Record<ApplicantField, FieldProblem>> = {};
      for (const issue of error.problem?.errors ?? []) {
        const field = /^#\/applicant\/(\w+)/.exec(issue.pointer)?.[1] as ApplicantField | undefined;
        if (field && fieldsFor(this.offers!.rateCard.market).includes(field)) problems[field] = 'invalid';
      }
      if (Object.keys(problems).length > 0) {
        this.problems = problems;
        this.notice = 'error-summary';
        return this.go('details', 'first-problem');
      }
    }
    this.failSubmit(error);
  }

  private failSubmit(error: unknown): void {
    if (isApiError(error) && [401, 403, 404, 409, 410].includes(error.status)) return this.stopOn(error);
    // Nothing is lost: the form keeps its values and the next try reuses the same key.
    this.step = 'consent';
    this.notice = 'submit-failed';
    this.announce(this.messages.submitFailed);
    this.emit('fenqi-error', errorDetail(error));
  }

  private async handleAcceptOffer(): Promise<void> {
    const client = this.client;
    const application = this.application;
    if (!isClient(client) || application?.status !== 'counter_offer' || this.busy) return;
    this.notice = undefined;
    this.busy = true;
    await client.applications
      .acceptOffer(application.id, this.clientSecret!, { idempotencyKey: `${submissionKey(application.sessionId)}-accept` })
      .then(
        (accepted) => {
          this.acceptedTermsOf = accepted.id; // the counter-offer's terms, just accepted
          this.showDecision(accepted);
        },
        (error: unknown) => {
          if (isApiError(error) && [401, 403, 404, 410].includes(error.status)) return this.stopOn(error);
          this.notice = 'submit-failed';
          this.announce(this.messages.submitFailed);
          this.emit('fenqi-error', errorDetail(error));
        },
      )
      .finally(() => {
        this.busy = false;
      });
  }

  /** The shopper accepts the repriced terms of an approval: now it counts. */
  private handleAcceptTerms(): void {
    const application = this.application;
    if (application?.status !== 'approved') return;
    this.acceptedTermsOf = application.id;
    this.showDecision(application);
    this.requestUpdate(); // same step, other words and buttons; focus goes back to its heading
  }

  private handleDeclineTerms(): void {
    const application = this.application;
    this.emit('fenqi-cancel', { reason: 'terms-declined', step: this.step, ...(application ? { applicationId: application.id, planId: application.planId } : {}) });
    this.step = 'declined'; // closing now is not a second cancellation
    this.close();
  }

  private handleDeclineOffer(): void {
    const application = this.application;
    this.emit('fenqi-cancel', { reason: 'counter-offer-declined', step: this.step, ...(application ? { applicationId: application.id, planId: application.planId } : {}) });
    // Closing now is not a second cancellation.
    this.step = 'declined';
    this.close();
  }

  private money(money: Money): string {
    return formatMoney(money, this.displayLocale);
  }

  /** The disclosed rate with its market's name: "APR 13.0%", "年化利率 13.03%". */
  private rate(rate: QuotedPlan['annualRate']): string {
    return `${this.offerMessages.rateLabel(rate.market)} ${this.percent(rate)}`;
  }

  /** The bank's percentage, digits exactly as disclosed. */
  private percent(rate: QuotedPlan['annualRate']): string {
    const point = rate.percent.indexOf('.');
    return formatPercent(rate.percent, point === -1 ? 0 : rate.percent.length - point - 1, this.displayLocale);
  }

  private day(isoDay: string): string {
    return new Intl.DateTimeFormat(this.displayLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
  }

  override render(): TemplateResult {
    const m = this.messages;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="title" @close=${this.handleCloseEvent}>
      ${this.isOpen
        ? html`<span class="dialog__sentinel" tabindex="0" @focus=${this.handleWrapToEnd}></span>
            <div class="dialog__body" @fenqi-ready=${this.stopInner} @fenqi-ineligible=${this.stopInner} @fenqi-error=${this.stopInner} @fenqi-select=${this.stopInner}>
              <div class="dialog__header">
                <h2 id="title" part="dialog-title" class="dialog__title">${m.title}</h2>
                <button part="close" class="dialog__close" type="button" @click=${this.close}>${m.close}</button>
              </div>
              ${this.renderProgress()}
              <p class="visually-hidden" role="status">${this.announced}</p>
              ${this.renderStep()}
            </div>
            <span class="dialog__sentinel" tabindex="0" @focus=${this.handleWrapToStart}></span>`
        : nothing}
    </dialog>`;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const index = FILLING.indexOf(this.step);
    if (index === -1) return nothing;
    const m = this.messages;
    const number = Math.min(index, 2) + 1;
    const name = [m.stepNames.plan, m.stepNames.details, m.stepNames.consent][number - 1];
    return html`<p part="progress" class="checkout__progress">${m.stepOf(number, 3)} · ${name}</p>`;
  }

  private renderStep(): TemplateResult {
    const m = this.messages;
    switch (this.step) {
      case 'plan':
        return this.renderPlan();
      case 'details':
        return this.renderDetails();
      case 'consent':
      case 'submitting':
        return this.renderConsent();
      case 'approved':
      case 'declined':
      case 'review':
      case 'counter-offer':
        return this.renderDecision();
      case 'expired':
        return this.renderEnd(m.expiredTitle, m.expiredText, false);
      case 'unavailable':
        return this.renderEnd(m.unavailableTitle, m.unavailableText, true);
      default:
        return html`<p class="checkout__loading" aria-busy="true">${m.loading}</p>`;
    }
  }

  private heading(text: string): TemplateResult {
    return html`<h3 part="step-title" class="step__title" tabindex="-1">${text}</h3>`;
  }

  private renderPlan(): TemplateResult {
    const m = this.messages;
    const session = this.session!;
    const common = {
      amount: session.amount.value,
      currency: session.amount.currency,
    };
    return html`<section class="checkout__step">
      ${this.heading(m.stepNames.plan)}
      <p>${m.planIntro(this.money(fromWire(session.amount)))}</p>
      <fenqi-plans
        amount=${common.amount}
        currency=${common.currency}
        scenario=${session.scenario}
        merchant=${session.merchant}
        publishable-key=${ifDefined(this.publishableKey)}
        api-base=${ifDefined(this.apiBase)}
        locale=${this.displayLocale}
        .value=${this.planId}
        @change=${this.handlePlanChange}
      ></fenqi-plans>
      <fenqi-schedule
        amount=${common.amount}
        currency=${common.currency}
        scenario=${session.scenario}
        merchant=${session.merchant}
        publishable-key=${ifDefined(this.publishableKey)}
        api-base=${ifDefined(this.apiBase)}
        locale=${this.displayLocale}
        plan=${this.planId}
      ></fenqi-schedule>
      <div class="checkout__actions">
        <button part="primary" class="button button--primary" type="button" @click=${this.handleToDetails}>${m.continue}</button>
      </div>
    </section>`;
  }

  private renderDetails(): TemplateResult {
    const m = this.messages;
    const fields = fieldsFor(this.offers!.rateCard.market);
    const count = fields.filter((field) => this.problems[field]).length;
    return html`<section class="checkout__step">
      ${this.heading(m.stepNames.details)}
      <form class="checkout__form" novalidate @submit=${this.handleDetailsSubmit}>
        ${this.notice === 'error-summary' && count > 0 ? html`<p class="checkout__notice" role="alert">${m.errorSummary(count)}</p>` : nothing}
        ${fields.map((field) => this.renderField(field))}
        <div class="checkout__actions">
          <button part="secondary" class="button" type="button" @click=${this.handleBack}>${m.back}</button>
          <button part="primary" class="button button--primary" type="submit">${m.continue}</button>
        </div>
      </form>
    </section>`;
  }

  private renderField(field: ApplicantField): TemplateResult {
    const m = this.messages;
    const problem = this.problems[field];
    const hint = m.hints[field];
    const currency = this.session!.amount.currency;
    const describedBy = [hint ? `hint-${field}` : '', problem ? `error-${field}` : ''].filter(Boolean).join(' ');
    const label = field === 'monthlyIncome' || field === 'existingMonthlyDebt' ? `${m.fields[field]} (${currency})` : m.fields[field];
    const common = {
      id: `field-${field}`,
      invalid: problem ? 'true' : 'false',
      describedBy: describedBy || undefined,
    };
    let control: TemplateResult;
    if (field === 'employment' || field === 'housing') {
      const options = field === 'employment' ? m.employment : m.housing;
      control = html`<select id=${common.id} name=${field} required aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedBy)} @change=${this.handleInput} @blur=${this.handleBlur}>
        <option value="" ?selected=${this.values[field] === ''}>${m.choose}</option>
        ${Object.entries(options).map(([value, text]) => html`<option value=${value} ?selected=${this.values[field] === value}>${text}</option>`)}
      </select>`;
    } else {
      const type = field === 'email' ? 'email' : field === 'mobile' ? 'tel' : field === 'dateOfBirth' ? 'date' : 'text';
      const autocomplete = { name: 'name', dateOfBirth: 'bday', email: 'email', mobile: 'tel', nationalId: 'off', monthlyIncome: 'off', existingMonthlyDebt: 'off' }[field];
      const inputmode = field === 'monthlyIncome' || field === 'existingMonthlyDebt' ? 'decimal' : undefined;
      control = html`<input
        id=${common.id}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        inputmode=${ifDefined(inputmode)}
        max=${ifDefined(field === 'dateOfBirth' ? localToday() : undefined)}
        spellcheck="false"
        required
        aria-invalid=${common.invalid}
        aria-describedby=${ifDefined(common.describedBy)}
        .value=${live(this.values[field])}
        @input=${this.handleInput}
        @blur=${this.handleBlur}
      />`;
    }
    return html`<div part="field" class="field ${problem ? 'field--invalid' : ''}">
      <label class="field__label" for=${common.id}>${label}</label>
      ${hint ? html`<span class="field__hint" id="hint-${field}">${hint}</span>` : nothing}
      ${control}
      ${problem ? html`<span part="field-error" class="field__error" id="error-${field}">${m.problem(field, problem)}</span>` : nothing}
    </div>`;
  }

  private renderConsent(): TemplateResult {
    const m = this.messages;
    const busy = this.step === 'submitting';
    return html`<section class="checkout__step">
      ${this.heading(m.stepNames.consent)}
      <form class="checkout__form" novalidate @submit=${this.handleApply} aria-busy=${busy ? 'true' : 'false'}>
        <p>${m.consentIntro}</p>
        <label class="check"><input type="checkbox" name="creditCheck" .checked=${live(this.consent.creditCheck)} @change=${this.handleConsentChange} />${m.creditCheck}</label>
        <label class="check"><input type="checkbox" name="terms" .checked=${live(this.consent.terms)} @change=${this.handleConsentChange} />${m.terms(this.termsVersion, this.privacyVersion)}</label>
        ${this.termsUrl || this.privacyUrl
          ? html`<p class="checkout__links">
              ${this.termsUrl ? html`<a href=${this.termsUrl} target="_blank" rel="noopener">${m.termsLink}</a>` : nothing}
              ${this.privacyUrl ? html`<a href=${this.privacyUrl} target="_blank" rel="noopener">${m.privacyLink}</a>` : nothing}
            </p>`
          : nothing}
        ${this.notice === 'consent' ? html`<p class="checkout__notice" role="alert">${m.consentRequired}</p>` : nothing}
        ${this.notice === 'submit-failed' ? html`<p class="checkout__notice" role="alert">${m.submitFailed}</p>` : nothing}
        ${busy ? html`<p class="checkout__busy">${m.submitting}</p>` : nothing}
        <div class="checkout__actions">
          <button part="secondary" class="button" type="button" ?disabled=${busy} @click=${this.handleBack}>${m.back}</button>
          <button part="primary" class="button button--primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${this.notice === 'submit-failed' ? m.tryAgain : m.apply}</button>
        </div>
      </form>
    </section>`;
  }

  private renderDecision(): TemplateResult {
    const application = this.application!;
    const m = this.messages;
    switch (application.status) {
      case 'approved': {
        const plan = application.plan;
        const first = plan.instalments[0]!;
        const chosen = this.offers?.offers.find((offer) => offer.plan.id === application.planId);
        const pending = this.needsAcceptance(application);
        return html`<section part="decision" class="checkout__step decision decision--approved">
          ${this.heading(m.approvedTitle)}
          <p>${m.approvedSummary(this.money(fromWire(plan.totals.principal)), plan.termMonths, this.money(fromWire(first.payment)), this.rate(plan.annualRate))}</p>
          ${pending ? html`<p class="checkout__notice">${m.repriced(this.rate(plan.annualRate), chosen ? this.rate(chosen.annualRate) : undefined, this.money(fromWire(plan.totals.payment)))}</p>` : nothing}
          ${first.dueDate ? html`<p>${m.firstPayment(this.money(fromWire(first.payment)), this.day(first.dueDate))}</p>` : nothing}
          ${pending ? nothing : html`<p>${m.nextSteps}</p>`}
          ${scheduleTable(scheduleView(plan), { messages: this.offerMessages, money: (money) => this.money(money), day: (isoDay) => formatDay(isoDay, this.displayLocale), rate: { market: plan.annualRate.market, shown: this.percent(plan.annualRate) } })}
          <div class="checkout__actions">
            ${pending
              ? html`<button part="secondary" class="button" type="button" @click=${this.handleDeclineTerms}>${m.declineOffer}</button>
                  <button part="primary" class="button button--primary" type="button" @click=${this.handleAcceptTerms}>${m.acceptTerms}</button>`
              : html`<button part="primary" class="button button--primary" type="button" @click=${this.close}>${m.done}</button>`}
          </div>
        </section>`;
      }
      case 'declined':
        return html`<section part="decision" class="checkout__step decision decision--declined">
          ${this.heading(m.declinedTitle)}
          <p>${m.declinedIntro}</p>
          <ul class="decision__reasons">
            ${application.reasons.map((reason) => html`<li>${m.declineReason(reason.code) ?? m.declinedGeneric}</li>`)}
          </ul>
          <div class="checkout__actions">
            <button part="primary" class="button button--primary" type="button" @click=${this.close}>${m.payAnotherWay}</button>
          </div>
        </section>`;
      case 'review': {
        const expected = application.decisionExpectedAt
          ? new Intl.DateTimeFormat(this.displayLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(application.decisionExpectedAt))
          : undefined;
        return html`<section part="decision" class="checkout__step decision decision--review">
          ${this.heading(m.reviewTitle)}
          <p>${m.reviewText(expected)}</p>
          <p class="checkout__busy" aria-busy="true">${m.reviewChecking}</p>
          <div class="checkout__actions">
            <button part="primary" class="button button--primary" type="button" @click=${this.close}>${m.close}</button>
          </div>
        </section>`;
      }
      case 'counter_offer': {
        const { offer } = application;
        const offered = fromWire(offer.amount);
        const requested = this.session ? fromWire(this.session.amount) : offered;
        const busy = this.busy;
        return html`<section part="decision" class="checkout__step decision decision--counter-offer">
          ${this.heading(m.counterOfferTitle)}
          <p>${m.counterOfferText(this.money(offered), this.money(requested), offer.plan.termMonths, this.money(fromWire(offer.plan.instalments[0]!.payment)), this.rate(offer.plan.annualRate))}</p>
          ${requested.minor > offered.minor ? html`<p>${m.counterOfferRest(this.money(subtractMoney(requested, offered)))}</p>` : nothing}
          ${this.notice === 'submit-failed' ? html`<p class="checkout__notice" role="alert">${m.submitFailed}</p>` : nothing}
          <div class="checkout__actions">
            <button part="secondary" class="button" type="button" ?disabled=${busy} @click=${this.handleDeclineOffer}>${m.declineOffer}</button>
            <button part="primary" class="button button--primary" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.handleAcceptOffer}>${m.acceptOffer}</button>
          </div>
        </section>`;
      }
    }
  }

  private renderEnd(title: string, text: string, retry: boolean): TemplateResult {
    const m = this.messages;
    return html`<section part="decision" class="checkout__step">
      ${this.heading(title)}
      <p>${text}</p>
      <div class="checkout__actions">
        ${retry ? html`<button part="secondary" class="button" type="button" @click=${this.load}>${m.tryAgain}</button>` : nothing}
        <button part="primary" class="button button--primary" type="button" @click=${this.close}>${m.payAnotherWay}</button>
      </div>
    </section>`;
  }
}

function isClient(client: FenqiClient | FenqiErrorDetail): client is FenqiClient {
  return 'applications' in client;
}

/** The bank's plan (wire money) as exact money for the schedule table. */
function scheduleView(plan: QuotedPlan): ScheduleView {
  const totals = plan.totals;
  return {
    termMonths: plan.termMonths,
    principal: fromWire(totals.principal),
    upfrontFee: fromWire(plan.upfrontFee),
    instalments: plan.instalments.map((row) => ({
      number: row.number,
      dueDate: row.dueDate,
      payment: fromWire(row.payment),
      principal: fromWire(row.principal),
      interest: fromWire(row.interest),
      fee: fromWire(row.fee),
      balance: fromWire(row.balance),
    })),
    totals: { payment: fromWire(totals.payment), principal: fromWire(totals.principal), interest: fromWire(totals.interest), fees: fromWire(totals.fees), costOfCredit: fromWire(totals.costOfCredit) },
  };
}

function errorDetail(error: unknown): FenqiErrorDetail {
  const message = error instanceof Error ? error.message : 'Unknown error.';
  if (isTimeoutError(error)) return { reason: 'timeout', message };
  if (isNetworkError(error)) return { reason: 'network', message };
  if (isApiError(error)) return { reason: 'api', code: String(error.status), message };
  if (isValidationError(error)) return { reason: 'configuration-invalid', message };
  return { reason: 'unexpected', message };
}

/** The shopper's calendar day, `YYYY-MM-DD`, in their own time zone (an age is counted on it). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The element that has focus, looking inside shadow roots, to give it focus back on close. */
function activeElement(): HTMLElement | null {
  let active = globalThis.document?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
