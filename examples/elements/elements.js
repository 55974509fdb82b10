// The live examples behind docs/elements/: every Fenqi element in the configurations partners
// use, against the mock bank that `npm start` runs. Change the amount and watch every placement
// follow; open a checkout for a real session from the partner server.
import { configure, loadCheckout } from '@fenqi/widget';
import { h } from '/shared/dom.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
configure({ publishableKey: meta('fenqi-publishable-key'), apiBase: meta('fenqi-api-base'), merchant: 'demo-shop', scenario: 'retail', currency: 'CNY' });

const amount = h('input', { id: 'amount', type: 'text', inputmode: 'decimal', value: '4999.00', autocomplete: 'off' });
const offers = ['text', 'badge', 'card'].map((layout) => h('fenqi-offer', { layout, amount: '4999.00', class: 'layout-demo' }));
const foreign = [
  h('fenqi-offer', { amount: '4999.00', locale: 'zh-CN' }),
  h('fenqi-offer', { amount: '4999.00', locale: 'ja-JP' }),
  h('fenqi-offer', { amount: '20.00', 'when-unavailable': 'message' }),
];
const plans = h('fenqi-plans', { id: 'plans', name: 'plan', amount: '4999.00', required: true });
const chosen = h('p', { class: 'message', id: 'chosen', role: 'status' });
const schedule = h('fenqi-schedule', { id: 'schedule', amount: '4999.00' });
const openCheckout = h('button', { type: 'button', class: 'button', id: 'open-checkout' }, 'Open <fenqi-checkout> for a ¥4,999.00 order');
const checkoutStatus = h('p', { class: 'message', id: 'checkout-status', role: 'status' });

/** Every placement follows the amount field, as a product page's price would. */
function follow() {
  for (const element of [...offers, ...foreign.slice(0, 2), plans, schedule]) element.amount = amount.value.trim();
}
amount.addEventListener('input', follow);
plans.addEventListener('change', () => {
  schedule.plan = plans.value;
  chosen.textContent = `change: ${plans.value}`;
});
// Back to this page: the browser restores the form (and the plan chosen) without a change event.
plans.addEventListener('fenqi-ready', () => {
  if (plans.value) schedule.plan = plans.value;
});

openCheckout.addEventListener('click', async () => {
  openCheckout.disabled = true;
  try {
    // The partner server makes the session (its secret key, its prices): one phone from the shop.
    const response = await fetch('/api/checkout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site: 'shop', cart: { items: [{ sku: 'phone-x1', variant: '128gb', quantity: 1 }], shipping: 'standard' } }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { clientSecret } = await response.json();
    await loadCheckout();
    const checkout = Object.assign(document.createElement('fenqi-checkout'), { clientSecret, locale: 'en-GB' });
    for (const name of ['fenqi-approved', 'fenqi-declined', 'fenqi-review', 'fenqi-cancel', 'fenqi-error']) {
      checkout.addEventListener(name, (event) => (checkoutStatus.textContent = `${name}: ${JSON.stringify(event.detail)}`));
    }
    document.body.append(checkout);
    await checkout.open();
  } catch (error) {
    checkoutStatus.textContent = `Could not start a checkout: ${error.message}`;
  } finally {
    openCheckout.disabled = false;
  }
});

const section = (tag, intro, ...content) =>
  h('section', { class: 'panel', id: tag, 'aria-labelledby': `${tag}-title` }, h('h2', { id: `${tag}-title` }, h('code', {}, `<${tag}>`)), h('p', {}, intro), ...content);

document.querySelector('#app').append(
  h('div', { class: 'field' }, h('label', { for: 'amount' }, 'Amount (CNY), for every placement below'), amount),
  section('fenqi-offer', 'The three layouts, each reserving its size before the rate card arrives; then Chinese, Japanese, and an amount below every plan.', ...offers.map((offer) => h('div', { class: 'offer-slot' }, offer)), ...foreign.map((offer) => h('div', { class: 'offer-slot' }, offer))),
  section('fenqi-checkout', 'The application, for a session the partner server creates. Try you+approve@example.com with resident ID 110105199108161230 and date of birth 1991-08-16.', openCheckout, checkoutStatus),
  // Last, side by side: these two grow to their plans once the rate card arrives, and nothing
  // below them moves (the offer's layouts reserve their size; a list of plans cannot know it).
  h(
    'div',
    { class: 'layout' },
    section('fenqi-plans', 'A form field: radio-group keys, required, reset and restore; change fires only on the shopper’s choice.', h('form', { id: 'plans-form', onsubmit: (event) => event.preventDefault() }, plans, chosen)),
    section('fenqi-schedule', 'The repayment table of the plan chosen, with due dates for a loan paid out today.', schedule),
  ),
);
