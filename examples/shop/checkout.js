// 星河数码's checkout: the cart, a shipping choice, a discount code and the VAT contained in the
// price. The grand total drives the Fenqi offer; "分期付款" asks our server for a checkout session
// for this cart and opens the application (see /shared/partner-page.js).
import { CartError, priceCart } from '/shared/catalogue.mjs';
import { h } from '/shared/dom.js';
import { instalmentCheckout, money, setUpSite } from '/shared/partner-page.js';
import { itemCount, readCart, writeCart } from '/shop/cart.js';

const catalogue = setUpSite('shop');
const { locale, currency } = catalogue;
const cart = readCart();
const app = document.querySelector('#app');
const format = (value) => money(value, currency, locale);

const DISCOUNT_MESSAGES = {
  'unknown-discount-code': '此优惠码无效。',
  'discount-minimum-not-met': '订单金额未达到此优惠码的使用门槛。',
};

function productOf(item) {
  const product = catalogue.products.find((candidate) => candidate.sku === item.sku);
  return { product, variant: product?.variants.find((candidate) => candidate.id === item.variant) };
}

// Lines the catalogue no longer has are dropped, so the cart always prices.
cart.items = cart.items.filter((item) => productOf(item).variant);

const lines = h('ul', { class: 'order', id: 'lines' });
const totals = h('dl', { class: 'totals', id: 'totals' });
// The card layout reserves its whole size before the rate card arrives; a one-line text offer
// would wrap in this narrow column once its words are known, and move the button below.
const offer = h('fenqi-offer', { id: 'offer', layout: 'card', 'when-unavailable': 'message' });
const code = h('input', { id: 'discount-code', type: 'text', autocomplete: 'off', value: cart.discountCode ?? '' });
const codeMessage = h('p', { id: 'discount-message', class: 'message', role: 'status' });
const pay = h('button', { type: 'button', class: 'button', id: 'pay' }, '分期付款');
const orderPanel = h('div', { id: 'order-panel', 'aria-live': 'polite' });

function update() {
  writeCart(cart);
  document.querySelector('#cart-count').textContent = `（${itemCount(cart)}）`;
  if (cart.items.length === 0) {
    app.replaceChildren(h('h1', {}, '购物车'), h('p', {}, '购物车是空的。', h('a', { href: '/shop/' }, '去逛逛')));
    return;
  }
  let priced;
  try {
    priced = priceCart('shop', cart);
  } catch (error) {
    // A code the smaller cart no longer reaches comes off, and the shopper is told.
    if (!(error instanceof CartError) || error.field !== '/cart/discountCode') throw error;
    delete cart.discountCode;
    codeMessage.className = 'message message--error';
    codeMessage.textContent = DISCOUNT_MESSAGES[error.code] ?? error.message;
    priced = priceCart('shop', cart);
  }
  lines.replaceChildren(
    ...cart.items.map((item, index) => {
      const { product, variant } = productOf(item);
      const id = `quantity-${index}`;
      return h(
        'li',
        { class: 'inline' },
        h('label', { for: id }, `${product.name}（${variant.name}）`),
        h(
          'select',
          { id, onchange: (event) => { item.quantity = Number(event.target.value); update(); } },
          Array.from({ length: catalogue.quantity.max }, (_, n) => h('option', { value: n + 1, selected: item.quantity === n + 1 }, String(n + 1))),
        ),
        h('span', {}, format(priced.lines[index].amount)),
        h('button', { type: 'button', class: 'button button--quiet', onclick: () => { cart.items.splice(index, 1); update(); } }, '删除'),
      );
    }),
  );
  const row = (term, value, grand = false) => [h('dt', { class: grand ? 'totals__grand' : undefined }, term), h('dd', { class: grand ? 'totals__grand' : undefined }, value)];
  totals.replaceChildren(
    ...row('商品小计', format(priced.subtotal)),
    ...(priced.discountCode ? row(`优惠（${priced.discountCode}）`, `−${format(priced.discount)}`) : []),
    ...row('运费', priced.shipping === '0.00' ? '免运费' : format(priced.shipping)),
    ...row('应付总额', format(priced.total), true),
    ...row(`其中${catalogue.vatIncluded.label}（${catalogue.vatIncluded.percent}%）`, format(priced.tax)),
  );
  // The grand total, exactly as the server will price it, is what the shopper can pay monthly.
  offer.amount = priced.total;
}

function applyCode() {
  const entered = code.value.trim();
  const candidate = { ...cart, ...(entered ? { discountCode: entered } : {}) };
  if (!entered) delete candidate.discountCode;
  try {
    priceCart('shop', candidate);
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    codeMessage.className = 'message message--error';
    codeMessage.textContent = DISCOUNT_MESSAGES[error.code] ?? error.message;
    return;
  }
  if (entered) cart.discountCode = entered;
  else delete cart.discountCode;
  codeMessage.className = 'message message--ok';
  codeMessage.textContent = entered ? '优惠码已使用。' : '';
  update();
}

app.append(
  h('h1', {}, '结算'),
  h(
    'div',
    { class: 'layout' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'cart-title' },
      h('h2', { id: 'cart-title' }, '商品'),
      lines,
      h(
        'fieldset',
        {},
        h('legend', {}, '配送方式'),
        h(
          'div',
          { class: 'choices' },
          catalogue.shipping.map((option) =>
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'shipping', value: option.id, checked: cart.shipping === option.id, onchange: () => { cart.shipping = option.id; update(); } }),
              `${option.name} · ${option.price === '0.00' ? '免运费' : format(option.price)}`,
            ),
          ),
        ),
      ),
      h('div', { class: 'field' }, h('label', { for: 'discount-code' }, '优惠码'), h('div', { class: 'inline' }, code, h('button', { type: 'button', class: 'button button--quiet', id: 'apply-code', onclick: applyCode }, '使用')), codeMessage),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'summary-title' },
      h('h2', { id: 'summary-title' }, '订单金额'),
      totals,
      h('div', { class: 'offer-slot' }, offer),
      h('div', { class: 'actions' }, pay),
      orderPanel,
    ),
  ),
);
update();
instalmentCheckout({
  site: 'shop',
  cart: () => cart,
  button: pay,
  panel: orderPanel,
  offer,
  // Paid: the cart is spent. The order panel stays, with the loan's progress.
  onPaid: () => {
    cart.items = [];
    delete cart.discountCode;
    writeCart(cart);
    document.querySelector('#cart-count').textContent = '（0）';
  },
});
