// Northwind Coding School: choose a course and whether to add the materials kit. Education plans
// run longer, so the tuition can be spread over up to the scenario's longest term; "Enrol and
// pay monthly" starts the application (see /shared/partner-page.js).
import { priceCart } from '/shared/catalogue.mjs';
import { h } from '/shared/dom.js';
import { instalmentCheckout, money, setUpSite, totalRows } from '/shared/partner-page.js';

const catalogue = setUpSite('education');
const { locale, currency } = catalogue;
const format = (value) => money(value, currency, locale);
const cart = { course: catalogue.courses[0].id, materials: false };
const courseOf = () => catalogue.courses.find((course) => course.id === cart.course);

const materials = h('input', { type: 'checkbox', id: 'materials', onchange: () => { cart.materials = materials.checked; update(); } });
const materialsLabel = h('label', { for: 'materials' });
const lines = h('dl', { class: 'totals', id: 'totals' });
const offer = h('fenqi-offer', { id: 'offer', layout: 'card', 'when-unavailable': 'message' });
const pay = h('button', { type: 'button', class: 'button', id: 'pay' }, 'Enrol and pay monthly');
const orderPanel = h('div', { id: 'order-panel', 'aria-live': 'polite' });

function update() {
  const course = courseOf();
  materialsLabel.textContent = `${course.materials.name} (${format(course.materials.price)})`;
  const priced = priceCart('education', cart);
  lines.replaceChildren(...totalRows(priced, 'Total', format));
  offer.amount = priced.total;
}

document.querySelector('#app').append(
  h('h1', {}, 'Enrol on a course'),
  h(
    'div',
    { class: 'layout' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'course-title' },
      h('h2', { id: 'course-title' }, 'Course'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Choose a course'),
        h(
          'div',
          { class: 'choices' },
          catalogue.courses.map((course) =>
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'course', value: course.id, checked: course.id === cart.course, onchange: () => { cart.course = course.id; update(); } }),
              `${course.name} · ${format(course.tuition)}`,
            ),
          ),
        ),
      ),
      h('div', { class: 'inline' }, materials, materialsLabel),
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
instalmentCheckout({ site: 'education', cart: () => cart, button: pay, panel: orderPanel, offer });
