/**
 * Detail of `fenqi-select`: the plan the shopper chose, with the amount it was priced for.
 *
 * @example
 * ```ts
 * plans.addEventListener('fenqi-select', ({ detail }) => cart.setPlan(detail.planId, detail.termMonths))
 * ```
 */
export interface FenqiSelectDetail {
  readonly planId: string;
  readonly termMonths: number;
  /** The amount financed, a decimal string in major units. */
  readonly amount: string;
  readonly currency: string;
  /** The plan's first monthly payment, a decimal string in major units. */
  readonly payment: string;
}

/**
 * Fired with `change` when the shopper picks a plan in `<fenqi-plans>` (never when `value` is set
 * from code); `change` is the form-control signal, `fenqi-select` carries the detail.
 *
 * @example
 * ```ts
 * document.addEventListener('fenqi-select', (event: FenqiSelectEvent) => console.log(event.detail.planId))
 * ```
 */
export type FenqiSelectEvent = CustomEvent<FenqiSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fenqi-select': FenqiSelectEvent;
  }
}
