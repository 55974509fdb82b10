// The shop's cart lives in this tab (sessionStorage): what the shopper chose, never a price. The
// server prices it again before any payment.
const KEY = 'shop-cart';

/** The cart: `{ items: [{ sku, variant, quantity }], shipping, discountCode? }`. */
export function readCart() {
  try {
    const cart = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (cart && Array.isArray(cart.items)) return { shipping: 'standard', ...cart };
  } catch {
    // A damaged cart is an empty one.
  }
  return { items: [], shipping: 'standard' };
}

export function writeCart(cart) {
  sessionStorage.setItem(KEY, JSON.stringify(cart));
}

/** Adds `quantity` of a variant, at most `max` of it in all. */
export function addToCart(sku, variant, quantity, max) {
  const cart = readCart();
  const line = cart.items.find((item) => item.sku === sku && item.variant === variant);
  if (line) line.quantity = Math.min(max, line.quantity + quantity);
  else cart.items.push({ sku, variant, quantity });
  writeCart(cart);
  return cart;
}

export function itemCount(cart) {
  return cart.items.reduce((count, item) => count + item.quantity, 0);
}
