// Wayfarer Holidays: a flight-and-hotel package for a number of travellers and nights, with
// optional insurance. The trip total drives the Fenqi offer (travel plans, in euros), and
// "Book and pay monthly" starts the application (see /shared/partner-page.js).
import { priceCart } from '/shared/catalogue.mjs';
import { h } from '/shared/dom.js';
import { instalmentCheckout, money, setUpSite, totalRows } from '/shared/partner-page.js';

const catalogue = setUpSite('travel');
const { locale, currency } = catalogue;
const format = (value) => money(value, currency, locale);
const cart = { trip: catalogue.trips[0].id, travellers: 2, nights: catalogue.trips[0].nights.min + 1, insurance: true };
const tripOf = () => catalogue.trips.find((trip) => trip.id === cart.trip);

const nights = h('select', { id: 'nights', onchange: () => { cart.nights = Number(nights.value); update(); } });
const travellers = h(
  'select',
  { id: 'travellers', onchange: () => { cart.travellers = Number(travellers.value); update(); } },
  Array.from({ length: catalogue.travellers.max - catalogue.travellers.min + 1 }, (_, n) => {
    const count = catalogue.travellers.min + n;
    return h('option', { value: count, selected: count === cart.travellers }, String(count));
  }),
);
const insurance = h('input', { type: 'checkbox', id: 'insurance', checked: cart.insurance, onchange: () => { cart.insurance = insurance.checked; update(); } });
const insuranceLabel = h('label', { for: 'insurance' });
const lines = h('dl', { class: 'totals', id: 'totals' });
const offer = h('fenqi-offer', { id: 'offer', layout: 'card', 'when-unavailable': 'message' });
const pay = h('button', { type: 'button', class: 'button', id: 'pay' }, 'Book and pay monthly');
const orderPanel = h('div', { id: 'order-panel', 'aria-live': 'polite' });

function update() {
  const trip = tripOf();
  // Nights follow the trip's range; a choice outside the new range moves to its nearest end.
  cart.nights = Math.min(trip.nights.max, Math.max(trip.nights.min, cart.nights));
  nights.replaceChildren(
    ...Array.from({ length: trip.nights.max - trip.nights.min + 1 }, (_, n) => {
      const count = trip.nights.min + n;
      return h('option', { value: count, selected: count === cart.nights }, `${count} nights`);
    }),
  );
  insuranceLabel.textContent = `${trip.insurance.name}, ${format(trip.insurance.pricePerTraveller)} per traveller`;
  const priced = priceCart('travel', cart);
  lines.replaceChildren(...totalRows(priced, 'Trip total', format));
  offer.amount = priced.total;
}

document.querySelector('#app').append(
  h('h1', {}, 'Plan your trip'),
  h(
    'div',
    { class: 'layout' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'trip-title' },
      h('h2', { id: 'trip-title' }, 'Your package'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Destination'),
        h(
          'div',
          { class: 'choices' },
          catalogue.trips.map((trip) =>
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'trip', value: trip.id, checked: trip.id === cart.trip, onchange: () => { cart.trip = trip.id; update(); } }),
              trip.name,
            ),
          ),
        ),
      ),
      h('div', { class: 'field' }, h('label', { for: 'travellers' }, 'Travellers'), travellers),
      h('div', { class: 'field' }, h('label', { for: 'nights' }, 'Nights'), nights),
      h('div', { class: 'inline' }, insurance, insuranceLabel),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'price-title' },
      h('h2', { id: 'price-title' }, 'Price'),
      lines,
      h('div', { class: 'offer-slot' }, offer),
      h('div', { class: 'actions' }, pay),
      orderPanel,
    ),
  ),
);
update();
instalmentCheckout({ site: 'travel', cart: () => cart, button: pay, panel: orderPanel, offer });
