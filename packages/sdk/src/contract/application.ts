import * as z from 'zod/mini';
import { CalendarDay, ClientSecret, prefixedId, Timestamp, WireMoney, WireMoneyInput } from './primitives.js';
import { QuotedPlan } from './quote.js';

/**
 * Who applies: checked by the bank's scoring; never stored by the browser.
 *
 * @example
 * ```ts
 * const result = Applicant.safeParse(formValues)
 * if (!result.success) showFieldErrors(toProblemErrors(result.error)) // before anything is sent
 * ```
 */
export const Applicant = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    dateOfBirth: CalendarDay,
    email: z.email().check(z.maxLength(254)),
    mobile: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/)),
    nationalId: z.optional(z.string().check(z.minLength(4), z.maxLength(32))),
    monthlyIncome: WireMoneyInput,
    employment: z.enum(['employed', 'self-employed', 'student', 'retired', 'unemployed', 'other']),
    housing: z.enum(['own', 'mortgage', 'rent', 'family', 'other']),
    existingMonthlyDebt: WireMoneyInput,
  });
export type Applicant = z.infer<typeof Applicant>;

/**
 * What the shopper agreed to, with the versions of the texts shown.
 *
 * @example
 * ```ts
 * const consent = Consent.parse({ creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: new Date().toISOString() })
 * ```
 */
export const Consent = z
  .strictObject({
    creditCheck: z.literal(true),
    termsVersion: z.string().check(z.minLength(1), z.maxLength(32)),
    privacyVersion: z.string().check(z.minLength(1), z.maxLength(32)),
    acceptedAt: Timestamp,
  });

/**
 * Signals gathered by Fenqi's own code after consent; no third-party script.
 *
 * @example
 * ```ts
 * const device = DeviceSignals.parse({
 *   fingerprint,
 *   language: navigator.language,
 *   timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
 *   screen: `${screen.width}x${screen.height}`,
 * })
 * ```
 */
export const DeviceSignals = z
  .strictObject({
    fingerprint: z.string().check(z.minLength(8), z.maxLength(128)),
    language: z.optional(z.string().check(z.maxLength(35))),
    timezone: z.optional(z.string().check(z.maxLength(64))),
    screen: z.optional(z.string().check(z.regex(/^\d{2,5}x\d{2,5}$/))),
  });

/**
 * Body of `POST /v1/applications` (publishable key + client secret; needs an Idempotency-Key).
 *
 * @example
 * ```ts
 * const request: ApplicationCreate = { clientSecret, planId: 'plan_12m0000', applicant, consent }
 * const decision = await fenqi.applications.create(request, { idempotencyKey: `apply-${orderId}` })
 * ```
 */
export const ApplicationCreate = z
  .strictObject({
    clientSecret: ClientSecret,
    planId: prefixedId('plan'),
    applicant: Applicant,
    consent: Consent,
    device: z.optional(DeviceSignals),
  });
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;

/**
 * Body of `POST /v1/applications/{id}/accept-offer`: the shopper, holding the session's client
 * secret, takes the counter-offer. Only the shopper can accept; the partner then confirms the
 * order for the offered amount and collects the rest another way.
 *
 * @example
 * ```ts
 * const approved = await fenqi.applications.acceptOffer(decision.id, { clientSecret })
 * ```
 */
export const OfferAcceptance = z.strictObject({ clientSecret: ClientSecret });
export type OfferAcceptance = z.infer<typeof OfferAcceptance>;

const applicationBase = {
  id: prefixedId('app'),
  object: z.literal('application'),
  sessionId: prefixedId('cs'),
  /** The plan the shopper applied for (an approval or counter-offer carries the priced plan too). */
  planId: prefixedId('plan'),
  createdAt: Timestamp,
};

/**
 * Why an application was declined: stable codes, with words for people.
 *
 * @example
 * ```ts
 * if (decision.status === 'declined') {
 *   track(decision.reasons.map((reason) => reason.code)) // e.g. ['affordability']: branch on these
 *   show(decision.reasons[0]!.message) // shown to the shopper, never parsed
 * }
 * ```
 */
export const DeclineReason = z
  .object({
    code: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)),
    message: z.string(),
  });

/**
 * The bank's decision. Business outcomes are values of this union, never errors: approved (the
 * final risk-priced plan and limit), declined (reason codes), review (decided later) or a
 * counter-offer (a lower amount or other term the shopper may accept).
 *
 * @example
 * ```ts
 * const decision: Application = await fenqi.applications.create(request)
 * if (decision.status === 'approved') showPlan(decision.plan)
 * else if (decision.status === 'counter_offer') showCounterOffer(decision.offer.amount, decision.offer.plan)
 * ```
 */
export const Application = z
  .discriminatedUnion('status', [
    z.object({ ...applicationBase, status: z.literal('approved'), plan: QuotedPlan, limit: WireMoney, expiresAt: Timestamp }),
    z.object({ ...applicationBase, status: z.literal('declined'), reasons: z.array(DeclineReason).check(z.minLength(1)) }),
    z.object({ ...applicationBase, status: z.literal('review'), decisionExpectedAt: z.optional(Timestamp) }),
    z.object({ ...applicationBase, status: z.literal('counter_offer'), offer: z.object({ amount: WireMoney, plan: QuotedPlan }), expiresAt: Timestamp }),
  ]);
export type Application = z.infer<typeof Application>;
