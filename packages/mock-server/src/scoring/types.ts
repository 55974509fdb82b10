import type { Money } from '@fenqi/core';
import type { DeviceSignals as DeviceSignalsSchema, Scenario as ScenarioSchema } from '@fenqi/sdk';
import type { DeclineReason } from './reasons.js';

// The SDK exports these two as zod schemas without a type alias of the same name (unlike
// `Applicant`), so the parsed types are read off the schemas here. `_zod.output` is zod 4's
// public "what parse returns" slot; `z.infer` is the same thing, but this package does not
// depend on zod directly.

/** Device signals as sent with an application (already validated by the SDK schema). */
export type DeviceSignals = (typeof DeviceSignalsSchema)['_zod']['output'];
/** What the shopper is buying: `'retail' | 'travel' | 'education' | 'medical'`. */
export type Scenario = (typeof ScenarioSchema)['_zod']['output'];
/** A price tier of an approval: A is the best risk and the cheapest price. */
export type Tier = 'A' | 'B' | 'C' | 'D';

/**
 * What the bank decided about an application. `review` carries the decision it will turn into
 * (an approval or a decline) once `afterMinutes` have passed on the mock clock.
 *
 * @example
 * ```ts
 * const decision: Decision = assessApplication(facts, []).decision
 * if (decision.kind === 'counter_offer') offer(decision.amount)
 * ```
 */
export type Decision =
  | { readonly kind: 'approve'; readonly tier: Tier; readonly limit: Money; readonly rateAddOn: string }
  | { readonly kind: 'decline'; readonly reasons: readonly DeclineReason[] }
  | { readonly kind: 'review'; readonly afterMinutes: number; readonly then: Decision }
  | { readonly kind: 'counter_offer'; readonly amount: Money; readonly tier: Tier; readonly limit: Money; readonly rateAddOn: string };
