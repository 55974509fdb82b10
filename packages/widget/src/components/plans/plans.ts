import FenqiPlans from './plans.component.js';

export default FenqiPlans;

FenqiPlans.define('fenqi-plans');

declare global {
  interface HTMLElementTagNameMap {
    'fenqi-plans': FenqiPlans;
  }
}
