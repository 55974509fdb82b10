/**
 * Every reason the mock bank gives for a decline, with the words a shopper reads. Partners branch
 * on the code; the message is for people and may be reworded.
 *
 * Messages about fraud and velocity are deliberately vague: a real bank never tells a fraudster
 * which check caught them.
 *
 * @example
 * ```ts
 * DECLINE_REASONS.affordability // the message shown for the code
 * ```
 */
export const DECLINE_REASONS = {
  affordability: 'The monthly repayments would take too large a share of your income.',
  insufficient_income: 'Your income is below the minimum we need to offer instalments.',
  high_existing_debt: 'Your existing monthly debt repayments are too high compared with your income.',
  credit_history: 'Your history with us does not support new credit at the moment.',
  underage: 'You must be 18 or older to apply.',
  identity_unverified: 'We could not verify your identity from the details you gave.',
  fraud_suspected: 'We cannot approve this application. Please contact us if you think this is a mistake.',
  velocity: 'Too many applications were made in a short time. Please try again tomorrow.',
  employment: 'Your employment status does not meet our lending criteria.',
  limit_exceeded: 'The amount is above the credit limit we can offer you.',
  currency_mismatch: 'Your income and debts must be given in the currency of the purchase.',
  currency_unsupported: 'We do not offer instalments in this currency.',
} as const satisfies Record<string, string>;

/**
 * A stable decline reason code such as `'affordability'` (see {@link DECLINE_REASONS}).
 *
 * @example
 * ```ts
 * const code: DeclineCode = 'affordability'
 * ```
 */
export type DeclineCode = keyof typeof DECLINE_REASONS;

/** A decline reason as it goes on the wire: the code and its plain-English message. */
export interface DeclineReason {
  readonly code: DeclineCode;
  readonly message: string;
}

/** The reasons for `codes`, each once, in the order first given. */
export function declineReasons(codes: readonly DeclineCode[]): DeclineReason[] {
  return [...new Set(codes)].map((code) => ({ code, message: DECLINE_REASONS[code] }));
}
