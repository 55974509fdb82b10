// Whole journeys as a shopper makes them: `npm start`'s stack (the standalone mock bank, the
// partner server and its sites, each its own process, from the built packages) driven in Debian's
// Chromium with playwright-core. On every page: no console error, no CSP violation, no layout
// shift, nothing for axe-core. Screenshots of each step go to examples/journeys/screenshots/.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatMoney, parseMoney } from '@fenqi/core';
import { priceCart } from '../partner-server/catalogue.mjs';
import { createClient, fromWire, residentIdCheckCharacter } from '@fenqi/sdk';
import type { QuotedPlan } from '@fenqi/sdk';
import { PERSONAS } from '@fenqi/mock-server';
import type { PersonaId } from '@fenqi/mock-server';
import { startDemo } from '../start.mjs';
import type { Demo } from '../start.mjs';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
/** The CDN build's files and their integrity hashes (packages/widget/cdn/manifest.json). */
const CDN = JSON.parse(await readFile(createRequire(import.meta.url).resolve('@fenqi/widget/cdn/manifest.json'), 'utf8')) as {
  files: Record<'module' | 'checkout' | 'classic', { file: string; integrity: string }>;
};
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The form values of a persona's example applicant, as a shopper types them. */
function typed(id: PersonaId, changes: Record<string, string> = {}): Record<string, string> {
  const { applicant } = PERSONAS.find((persona) => persona.id === id)!.example;
  return {
    name: applicant.name,
    dateOfBirth: applicant.dateOfBirth,
    email: applicant.email,
    mobile: applicant.mobile,
    // The Chinese market asks for a resident ID: one made for the date of birth when the example has none.
    nationalId: applicant.nationalId ?? residentIdFor(applicant.dateOfBirth),
    monthlyIncome: applicant.monthlyIncome.value,
    employment: applicant.employment,
    housing: applicant.housing,
    existingMonthlyDebt: applicant.existingMonthlyDebt.value,
    ...changes,
  };
}

/** A valid resident ID (GB 11643) for a date of birth, on no persona's list. */
function residentIdFor(dateOfBirth: string): string {
  const body = `110105${dateOfBirth.replaceAll('-', '')}123`;
  return body + residentIdCheckCharacter(body);
}

/** The plan the offer headlines: the lowest highest instalment, the shorter term on a tie. */
function headline(plans: readonly QuotedPlan[]): QuotedPlan {
  const highest = (plan: QuotedPlan) => plan.instalments.reduce((most, row) => (fromWire(row.payment).minor > most ? fromWire(row.payment).minor : most), 0n);
  return [...plans].sort((a, b) => (highest(a) < highest(b) ? -1 : highest(a) > highest(b) ? 1 : a.termMonths - b.termMonths))[0]!;
}

/** What the page records for the checks, from before its first script runs. */
interface Watched {
  cspViolations: string[];
  layoutShifts: string[];
}

interface Visit {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  readonly problems: string[];
}

