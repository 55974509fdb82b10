import FenqiCheckout from './checkout.component.js';
import '../plans/plans.js';
import '../schedule/schedule.js';

export default FenqiCheckout;
export type { FenqiCheckoutStep } from './checkout.component.js';

FenqiCheckout.define('fenqi-checkout');

declare global {
  interface HTMLElementTagNameMap {
    'fenqi-checkout': FenqiCheckout;
  }
}
