import { expect } from 'chai';
import { parseMoney } from '@fenqi/core';
import { CartError, catalogueFor, MERCHANTS, priceCart, SITES } from './catalogue.mjs';

const DECIMAL = /^\d+\.\d{2}$/;

/** The CartError a cart fails with; fails the test when the cart prices. */
function refusal(site: string, cart: unknown): CartError {
  try {
    priceCart(site, cart);
  } catch (error) {
    expect(error).to.be.instanceOf(CartError);
    return error as CartError;
  }
  throw new Error(`Expected ${JSON.stringify(cart)} to be refused.`);
}

const phone = (variant = '128gb', quantity = 1) => ({ sku: 'phone-x1', variant, quantity });

describe('examples/partner-server catalogue: priceCart', () => {
  describe('shop (CNY, prices include 13 % VAT)', () => {
    it('takes 10 % off the goods, adds shipping, and shows the VAT inside the total', () => {
      // 5,499.00 − 549.90 + 25.00 = 4,974.10; VAT 4,974.10 × 13/113 = 572.2416… → 572.24
      expect(priceCart('shop', { items: [phone('256gb')], shipping: 'express', discountCode: 'SAVE10' })).to.deep.equal({
        site: 'shop',
        currency: 'CNY',
        lines: [{ label: '星河 X1 手机（256 GB）× 1', amount: '5499.00' }],
        subtotal: '5499.00',
        discountCode: 'SAVE10',
        discount: '549.90',
        shipping: '25.00',
        tax: '572.24',
        total: '4974.10',
      });
    });

    it('rounds the VAT half-up to the fen, not down', () => {
      // 899 + 899 + 1,799 = 3,597.00 − 100.00 = 3,497.00; × 13/113 = 402.3097… → 402.31 (truncating would say 402.30)
      const priced = priceCart('shop', {
        items: [{ sku: 'earbuds-air', variant: 'white', quantity: 1 }, { sku: 'earbuds-air', variant: 'black', quantity: 1 }, { sku: 'watch-s', variant: '45mm', quantity: 1 }],
        shipping: 'standard',
        discountCode: 'WELCOME100',
      });
      expect(priced).to.include({ subtotal: '3597.00', discount: '100.00', shipping: '0.00', total: '3497.00', tax: '402.31' });
      expect(priced.lines.map((line) => line.amount)).to.deep.equal(['899.00', '899.00', '1799.00']);
    });

    it('rounds a percentage discount that falls on half a fen up', () => {
      // 3 × 49.95 = 149.85; 10 % = 14.985 → 14.99 (half-even would say 14.98); 149.85 − 14.99 + 45.00 = 179.86; VAT 20.6916… → 20.69
      const priced = priceCart('shop', { items: [{ sku: 'cable-c', variant: '1m', quantity: 3 }], shipping: 'next-day', discountCode: ' save10 ' });
      expect(priced).to.include({ subtotal: '149.85', discountCode: 'SAVE10', discount: '14.99', shipping: '45.00', total: '179.86', tax: '20.69' });
    });

    it('multiplies by the quantity exactly, with no discount code', () => {
      const priced = priceCart('shop', { items: [phone('512gb', 10), { sku: 'cable-c', variant: '2m', quantity: 7 }], shipping: 'standard' });
      // 10 × 6,499.00 + 7 × 59.95 = 64,990.00 + 419.65; VAT 65,409.65 × 13/113 = 7,525.004 → 7,525.00
      expect(priced).to.include({ subtotal: '65409.65', discountCode: null, discount: '0.00', total: '65409.65', tax: '7525.00' });
    });

    it('keeps every sum exact over many carts: total = subtotal − discount + shipping, VAT = total × 13/113 half-up', () => {
      const { products, shipping } = catalogueFor('shop');
      let carts = 0;
      for (const product of products.filter((candidate) => candidate.sku !== 'cable-c')) {
        for (const variant of product.variants) {
          for (const quantity of [1, 3, 10]) {
            for (const choice of shipping) {
              for (const discountCode of [undefined, 'SAVE10', 'WELCOME100']) {
                const cart = { items: [{ sku: product.sku, variant: variant.id, quantity }, { sku: 'cable-c', variant: '1m', quantity: 1 }], shipping: choice.id, ...(discountCode ? { discountCode } : {}) };
                let priced;
                try {
                  priced = priceCart('shop', cart);
                } catch (error) {
                  expect((error as CartError).code).to.equal('discount-minimum-not-met');
                  continue;
                }
                carts += 1;
                const minor = (value: string) => parseMoney(value, 'CNY').minor;
                for (const amount of [priced.subtotal, priced.discount, priced.shipping!, priced.tax!, priced.total, ...priced.lines.map((line) => line.amount)]) {
                  expect(amount).to.be.a('string').and.match(DECIMAL);
                }
                expect(priced.lines.reduce((sum, line) => sum + minor(line.amount), 0n)).to.equal(minor(priced.subtotal));
                expect(minor(priced.subtotal) - minor(priced.discount) + minor(priced.shipping!)).to.equal(minor(priced.total));
                const scaled = minor(priced.total) * 13n;
                expect(minor(priced.tax!)).to.equal(scaled / 113n + ((scaled % 113n) * 2n >= 113n ? 1n : 0n));
              }
            }
          }
        }
      }
      expect(carts).to.be.greaterThan(100);
    });
  });

  describe('travel (EUR)', () => {
    it('prices flights and insurance per traveller and one double room for every two travellers per night', () => {
      // 3 × 189.00 + 2 rooms × 4 nights × 96.50 + 3 × 14.17 = 567.00 + 772.00 + 42.51
      expect(priceCart('travel', { trip: 'lisbon-city-break', travellers: 3, nights: 4, insurance: true })).to.deep.equal({
        site: 'travel',
        currency: 'EUR',
        lines: [
          { label: 'Return flights London Gatwick – Lisbon, 3 travellers', amount: '567.00' },
          { label: 'Casa do Alfama, 2 rooms × 4 nights', amount: '772.00' },
          { label: 'Travel insurance (premium tax included), 3 travellers', amount: '42.51' },
        ],
        subtotal: '1381.51',
        discountCode: null,
        discount: '0.00',
        shipping: null,
        tax: null,
        total: '1381.51',
      });
      // 2 × 189.00 + 1 room × 3 nights × 96.50
      expect(priceCart('travel', { trip: 'lisbon-city-break', travellers: 2, nights: 3, insurance: false }).total).to.equal('667.50');
      // 5 × 249.00 + 3 rooms × 7 nights × 128.00 + 5 × 19.90 = 1,245.00 + 2,688.00 + 99.50
      expect(priceCart('travel', { trip: 'crete-beach-week', travellers: 5, nights: 7, insurance: true }).total).to.equal('4032.50');
    });
  });

  describe('education (USD)', () => {
    it('adds tuition, the registration fee and the materials kit when chosen', () => {
      const priced = priceCart('education', { course: 'web-development', materials: true });
      expect(priced.lines).to.deep.equal([
        { label: 'Tuition: Full-Stack Web Development (12 weeks)', amount: '3900.00' },
        { label: 'Registration fee', amount: '150.00' },
        { label: 'Materials kit: laptop stand, keyboard and course books', amount: '249.00' },
      ]);
      expect(priced).to.include({ currency: 'USD', subtotal: '4299.00', total: '4299.00', shipping: null, tax: null });
      expect(priceCart('education', { course: 'data-science', materials: false }).total).to.equal('5550.00');
    });
  });

  it('refuses every bad cart with a CartError naming the code and the field', () => {
    const shop = (cart: Record<string, unknown>) => ({ items: [phone()], shipping: 'standard', ...cart });
    const cases: [site: string, cart: unknown, code: string, field: string][] = [
      ['bakery', {}, 'unknown-site', '/site'],
      ['toString', {}, 'unknown-site', '/site'],
      ['shop', null, 'wrong-type', '/cart'],
      ['shop', [phone()], 'wrong-type', '/cart'],
      ['shop', shop({ items: [] }), 'empty-cart', '/cart/items'],
      ['shop', shop({ items: { 0: phone() } }), 'wrong-type', '/cart/items'],
      ['shop', shop({ items: Array.from({ length: 21 }, () => phone()) }), 'too-many-items', '/cart/items'],
      ['shop', shop({ items: [{ sku: 'phone-x2', variant: '128gb', quantity: 1 }] }), 'unknown-product', '/cart/items/0/sku'],
      ['shop', shop({ items: [{ sku: '__proto__', variant: '128gb', quantity: 1 }] }), 'unknown-product', '/cart/items/0/sku'],
      ['shop', shop({ items: [phone('1tb')] }), 'unknown-variant', '/cart/items/0/variant'],
      ['shop', shop({ items: [{ sku: 'earbuds-air', variant: '128gb', quantity: 1 }] }), 'unknown-variant', '/cart/items/0/variant'],
      ['shop', shop({ items: [phone('128gb', 0)] }), 'quantity-out-of-range', '/cart/items/0/quantity'],
      ['shop', shop({ items: [phone('128gb', 11)] }), 'quantity-out-of-range', '/cart/items/0/quantity'],
      ['shop', shop({ items: [phone('128gb', 1.5)] }), 'wrong-type', '/cart/items/0/quantity'],
      ['shop', shop({ items: [phone('128gb', '2' as never)] }), 'wrong-type', '/cart/items/0/quantity'],
      ['shop', shop({ items: [phone('128gb', Number.NaN)] }), 'wrong-type', '/cart/items/0/quantity'],
      ['shop', shop({ items: [{ sku: 'phone-x1', variant: '128gb' }] }), 'missing', '/cart/items/0/quantity'],
      ['shop', shop({ items: [{ ...phone(), price: '1.00' }] }), 'unknown-key', '/cart/items/0/price'],
      ['shop', shop({ items: [phone(), phone('256gb'), phone()] }), 'duplicate-item', '/cart/items/2'],
      ['shop', shop({ shipping: 'drone' }), 'unknown-shipping', '/cart/shipping'],
      ['shop', { items: [phone()] }, 'missing', '/cart/shipping'],
      ['shop', shop({ discountCode: 'FREE' }), 'unknown-discount-code', '/cart/discountCode'],
      ['shop', shop({ discountCode: 10 }), 'wrong-type', '/cart/discountCode'],
      ['shop', shop({ items: [{ sku: 'earbuds-air', variant: 'white', quantity: 1 }], discountCode: 'WELCOME100' }), 'discount-minimum-not-met', '/cart/discountCode'],
      ['shop', shop({ amount: '1.00' }), 'unknown-key', '/cart/amount'],
      ['shop', shop({ total: '1.00' }), 'unknown-key', '/cart/total'],
      ['shop', shop({ 'a/b~c': 1 }), 'unknown-key', '/cart/a~1b~0c'],
      ['shop', JSON.parse('{"items":[],"shipping":"standard","__proto__":{"total":"1.00"}}'), 'unknown-key', '/cart/__proto__'],
      ['travel', { trip: 'mars', travellers: 2, nights: 3, insurance: false }, 'unknown-trip', '/cart/trip'],
      ['travel', { trip: 'lisbon-city-break', travellers: 0, nights: 3, insurance: false }, 'travellers-out-of-range', '/cart/travellers'],
      ['travel', { trip: 'lisbon-city-break', travellers: 7, nights: 3, insurance: false }, 'travellers-out-of-range', '/cart/travellers'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2.5, nights: 3, insurance: false }, 'wrong-type', '/cart/travellers'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2, nights: 1, insurance: false }, 'nights-out-of-range', '/cart/nights'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2, nights: 8, insurance: false }, 'nights-out-of-range', '/cart/nights'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2, nights: 3, insurance: 'yes' }, 'wrong-type', '/cart/insurance'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2, insurance: true }, 'missing', '/cart/nights'],
      ['travel', { trip: 'lisbon-city-break', travellers: 2, nights: 3, insurance: true, price: '10.00' }, 'unknown-key', '/cart/price'],
      ['education', { course: 'alchemy', materials: false }, 'unknown-course', '/cart/course'],
      ['education', { course: 'ux-design' }, 'missing', '/cart/materials'],
      ['education', { course: 'ux-design', materials: 1 }, 'wrong-type', '/cart/materials'],
      ['education', { course: ['ux-design'], materials: true }, 'wrong-type', '/cart/course'],
    ];
    for (const [site, cart, code, field] of cases) {
      const error = refusal(site, cart);
      expect({ code: error.code, field: error.field }, `${site} ${JSON.stringify(cart)}`).to.deep.equal({ code, field });
      expect(error.message).to.be.a('string').and.not.match(/undefined|\[object Object\]/);
    }
  });

  it('publishes each catalogue (prices as decimal strings, no discount codes) and each merchant', () => {
    expect(SITES).to.deep.equal(['shop', 'travel', 'education']);
    expect(MERCHANTS).to.deep.equal({ shop: 'demo-shop', travel: 'demo-travel', education: 'demo-school' });
    const shop = catalogueFor('shop');
    expect(shop).to.include({ merchant: 'demo-shop', scenario: 'retail', currency: 'CNY', locale: 'zh-CN' });
    expect(shop.products.find((product) => product.sku === 'phone-x1')!.variants.map((variant) => variant.price)).to.deep.equal(['4999.00', '5499.00', '6499.00']);
    expect(catalogueFor('travel')).to.include({ merchant: 'demo-travel', scenario: 'travel', currency: 'EUR', locale: 'en-GB' });
    expect(catalogueFor('education')).to.include({ merchant: 'demo-school', scenario: 'education', currency: 'USD', locale: 'en-US' });
    expect(catalogueFor('bakery')).to.equal(undefined);
    expect(catalogueFor('constructor')).to.equal(undefined);
    expect(JSON.stringify(SITES.map((site) => catalogueFor(site)))).not.to.match(/SAVE10|WELCOME100/);
    expect(Object.isFrozen(shop.products[0]!.variants[0])).to.equal(true);
  });
});
