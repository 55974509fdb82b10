// The three demo partner sites' catalogues and the one function that prices a cart.
//
// The server is the authority: it prices every cart again from this file before it asks the bank
// for a checkout session, whatever the page showed. The pages import this same file (through an
// import map) for an instant total while the shopper changes options, so it must stay
// browser-safe: @fenqi/core only, no node: modules, no I/O.
//
// Money is never a float. Prices are written as decimal strings in major units, read with
// parseMoney into integer minor units (bigint), and every sum, product and percentage is integer
// arithmetic. A percentage is rounded half-up to the minor unit (see `share` below).
import { addMoney, compareMoney, moneyFromMinor, parseMoney, subtractMoney, toDecimalString } from '@fenqi/core';

/** The most of one item a cart may hold, and the most lines in one cart. */
const MAX_QUANTITY = 10;
const MAX_LINES = 20;

/**
 * Why a cart cannot be priced. `code` is stable, for code (`unknown-variant`, `quantity-out-of-range`, …);
 * `field` is a JSON Pointer (RFC 6901) into `{ site, cart }`, the body the pages post, e.g.
 * `/cart/items/0/quantity`, so the server can answer a problem that points at the field.
 */
export class CartError extends Error {
  /**
   * @param {string} code
   * @param {string} field
   * @param {string} message
   */
  constructor(code, field, message) {
    super(message);
    this.name = 'CartError';
    this.code = code;
    this.field = field;
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogues. Everything here is public: names, options and unit prices, as the pages show them.

/** 星河数码: a Chinese electronics shop. Prices include 13 % VAT (增值税), as Chinese prices do. */
const SHOP = {
  site: 'shop',
  name: '星河数码',
  merchant: 'demo-shop',
  scenario: 'retail',
  currency: 'CNY',
  locale: 'zh-CN',
  vatIncluded: { label: '增值税', percent: 13 },
  quantity: { min: 1, max: MAX_QUANTITY },
  products: [
    {
      sku: 'phone-x1',
      name: '星河 X1 手机',
      variants: [
        { id: '128gb', name: '128 GB', price: '4999.00' },
        { id: '256gb', name: '256 GB', price: '5499.00' },
        { id: '512gb', name: '512 GB', price: '6499.00' },
      ],
    },
    {
      sku: 'earbuds-air',
      name: '声浪 Air 降噪耳机',
      variants: [
        { id: 'white', name: '月光白', price: '899.00' },
        { id: 'black', name: '曜石黑', price: '899.00' },
      ],
    },
    {
      sku: 'watch-s',
      name: '星河 S 智能手表',
      variants: [
        { id: '41mm', name: '41 毫米', price: '1599.00' },
        { id: '45mm', name: '45 毫米', price: '1799.00' },
      ],
    },
    { sku: 'charger-65w', name: '65W 氮化镓充电器', variants: [{ id: 'standard', name: '标准版', price: '149.00' }] },
    { sku: 'cable-c', name: 'USB-C 编织数据线', variants: [{ id: '1m', name: '1 米', price: '49.95' }, { id: '2m', name: '2 米', price: '59.95' }] },
  ],
  shipping: [
    { id: 'standard', name: '标准配送（3–5 天）', price: '0.00' },
    { id: 'express', name: '快递（1–2 天）', price: '25.00' },
    { id: 'next-day', name: '次日达', price: '45.00' },
  ],
};

/**
 * The shop's discount codes. They reach the browser with this file (a page may preview them);
 * a real shop would keep unpublished codes on the server only, which still prices every cart itself.
 * A code applies to the goods, before shipping; codes are read without case or surrounding spaces.
 */
const SHOP_DISCOUNT_CODES = {
  WELCOME100: { kind: 'fixed', amount: '100.00', minimum: '1000.00' },
  SAVE10: { kind: 'percent', percent: 10 },
};

/** Wayfarer Holidays: flight + hotel packages from London, priced in euros. */
const TRAVEL = {
  site: 'travel',
  name: 'Wayfarer Holidays',
  merchant: 'demo-travel',
  scenario: 'travel',
  currency: 'EUR',
  locale: 'en-GB',
  travellers: { min: 1, max: 6 },
  // Rooms are doubles: 1–2 travellers take one room, 3–4 two, 5–6 three.
  travellersPerRoom: 2,
  trips: [
    {
      id: 'lisbon-city-break',
      name: 'Lisbon city break',
      flight: { name: 'Return flights London Gatwick – Lisbon', pricePerTraveller: '189.00' },
      hotel: { name: 'Casa do Alfama', pricePerRoomPerNight: '96.50' },
      nights: { min: 2, max: 7 },
      insurance: { name: 'Travel insurance (premium tax included)', pricePerTraveller: '14.17' },
    },
    {
      id: 'crete-beach-week',
      name: 'Crete beach week',
      flight: { name: 'Return flights London Gatwick – Heraklion', pricePerTraveller: '249.00' },
      hotel: { name: 'Elounda Bay Resort', pricePerRoomPerNight: '128.00' },
      nights: { min: 3, max: 14 },
      insurance: { name: 'Travel insurance', pricePerTraveller: '19.90' },
    },
    {
      id: 'chamonix-ski-week',
      name: 'Chamonix ski week',
      flight: { name: 'Return flights London Gatwick – Geneva', pricePerTraveller: '219.00' },
      hotel: { name: 'Chalet des Aiguilles', pricePerRoomPerNight: '164.00' },
      nights: { min: 3, max: 10 },
      insurance: { name: 'Winter sports insurance', pricePerTraveller: '29.90' },
    },
  ],
};

/** Northwind Coding School: courses with tuition, a registration fee and an optional materials kit. */
const EDUCATION = {
  site: 'education',
  name: 'Northwind Coding School',
  merchant: 'demo-school',
  scenario: 'education',
  currency: 'USD',
  locale: 'en-US',
  courses: [
    {
      id: 'web-development',
      name: 'Full-Stack Web Development (12 weeks)',
      tuition: '3900.00',
      registrationFee: '150.00',
      materials: { name: 'Materials kit: laptop stand, keyboard and course books', price: '249.00' },
    },
    {
      id: 'data-science',
      name: 'Data Science Bootcamp (16 weeks)',
      tuition: '5400.00',
      registrationFee: '150.00',
      materials: { name: 'Materials kit: course books and cloud credits', price: '349.00' },
    },
    {
      id: 'ux-design',
      name: 'UX Design Foundations (8 weeks)',
      tuition: '2400.00',
      registrationFee: '100.00',
      materials: { name: 'Materials kit: sketching set and course books', price: '129.00' },
    },
  ],
};

const CATALOGUES = deepFreeze({ shop: SHOP, travel: TRAVEL, education: EDUCATION });

/** The sites this file prices: `['shop', 'travel', 'education']`. */
export const SITES = Object.freeze(Object.keys(CATALOGUES));

/** Each site's merchant id at the bank: `{ shop: 'demo-shop', travel: 'demo-travel', education: 'demo-school' }`. */
export const MERCHANTS = Object.freeze(Object.fromEntries(SITES.map((site) => [site, CATALOGUES[site].merchant])));

/**
 * A site's public catalogue (what `GET /api/catalogue/{site}` answers and a page renders), or
 * `undefined` for an unknown site. Frozen: copy it before changing it.
 *
 * @param {string} site
 */
export function catalogueFor(site) {
  return typeof site === 'string' && Object.hasOwn(CATALOGUES, site) ? CATALOGUES[site] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Pricing

/**
 * Prices a cart from the catalogue. The cart shape depends on the site, and is strict: a key that
 * is not listed here (an `amount`, a `price`) is an error, so the browser can never choose a price.
 *
 * - shop: `{ items: [{ sku, variant, quantity }], shipping, discountCode? }` — 1–20 lines, each a
 *   different sku + variant, quantity 1–10; `shipping` is `standard`, `express` or `next-day`.
 *   Prices include 13 % VAT: `tax` is the VAT contained in the total, total × 13/113, not added on top.
 * - travel: `{ trip, travellers, nights, insurance }` — travellers 1–6, nights within the trip's
 *   range, `insurance` true or false. Flights and insurance are per traveller, the hotel per room
 *   and night (one double room for every two travellers).
 * - education: `{ course, materials }` — `materials` true or false.
 *
 * Answers amounts as decimal strings in major units (`"4999.00"`), with the currency once:
 * `{ site, currency, lines: [{ label, amount }], subtotal, discountCode, discount, shipping, tax, total }`.
 * `lines` are the goods before any discount and `subtotal` their sum; `discount` is what the
 * code takes off ("0.00" without one); `shipping` and `tax` are `null` where a site has none.
 *
 * @param {string} site `shop`, `travel` or `education`
 * @param {unknown} cart the site's cart, as posted by the page
 * @throws {CartError} for an unknown site, sku, variant, trip or course, a quantity, traveller or
 *   night count out of range, an unknown or inapplicable discount code, an unknown shipping
 *   choice, a wrong type or an unknown key
 */
export function priceCart(site, cart) {
  switch (typeof site === 'string' && Object.hasOwn(CATALOGUES, site) ? site : undefined) {
    case 'shop':
      return priceShopCart(cart);
    case 'travel':
      return priceTravelCart(cart);
    case 'education':
      return priceEducationCart(cart);
    default:
      throw new CartError('unknown-site', '/site', `There is no site ${describe(site)}; the sites are ${SITES.join(', ')}.`);
  }
}

function priceShopCart(cart) {
  const { currency } = SHOP;
  const price = (text) => parseMoney(text, currency);
  strictObject(cart, '/cart', ['items', 'shipping'], ['discountCode']);

  const items = cart.items;
  if (!Array.isArray(items)) throw new CartError('wrong-type', '/cart/items', 'items must be a list of { sku, variant, quantity }.');
  if (items.length === 0) throw new CartError('empty-cart', '/cart/items', 'The cart is empty.');
  if (items.length > MAX_LINES) throw new CartError('too-many-items', '/cart/items', `A cart holds at most ${MAX_LINES} lines.`);
  const seen = new Set();
  const lines = items.map((item, index) => {
    const at = `/cart/items/${index}`;
    strictObject(item, at, ['sku', 'variant', 'quantity']);
    const product = findById(SHOP.products, 'sku', item.sku, `${at}/sku`, 'unknown-product', 'product');
    const variant = findById(product.variants, 'id', item.variant, `${at}/variant`, 'unknown-variant', `variant of ${product.sku}`);
    const quantity = wholeNumber(item.quantity, `${at}/quantity`, SHOP.quantity, 'quantity-out-of-range', 'The quantity');
    const key = `${product.sku}/${variant.id}`;
    if (seen.has(key)) throw new CartError('duplicate-item', at, `${key} is already in the cart: change its quantity instead.`);
    seen.add(key);
    return { label: `${product.name}（${variant.name}）× ${quantity}`, amount: times(price(variant.price), quantity) };
  });
  const subtotal = lines.reduce((sum, line) => addMoney(sum, line.amount), moneyFromMinor(0n, currency));

  const shipping = findById(SHOP.shipping, 'id', cart.shipping, '/cart/shipping', 'unknown-shipping', 'shipping choice');

  let discountCode = null;
  let discount = moneyFromMinor(0n, currency);
  if (cart.discountCode !== undefined) {
    if (typeof cart.discountCode !== 'string') throw new CartError('wrong-type', '/cart/discountCode', 'discountCode must be a string.');
    discountCode = cart.discountCode.trim().toUpperCase();
    if (!Object.hasOwn(SHOP_DISCOUNT_CODES, discountCode)) throw new CartError('unknown-discount-code', '/cart/discountCode', `${describe(cart.discountCode)} is not a discount code.`);
    const rule = SHOP_DISCOUNT_CODES[discountCode];
    if (rule.minimum !== undefined && compareMoney(subtotal, price(rule.minimum)) < 0) {
      throw new CartError('discount-minimum-not-met', '/cart/discountCode', `${discountCode} applies to orders from ${rule.minimum} ${currency}; this one is ${toDecimalString(subtotal)} ${currency}.`);
    }
    discount = rule.kind === 'fixed' ? price(rule.amount) : share(subtotal, BigInt(rule.percent), 100n);
  }

  const total = addMoney(subtractMoney(subtotal, discount), price(shipping.price));
  // VAT is inside the price: of a total T including 13 %, T × 13/113 is tax (half-up to the fen).
  const percent = BigInt(SHOP.vatIncluded.percent);
  const tax = share(total, percent, 100n + percent);
  return priced(SHOP, lines, { subtotal, discountCode, discount, shipping: price(shipping.price), tax, total });
}

function priceTravelCart(cart) {
  const { currency } = TRAVEL;
  const price = (text) => parseMoney(text, currency);
  strictObject(cart, '/cart', ['trip', 'travellers', 'nights', 'insurance']);
  const trip = findById(TRAVEL.trips, 'id', cart.trip, '/cart/trip', 'unknown-trip', 'trip');
  const travellers = wholeNumber(cart.travellers, '/cart/travellers', TRAVEL.travellers, 'travellers-out-of-range', 'The number of travellers');
  const nights = wholeNumber(cart.nights, '/cart/nights', trip.nights, 'nights-out-of-range', `The number of nights for ${trip.name}`);
  if (typeof cart.insurance !== 'boolean') throw new CartError('wrong-type', '/cart/insurance', 'insurance must be true or false.');

  const rooms = Math.ceil(travellers / TRAVEL.travellersPerRoom);
  const people = (count) => `${count} ${count === 1 ? 'traveller' : 'travellers'}`;
  const lines = [
    { label: `${trip.flight.name}, ${people(travellers)}`, amount: times(price(trip.flight.pricePerTraveller), travellers) },
    { label: `${trip.hotel.name}, ${rooms} ${rooms === 1 ? 'room' : 'rooms'} × ${nights} nights`, amount: times(price(trip.hotel.pricePerRoomPerNight), rooms * nights) },
  ];
  if (cart.insurance) lines.push({ label: `${trip.insurance.name}, ${people(travellers)}`, amount: times(price(trip.insurance.pricePerTraveller), travellers) });
  const subtotal = lines.reduce((sum, line) => addMoney(sum, line.amount), moneyFromMinor(0n, currency));
  return priced(TRAVEL, lines, { subtotal, discountCode: null, discount: moneyFromMinor(0n, currency), shipping: null, tax: null, total: subtotal });
}

function priceEducationCart(cart) {
  const { currency } = EDUCATION;
  const price = (text) => parseMoney(text, currency);
  strictObject(cart, '/cart', ['course', 'materials']);
  const course = findById(EDUCATION.courses, 'id', cart.course, '/cart/course', 'unknown-course', 'course');
  if (typeof cart.materials !== 'boolean') throw new CartError('wrong-type', '/cart/materials', 'materials must be true or false.');
  const lines = [
    { label: `Tuition: ${course.name}`, amount: price(course.tuition) },
    { label: 'Registration fee', amount: price(course.registrationFee) },
  ];
  if (cart.materials) lines.push({ label: course.materials.name, amount: price(course.materials.price) });
  const subtotal = lines.reduce((sum, line) => addMoney(sum, line.amount), moneyFromMinor(0n, currency));
  return priced(EDUCATION, lines, { subtotal, discountCode: null, discount: moneyFromMinor(0n, currency), shipping: null, tax: null, total: subtotal });
}

/** The priced cart as the wire shows it: decimal strings in major units, the currency once. */
function priced(catalogue, lines, sums) {
  const text = (money) => (money === null ? null : toDecimalString(money));
  return {
    site: catalogue.site,
    currency: catalogue.currency,
    lines: lines.map((line) => ({ label: line.label, amount: text(line.amount) })),
    subtotal: text(sums.subtotal),
    discountCode: sums.discountCode,
    discount: text(sums.discount),
    shipping: text(sums.shipping),
    tax: text(sums.tax),
    total: text(sums.total),
  };
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic on Money (bigint minor units)

/** `unit × count` for a whole count. */
function times(unit, count) {
  return moneyFromMinor(unit.minor * BigInt(count), unit.currency);
}

/**
 * `money × numerator / denominator`, rounded half-up to the minor unit (a half fen or cent goes
 * up): 10 % of ¥149.85 is 14.985 → ¥14.99. Amounts here are never negative.
 */
function share(money, numerator, denominator) {
  const scaled = money.minor * numerator;
  const quotient = scaled / denominator;
  const remainder = scaled % denominator;
  return moneyFromMinor(remainder * 2n >= denominator ? quotient + 1n : quotient, money.currency);
}

// ---------------------------------------------------------------------------------------------
// Strict reading of untrusted input

/** Checks `value` is a plain object with every `required` key and nothing beyond `required` and `optional`. */
function strictObject(value, at, required, optional = []) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CartError('wrong-type', at, `Expected an object with ${required.join(', ')}.`);
  }
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw new CartError('unknown-key', `${at}/${escapePointer(key)}`, `${describe(key)} is not part of a cart here; the keys are ${[...required, ...optional].join(', ')}.`);
    }
  }
  for (const key of required) {
    if (value[key] === undefined) throw new CartError('missing', `${at}/${key}`, `${key} is required.`);
  }
}

/** The entry of `list` whose `key` is `value`, or a CartError. */
function findById(list, key, value, at, code, what) {
  if (typeof value !== 'string') throw new CartError('wrong-type', at, `The ${what} must be given by its id, a string.`);
  const found = list.find((entry) => entry[key] === value);
  if (!found) throw new CartError(code, at, `There is no ${what} ${describe(value)}; choose one of ${list.map((entry) => entry[key]).join(', ')}.`);
  return found;
}

/** A whole number within `range`; a float, a string or NaN is a wrong type. */
function wholeNumber(value, at, range, code, what) {
  if (!Number.isSafeInteger(value)) throw new CartError('wrong-type', at, `${what} must be a whole number, not ${describe(value)}.`);
  if (value < range.min || value > range.max) throw new CartError(code, at, `${what} must be from ${range.min} to ${range.max}, not ${value}.`);
  return value;
}

function escapePointer(key) {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
