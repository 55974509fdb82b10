// The shop with no server at all: plain static files that work from any static host. The mock
// bank runs in this page as a service worker (msw), and the partner's server side — creating the
// checkout session, confirming, disbursing — runs here too, with a test secret key. That is only
// ever acceptable against a mock: with a real bank, those calls belong on a server (see
// examples/partner-server), and a live secret key must never reach a browser.
import { formatMoney, parseMoney, toDecimalString } from '@fenqi/core';
import { startMockWorker } from '@fenqi/mock-server/browser';
import { createServerClient } from '@fenqi/sdk/server';
import { configure, loadCheckout } from '@fenqi/widget/define.js'; // the elements, registered

const PRODUCT = { name: '星河 X1 手机', variants: [{ id: '128gb', name: '128 GB', price: '4999.00' }, { id: '256gb', name: '256 GB', price: '5499.00' }, { id: '512gb', name: '512 GB', price: '6499.00' }] };
const app = document.querySelector('#app');

/** Creates an element with text or children; no markup from strings. */
function h(tag, props = {}, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

let mock;
try {
  mock = await startMockWorker(); // resolves once the worker answers for the bank; no request slips past
} catch (error) {
  app.replaceChildren(h('p', { className: 'message message--error' }, `模拟银行无法启动：${error.message}`));
  throw error;
}
const partner = createServerClient({ secretKey: 'sk_test_staticShop2026', dangerouslyAllowBrowser: true });
configure({ publishableKey: 'pk_test_staticShop2026', merchant: 'demo-shop', scenario: 'retail', currency: 'CNY', locale: 'zh-CN' });

const choice = { variant: PRODUCT.variants[0], quantity: 1 };
const total = () => {
  const unit = parseMoney(choice.variant.price, 'CNY');
  return { ...unit, minor: unit.minor * BigInt(choice.quantity) };
};
const price = h('p', { className: 'price', id: 'price' });
const offer = h('fenqi-offer', { id: 'offer', layout: 'card' });
const pay = h('button', { type: 'button', className: 'button', id: 'pay', disabled: true }, '分期付款');
const status = h('div', { id: 'order-panel', ariaLive: 'polite' });
offer.addEventListener('fenqi-ready', () => (pay.disabled = false));
offer.addEventListener('fenqi-ineligible', () => (pay.disabled = true));

function update() {
  price.textContent = formatMoney(total(), 'zh-CN');
  offer.amount = toDecimalString(total());
}

const variants = h('fieldset', {}, h('legend', {}, '版本'));
for (const variant of PRODUCT.variants) {
  const radio = h('input', { type: 'radio', name: 'variant', value: variant.id, checked: variant === choice.variant });
  radio.addEventListener('change', () => {
    choice.variant = variant;
    update();
  });
  variants.append(h('label', { className: 'choice' }, radio, ` ${variant.name} · ${formatMoney(parseMoney(variant.price, 'CNY'), 'zh-CN')}`));
}
const quantity = h('select', { id: 'quantity' }, ...[1, 2, 3].map((n) => h('option', { value: String(n) }, String(n))));
quantity.addEventListener('change', () => {
  choice.quantity = Number(quantity.value);
  update();
});

let orders = 0;
pay.addEventListener('click', async () => {
  pay.disabled = true;
  const orderId = `static-${Date.now()}-${++orders}`;
  const amount = { value: toDecimalString(total()), currency: 'CNY' };
  // Server side, in a real integration: the session for the order, at the shop's own price.
  const session = await partner.checkoutSessions.create({ amount, orderId, scenario: 'retail', merchant: 'demo-shop' });
  await loadCheckout();
  const checkout = h('fenqi-checkout', { clientSecret: session.clientSecret });
  checkout.addEventListener('fenqi-approved', async ({ detail }) => {
    // Server side: confirm the order (amount re-checked by the bank) and have the bank pay, once.
    const confirmed = await partner.applications.confirm(detail.applicationId, { orderId, amount: { value: detail.amount, currency: detail.currency } });
    await partner.disbursements.create({ loanId: confirmed.loanId, amount: confirmed.amount }, { idempotencyKey: `disburse-${orderId}-1` });
    status.replaceChildren(h('p', { className: 'message', id: 'order-status' }, `订单 ${orderId}：已确认，等待银行放款…`));
  });
  checkout.addEventListener('fenqi-declined', () => status.replaceChildren(h('p', { className: 'message message--error' }, '很抱歉，本次无法使用分期付款。')));
  checkout.addEventListener('fenqi-close', () => (pay.disabled = false));
  document.body.append(checkout);
  await checkout.open();
});

// What the bank would tell the partner's server by webhook, told to this page.
mock.bank.webhooks.on((event) => {
  if (event.type === 'disbursement.succeeded') status.replaceChildren(h('p', { className: 'message message--ok', id: 'order-status' }, `已付款：银行已放款 ${formatMoney(parseMoney(event.data.amount.value, 'CNY'), 'zh-CN')}（借款 ${event.data.loanId}）`));
});

app.replaceChildren(
  h('h1', {}, PRODUCT.name),
  h('div', { className: 'layout' }, h('section', { className: 'panel' }, variants, h('div', { className: 'field' }, h('label', { htmlFor: 'quantity' }, '数量'), quantity), price, h('div', { className: 'offer-slot' }, offer), h('div', { className: 'actions' }, pay), status)),
);
update();
