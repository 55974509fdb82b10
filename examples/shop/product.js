// 星河数码's product page: choose a version and a quantity, and the Fenqi offer follows the price
// at once (the widget computes the plans in the page from the bank's rate card: no request).
import { priceCart } from '/shared/catalogue.mjs';
import { h } from '/shared/dom.js';
import { money, setUpSite } from '/shared/partner-page.js';
import { addToCart, itemCount, readCart } from '/shop/cart.js';

const catalogue = setUpSite('shop');
const { locale, currency } = catalogue;
const sku = new URLSearchParams(location.search).get('sku');
const product = catalogue.products.find((candidate) => candidate.sku === sku) ?? catalogue.products[0];
const choice = { variant: product.variants[0].id, quantity: 1 };

const price = h('p', { class: 'price', id: 'price' });
const offer = h('fenqi-offer', { id: 'offer', layout: 'card' });
const quantity = h('input', { id: 'quantity', name: 'quantity', type: 'number', min: catalogue.quantity.min, max: catalogue.quantity.max, value: 1, inputmode: 'numeric', oninput: () => update(), onchange: () => (quantity.value = String(choice.quantity)) });
// On leaving the field the shopper sees the quantity that was priced (99 becomes 10, 0 becomes 1).
const step = (by, label) => h('button', { type: 'button', class: 'button button--quiet', 'aria-label': label, onclick: () => { quantity.value = String(clamp(Number(quantity.value) + by)); update(); } }, by > 0 ? '+' : '−');

function clamp(value) {
  return Number.isInteger(value) ? Math.min(catalogue.quantity.max, Math.max(catalogue.quantity.min, value)) : catalogue.quantity.min;
}

/** Prices the choice with the same function the server uses, and moves the offer with it. */
function update() {
  choice.quantity = clamp(Number(quantity.value));
  const priced = priceCart('shop', { items: [{ sku: product.sku, variant: choice.variant, quantity: choice.quantity }], shipping: 'standard' });
  price.textContent = money(priced.subtotal, currency, locale);
  offer.amount = priced.subtotal;
}

function showCartCount() {
  document.querySelector('#cart-count').textContent = `（${itemCount(readCart())}）`;
}

const form = h(
  'form',
  {
    id: 'product-form',
    onsubmit: (event) => {
      event.preventDefault();
      addToCart(product.sku, choice.variant, choice.quantity, catalogue.quantity.max);
      location.assign('/shop/checkout.html');
    },
  },
  h(
    'fieldset',
    {},
    h('legend', {}, '版本'),
    h(
      'div',
      { class: 'choices' },
      product.variants.map((variant, index) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'variant', value: variant.id, checked: index === 0, onchange: () => { choice.variant = variant.id; update(); } }),
          `${variant.name} · ${money(variant.price, currency, locale)}`,
        ),
      ),
    ),
  ),
  h('div', { class: 'field' }, h('label', { for: 'quantity' }, '数量'), h('div', { class: 'inline' }, step(-1, '减少数量'), quantity, step(1, '增加数量'))),
  h('p', { class: 'muted' }, '价格含增值税，标准配送免运费。'),
  price,
  h('div', { class: 'offer-slot' }, offer),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', id: 'add-to-cart' }, '加入购物车并结算')),
);

document.title = `${product.name} · ${catalogue.name}`;
document.querySelector('#app').append(
  h('h1', {}, product.name),
  h(
    'div',
    { class: 'layout' },
    h('section', { class: 'panel', 'aria-label': '选购' }, form),
    h(
      'aside',
      { class: 'panel', 'aria-labelledby': 'more' },
      h('h2', { id: 'more' }, '更多商品'),
      h('ul', {}, catalogue.products.filter((other) => other !== product).map((other) => h('li', {}, h('a', { href: `/shop/?sku=${other.sku}` }, other.name)))),
    ),
  ),
);
update();
showCartCount();