describe('journeys: the demo sites in Chromium against npm start’s stack', function () {
  this.timeout(120_000);
  let demo: Demo;
  let browser: Browser;
  const visits: Visit[] = [];

  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    demo = await startDemo({ ports: { bank: 0, partner: 0, static: 0 }, log: () => {}, quietBank: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  afterEach(async () => {
    for (const visit of visits.splice(0)) await visit.context.close();
  });

  /** A new tab (its own storage) on a page of the partner site, watching for every kind of breakage. */
  async function visit(path: string, locale = 'en-US', origin = demo.urls.partner): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.addInitScript(() => {
      const watch = window as unknown as Watched;
      watch.cspViolations = [];
      watch.layoutShifts = [];
      document.addEventListener('securitypolicyviolation', (event) => watch.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`));
      // Shifts right after the shopper's own input do not count (as in CLS); any other does, named by what moved.
      type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[]) {
          if (entry.hadRecentInput) continue;
          const moved = entry.sources.map(({ node }) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}` : (node?.parentElement?.outerHTML.slice(0, 120) ?? String(node?.nodeName))));
          watch.layoutShifts.push(`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${moved.join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}${path}`);
    const opened = { page, context, problems };
    visits.push(opened);
    return opened;
  }

  /** What must hold on any page at any step; saves a screenshot named `step`. */
  async function healthy({ page, problems }: Visit, step: string): Promise<void> {
    // Finite animations (a dialog's fade-in) end first: axe judges colours as they settle.
    // (No named functions inside: the test's compiler would wrap them in a helper the page lacks.)
    await page.evaluate(async () => {
      const animations = [...document.getAnimations()];
      const roots: (Document | ShadowRoot)[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const element of root.querySelectorAll('*')) {
          if (!element.shadowRoot) continue;
          animations.push(...element.shadowRoot.getAnimations());
          roots.push(element.shadowRoot);
        }
      }
      const finite = animations.filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
      await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    });
    await page.screenshot({ path: new URL(`${step}.png`, SCREENSHOTS).pathname, fullPage: true });
    // Runs through the DevTools protocol, which the page's CSP does not govern; once per page.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    });
    const { cspViolations, layoutShifts } = await page.evaluate(() => {
      const { cspViolations, layoutShifts } = window as unknown as Watched;
      return { cspViolations, layoutShifts };
    });
    expect({ step, problems, violations, cspViolations, layoutShifts }).to.deep.equal({ step, problems: [], violations: [], cspViolations: [], layoutShifts: [] });
  }

  /** The offer's text once it shows `amount`: waits for the widget to have the amount and be ready. */
  async function offerText(page: Page, selector: string, amount: string): Promise<string> {
    await page.waitForFunction(
      ([selector, amount]) => {
        const offer = document.querySelector(selector!) as (HTMLElement & { amount?: string; status?: string }) | null;
        return offer !== null && offer.amount === amount && offer.status === 'ready';
      },
      [selector, amount],
    );
    return page.locator(selector).evaluate((offer) => (offer.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** The payment the offer must headline for an amount, from the bank's own quote. */
  async function quotedPayment(merchant: string, scenario: 'retail' | 'travel' | 'education', value: string, currency: string, locale: string): Promise<string> {
    const bank = createClient({ publishableKey: 'pk_test_partnerDemo2026', baseUrl: demo.urls.bank });
    const quote = await bank.quotes.create({ merchant, scenario, amount: { value, currency } });
    return formatMoney(fromWire(headline(quote.plans).instalments[0]!.payment), locale);
  }

  /** Plan → details → consent → the bank's answer, in the open <fenqi-checkout>. */
  async function apply(page: Page, values: Record<string, string>): Promise<string> {
    const checkout = page.locator('fenqi-checkout');
    const primary = checkout.locator('[part~="primary"]');
    await page.waitForSelector('fenqi-checkout[step="plan"]', { state: 'attached' });
    await primary.click();
    await page.waitForSelector('fenqi-checkout[step="details"]', { state: 'attached' });
    for (const [name, value] of Object.entries(values)) {
      const control = checkout.locator(`[name="${name}"]`);
      if ((await control.count()) === 0) continue; // a field this market does not ask for
      if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
    await primary.click();
    await page.waitForSelector('fenqi-checkout[step="consent"]', { state: 'attached' });
    for (const box of await checkout.locator('input[type="checkbox"]').all()) await box.check();
    await primary.click();
    await page.waitForSelector('fenqi-checkout:is([step="approved"], [step="declined"], [step="review"], [step="counter-offer"])', { state: 'attached' });
    return (await checkout.getAttribute('step'))!;
  }

  async function applicationCount(): Promise<number> {
    return ((await admin('state')) as { applications: unknown[] }).applications.length;
  }

  async function admin(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${demo.urls.bank}/__admin/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.ok, `${path}: ${response.status}`).to.equal(true);
    return response.json();
  }

  it('shop: the offer follows variant, quantity, shipping and discount; approved, confirmed and paid once despite a failing bank', async () => {
    const shop = await visit('/shop/', 'zh-CN');
    const { page } = shop;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    expect(await offerText(page, '#offer', '4999.00')).to.include(await quotedPayment('demo-shop', 'retail', '4999.00', 'CNY', 'zh-CN'));
    await healthy(shop, 'shop-1-product');

    // The details: every plan, the schedule and the representative example, in the offer's dialog.
    await page.locator('#offer [part~="learn-more"]').click();
    await page.waitForFunction(() => (document.querySelector('#offer') as HTMLElement & { open: boolean }).open);
    expect(await page.locator('#offer').evaluate((offer) => offer.shadowRoot!.querySelector('dialog')!.textContent)).to.match(/示例|代表例|Representative/);
    await healthy(shop, 'shop-1-details');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.querySelector('#offer') as HTMLElement & { open: boolean }).open);
    await page.getByRole('radio', { name: /256 GB/ }).check();
    expect(await page.locator('#price').textContent()).to.equal('¥5,499.00');
    expect(await offerText(page, '#offer', '5499.00')).to.include(await quotedPayment('demo-shop', 'retail', '5499.00', 'CNY', 'zh-CN'));
    await page.locator('#quantity').fill('99'); // more than one order may hold
    await page.locator('#quantity').press('Tab');
    expect(await page.locator('#quantity').inputValue(), 'the field shows the quantity priced').to.equal('10');
    expect(await page.locator('#price').textContent()).to.equal('¥54,990.00'); // above every plan's maximum: no offer
    await page.waitForSelector('#offer[status="ineligible"]', { state: 'attached' });
    await page.locator('#quantity').fill('1');
    await page.getByRole('button', { name: '增加数量' }).click();
    expect(await offerText(page, '#offer', '10998.00')).to.include(await quotedPayment('demo-shop', 'retail', '10998.00', 'CNY', 'zh-CN'));
    await healthy(shop, 'shop-2-variant-and-quantity');

    await page.locator('#add-to-cart').click();
    await page.waitForURL('**/shop/checkout.html');
    await offerText(page, '#offer', '10998.00');
    await page.getByRole('radio', { name: /快递/ }).check(); // + ¥25.00
    await offerText(page, '#offer', '11023.00');
    await page.locator('#discount-code').fill('save10'); // 10 % of the goods: − ¥1,099.80
    await page.locator('#apply-code').click();
    expect(await offerText(page, '#offer', '9923.20')).to.include(await quotedPayment('demo-shop', 'retail', '9923.20', 'CNY', 'zh-CN'));
    await healthy(shop, 'shop-3-checkout');

    // The bank fails the first disbursement call: the partner server's retry must pay once.
    await admin('faults', { route: 'createDisbursement', times: 1, status: 503 });
    // The checkout page was watched from its first request: the widget came, the checkout did not.
    expect(scripts).to.include(`/vendor/fenqi-widget/${CDN.files.module.file}`);
    expect(scripts.filter((path) => path.includes('fenqi-checkout')), 'a page that only shows offers loads no checkout code').to.deep.equal([]);
    await page.locator('#pay').click();
    await page.waitForSelector('fenqi-checkout', { state: 'attached' });
    expect(scripts.filter((path) => path === `/vendor/fenqi-widget/${CDN.files.checkout.file}`), 'the checkout chunk, once the shopper applies').to.have.length(1);
    expect(await apply(page, typed('approve'))).to.equal('approved');
    await healthy(shop, 'shop-4-approved');
    await page.locator('fenqi-checkout [part~="primary"]').click(); // Done
    await page.waitForSelector('#order-panel .order[data-status="paid"]', { timeout: 30_000 });
    const panel = (await page.locator('#order-panel').textContent())!;
    expect(panel).to.include('¥9,923.20');
    expect(panel).to.include('还款中'); // the loan is active
    // Paid: the order cannot be paid again, and the cart is spent.
    expect(await page.locator('#pay').isDisabled()).to.equal(true);
    expect(await page.locator('#pay').textContent()).to.equal('已付款');
    expect(await page.locator('#cart-count').textContent()).to.equal('（0）');
    await healthy(shop, 'shop-5-paid');

    const state = (await admin('state')) as { disbursements: { status: string; amount: { value: string } }[]; loans: { status: string }[] };
    expect(state.disbursements.filter((disbursement) => disbursement.amount.value === '9923.20').map((disbursement) => disbursement.status)).to.deep.equal(['succeeded']);
    const webhooks = (await admin('webhooks')) as { deliveries: { type?: string; status?: number; event?: { type: string } }[] };
    expect(JSON.stringify(webhooks)).to.include('disbursement.succeeded');
  });

  it('the pages load the versioned CDN files through an import map with their SRI hashes, and a changed file is refused', async () => {
    const shop = await visit('/shop/checkout.html?sku=phone-x', 'zh-CN');
    const importMap = JSON.parse((await shop.page.locator('script[type="importmap"]').textContent())!) as { imports: Record<string, string>; integrity: Record<string, string> };
    expect(importMap.imports['@fenqi/widget']).to.equal(`/vendor/fenqi-widget/${CDN.files.module.file}`);
    expect(importMap.integrity).to.deep.equal({
      [`/vendor/fenqi-widget/${CDN.files.module.file}`]: CDN.files.module.integrity,
      [`/vendor/fenqi-widget/${CDN.files.checkout.file}`]: CDN.files.checkout.integrity,
    });

    // A host serving a tampered bundle: one byte more. The browser must not run it.
    const context = await browser.newContext();
    visits.push({ page: await context.newPage(), context, problems: [] });
    const page = context.pages()[0]!;
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.route(`**/vendor/fenqi-widget/${CDN.files.module.file}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()};` });
    });
    await page.goto(`${demo.urls.partner}/shop/`);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await page.evaluate(() => customElements.get('fenqi-offer'))).to.equal(undefined);
    expect(refused.join('\n')).to.match(/integrity/i);
  });

  it('shop: a cart below every plan\'s minimum says so and cannot be paid monthly', async () => {
    const shop = await visit('/shop/?sku=cable-c', 'zh-CN');
    const { page } = shop;
    await page.locator('#add-to-cart').click();
    await page.waitForURL('**/shop/checkout.html');
    await page.waitForSelector('#offer[status="ineligible"]');
    expect(await page.locator('#pay').isDisabled()).to.equal(true);
    expect(await page.locator('#offer').evaluate((offer) => offer.shadowRoot!.textContent)).to.match(/\S/); // a line, never an empty box
    await healthy(shop, 'shop-6-below-minimum');
  });

  it('the home page and the elements page (docs/elements’ live examples) are healthy and live', async () => {
    const home = await visit('/', 'en-GB');
    expect(await home.page.locator('a[href="/elements/"]').count()).to.equal(1);
    await healthy(home, 'home');
    const elements = await visit('/elements/', 'en-GB');
    const { page } = elements;
    await page.waitForFunction(() => [...document.querySelectorAll('fenqi-offer, fenqi-plans, fenqi-schedule')].every((element) => ['ready', 'ineligible'].includes((element as HTMLElement & { status: string }).status)));
    await healthy(elements, 'elements-1');
    await page.locator('#amount').fill('12000.00');
    await page.waitForFunction(() => [...document.querySelectorAll('fenqi-offer.layout-demo')].every((offer) => (offer as HTMLElement & { amount: string; status: string }).amount === '12000.00' && (offer as HTMLElement & { status: string }).status === 'ready'));
    const plan = page.locator('#plans').locator('input[type="radio"]').nth(1);
    await plan.check();
    const planId = await plan.inputValue();
    expect(await page.locator('#schedule').evaluate((schedule) => (schedule as HTMLElement & { plan: string }).plan)).to.equal(planId);
    expect(await page.locator('#chosen').textContent()).to.equal(`change: ${planId}`);
    // Away and back: the browser restores the form, and <fenqi-plans> (form-associated) its plan.
    await page.goto(`${demo.urls.partner}/`);
    await page.goBack();
    await page.waitForFunction((id) => (document.querySelector('#plans') as (HTMLElement & { value: string; status: string }) | null)?.status === 'ready' && (document.querySelector('#plans') as HTMLElement & { value: string }).value === id, planId);
    await page.locator('#open-checkout').click();
    await page.waitForSelector('fenqi-checkout[step="plan"]', { state: 'attached' });
    await healthy(elements, 'elements-2-checkout');
  });

  it('static shop: the bank as a service worker in the page, from plain files — offer, apply, approved, paid', async () => {
    const shop = await visit('/', 'zh-CN', demo.urls.static);
    const { page } = shop;
    expect(await offerText(page, '#offer', '4999.00')).to.include('¥257.78'); // the 24-month plan, as on the served shop
    await page.locator('#quantity').selectOption('2');
    await offerText(page, '#offer', '9998.00');
    await healthy(shop, 'static-1-product');
    await page.locator('#pay').click();
    expect(await apply(page, typed('approve'))).to.equal('approved');
    await healthy(shop, 'static-2-approved');
    await page.locator('fenqi-checkout [part~="primary"]').click(); // Done
    await page.waitForFunction(() => document.querySelector('#order-status')?.textContent?.startsWith('已付款'), undefined, { timeout: 15_000 });
    expect(await page.locator('#order-status').textContent()).to.include('¥9,998.00');
    await healthy(shop, 'static-3-paid');
  });

  for (const [framework, control, count, amount] of [['react', '#seats', '3', '3897.00'], ['react18', '#seats', '3', '3897.00'], ['vue', '#nights', '5', '447.50']] as const) {
    it(`${framework}: properties reach the elements, their events reach the framework, and a plain form submits the chosen plan`, async () => {
      const site = await visit(`/${framework}/`, 'en-GB');
      const { page } = site;
      await page.waitForSelector('#headline:has-text("fenqi-ready")');
      await healthy(site, `${framework}-1`);
      const before = await page.locator('#headline').textContent();
      await page.locator(control).selectOption(count);
      expect(await offerText(page, '#offer', amount)).to.match(/\d/); // the property, set by the framework
      await page.waitForFunction((previous) => document.querySelector('#headline')?.textContent !== previous, before);
      const headline = await page.locator('#headline').textContent();
      const ready = await page.locator('#offer').evaluate((offer) => offer.shadowRoot!.textContent!);
      expect(headline, 'the fenqi-ready detail, through the framework’s own event binding').to.match(/^fenqi-ready: \d+ months from [\d.]+ (USD|EUR)$/);
      expect(ready).to.include(headline!.match(/from ([\d.]+)/)![1]!.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
      const plan = page.locator('#plans input[type="radio"]').nth(1);
      await plan.check();
      await page.locator('#choose').click();
      expect(await page.locator('#chosen').textContent()).to.equal(`The form submitted plan=${await plan.inputValue()}`);
      await healthy(site, `${framework}-2`);
    });
  }

  it('travel: a declined application leaves the shopper a way to pay otherwise', async () => {
    const travel = await visit('/travel/', 'en-GB');
    const { page } = travel;
    const total = (await page.locator('.offer-slot fenqi-offer, fenqi-offer').first().evaluate((offer) => (offer as HTMLElement & { amount: string }).amount))!;
    expect(await offerText(page, 'fenqi-offer', total)).to.include(await quotedPayment('demo-travel', 'travel', total, 'EUR', 'en-GB'));
    await healthy(travel, 'travel-1-trip');
    await page.locator('fenqi-offer [part~="learn-more"]').click();
    await page.waitForFunction(() => (document.querySelector('fenqi-offer') as HTMLElement & { open: boolean }).open);
    await healthy(travel, 'travel-1-details');
    await page.keyboard.press('Escape');
    // A third traveller: the trip total, priced as the server prices it, and the offer with it.
    await page.locator('#travellers').selectOption('3');
    const bigger = priceCart('travel', { trip: 'lisbon-city-break', travellers: 3, nights: 3, insurance: true }).total;
    expect(await page.locator('#totals').textContent()).to.include(formatMoney(parseMoney(bigger, 'EUR'), 'en-GB'));
    expect(await offerText(page, 'fenqi-offer', bigger)).to.include(await quotedPayment('demo-travel', 'travel', bigger, 'EUR', 'en-GB'));
    // The connection drops on the first try of the application: the retry, with the same
    // idempotency key, makes the one application there is.
    const before = await applicationCount();
    await admin('faults', { route: 'createApplication', times: 1, network: true });
    await page.getByRole('button', { name: /pay monthly/i }).click();
    expect(await apply(page, typed('decline-high-existing-debt'))).to.equal('declined');
    expect(await applicationCount()).to.equal(before + 1);
    const words = await page.locator('fenqi-checkout').evaluate((checkout) => checkout.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    expect(words).to.match(/debt/i);
    await healthy(travel, 'travel-2-declined');
    await page.locator('fenqi-checkout [part~="primary"]').click(); // Pay another way
    await page.waitForSelector('#order-panel .message--error');
    await healthy(travel, 'travel-3-after-decline');
  });

  it('education: a review decided later reaches the page, which confirms the enrolment', async () => {
    const school = await visit('/education/', 'en-US');
    const { page } = school;
    const total = await page.locator('fenqi-offer').evaluate((offer) => (offer as HTMLElement & { amount: string }).amount);
    expect(await offerText(page, 'fenqi-offer', total)).to.include(await quotedPayment('demo-education', 'education', total, 'USD', 'en-US'));
    // The materials kit joins the enrolment: the offer follows the new total.
    await page.locator('#materials').check();
    const withKit = priceCart('education', { course: 'web-development', materials: true }).total;
    expect(await offerText(page, 'fenqi-offer', withKit)).to.include(await quotedPayment('demo-education', 'education', withKit, 'USD', 'en-US'));
    await healthy(school, 'education-1-course');
    const loansBefore = ((await admin('state')) as { loans: unknown[] }).loans.length;
    await page.getByRole('button', { name: /pay monthly/i }).click();
    const reviewer = typed('decline-insufficient-income', { email: 'ana.ortiz+review-approve@example.com', monthlyIncome: '9200.00' });
    expect(await apply(page, reviewer)).to.equal('review');
    await healthy(school, 'education-2-review');
    // The shopper reloads while the bank reviews: the page offers to continue, and the checkout
    // finds the application where the bank has it.
    await page.reload();
    await page.getByRole('button', { name: 'Continue application' }).click();
    await page.waitForSelector('fenqi-checkout[step="review"]', { state: 'attached' });
    await healthy(school, 'education-3-review-after-reload');
    await admin('clock', { advance: { minutes: 31 } });
    await page.waitForSelector('fenqi-checkout[step="approved"]', { state: 'attached', timeout: 30_000 });
    await healthy(school, 'education-4-approved');
    // Approved at the review's tier, above the plan's rate: the shopper accepts it before the school confirms.
    expect(await page.locator('fenqi-checkout').evaluate((checkout) => checkout.shadowRoot!.textContent)).to.include('Accept these terms');
    await page.waitForTimeout(2500); // time for a webhook, a poll and a payout to happen if anything confirmed too early
    const loans = ((await admin('state')) as { loans: unknown[] }).loans.length;
    expect(loans, 'no loan on terms the shopper has not accepted').to.equal(loansBefore);
    await page.locator('fenqi-checkout [part~="primary"]').click();
    await page.waitForSelector('#order-panel .order[data-status="paid"]', { timeout: 30_000 });
    await healthy(school, 'education-5-paid');
  });
});
