import FenqiOffer from './offer.component.js';
import '../plans/plans.js';
import '../schedule/schedule.js';

export default FenqiOffer;
export type { FenqiOfferLayout, FenqiWhenUnavailable } from './offer.component.js';

FenqiOffer.define('fenqi-offer');

declare global {
  interface HTMLElementTagNameMap {
    'fenqi-offer': FenqiOffer;
  }
}
