// The Fenqi elements in Vue 3. Vue passes a value to a custom element as a property when the
// element has one (`amount`), and `onFenqiReady` listens to `fenqi-ready`. Render functions
// (h) keep this example free of a template compiler, which would need `unsafe-eval` under CSP;
// in a Vite project, write the same in a template with
// `compilerOptions.isCustomElement: (tag) => tag.startsWith('fenqi-')`.
import { moneyFromMinor, toDecimalString } from '@fenqi/core';
import { configure } from '@fenqi/widget/define.js';
import { computed, createApp, h, ref } from 'vue';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
configure({ publishableKey: meta('fenqi-publishable-key'), apiBase: meta('fenqi-api-base'), merchant: 'demo-travel', scenario: 'travel', currency: 'EUR', locale: 'en-GB' });

const NIGHT = 8_950n; // €89.50 in cents: money stays in integers

const Booking = {
  setup() {
    const nights = ref(4);
    const headline = ref(null);
    const chosen = ref(null);
    const amount = computed(() => toDecimalString(moneyFromMinor(NIGHT * BigInt(nights.value), 'EUR')));
    const submit = (event) => {
      event.preventDefault();
      chosen.value = new FormData(event.currentTarget).get('plan');
    };
    return () =>
      h('main', [
        h('h1', 'Harbour view apartment'),
        h('section', { class: 'panel' }, [
          h('div', { class: 'field' }, [
            h('label', { for: 'nights' }, 'Nights at €89.50'),
            h('select', { id: 'nights', value: String(nights.value), onChange: (event) => (nights.value = Number(event.target.value)) }, [3, 4, 5, 6, 7].map((n) => h('option', { value: String(n) }, String(n)))),
          ]),
          h('div', { class: 'offer-slot' }, [h('fenqi-offer', { id: 'offer', amount: amount.value, layout: 'card', onFenqiReady: (event) => (headline.value = event.detail) })]),
          h('p', { class: 'message status-line', id: 'headline', role: 'status' }, headline.value ? `fenqi-ready: ${headline.value.termMonths} months from ${headline.value.payment} ${headline.value.currency}` : ''),
          // The picker appears once there are offers: a list that fills in later would push its button down.
          headline.value &&
            h('form', { id: 'plan-form', onSubmit: submit }, [
              h('fenqi-plans', { id: 'plans', name: 'plan', amount: amount.value, required: true }),
              h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'button', id: 'choose' }, 'Choose this plan')]),
              h('p', { class: 'message status-line', id: 'chosen', role: 'status' }, chosen.value ? `The form submitted plan=${chosen.value}` : ''),
            ]),
        ]),
      ]);
  },
};

createApp(Booking).mount('#app');
