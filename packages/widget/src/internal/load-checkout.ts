import type FenqiCheckout from '../components/checkout/checkout.component.js';

/**
 * Registers `<fenqi-checkout>` on first call by loading its own chunk, and resolves with its class.
 * A page that only shows offers never downloads the checkout: call this when the shopper chooses
 * to pay in instalments (`<fenqi-offer client-secret>` does it for you).
 *
 * @example
 * ```ts
 * import { loadCheckout } from '@fenqi/widget'
 * await loadCheckout()
 * const checkout = document.createElement('fenqi-checkout')
 * checkout.clientSecret = clientSecret // from your server
 * document.body.append(checkout)
 * await checkout.open()
 * ```
 */
export async function loadCheckout(): Promise<typeof FenqiCheckout> {
  const module = await import('../components/checkout/checkout.js');
  return module.default;
}

// checkout.ts declares the tag too, but loadCheckout() reaches it only through a dynamic import (a
// static one would put the checkout in the page's first chunk), so a page that imports just
// '@fenqi/widget' would get a plain HTMLElement from document.createElement('fenqi-checkout').
// Declaring the same entry here types the documented lazy flow; TypeScript merges the two.
declare global {
  interface HTMLElementTagNameMap {
    'fenqi-checkout': FenqiCheckout;
  }
}
