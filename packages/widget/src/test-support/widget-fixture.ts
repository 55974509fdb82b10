// Helpers for the widget's browser tests: a fresh mock bank per test, fixtures, settled states, axe.
import { createMockBank } from '@fenqi/mock-server';
import type { MockBank, MockBankOptions } from '@fenqi/mock-server';
import { configure, resetWidgetStore } from '../configure/configure.js';
import type { FenqiOfferElement } from '../internal/offer-element.js';

/** True under Node (mocha + tsx), false in Chromium (web-test-runner). */
export const isNode = typeof globalThis.process?.versions?.node === 'string';

/** `before(browserOnly)`: the suite needs a DOM and runs in web-test-runner only. */
export function browserOnly(this: Mocha.Context): void {
  if (isNode) this.skip();
}

export const KEY = 'pk_test_widgetTests01';

/** A fresh widget store and a frozen-clock mock bank that the widget reaches through configure({ fetch }). */
export function setupBank(options: MockBankOptions = {}, wrapFetch?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch): MockBank {
  cleanup();
  resetWidgetStore();
  const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true }, ...options });
  configure({ publishableKey: KEY, merchant: 'shop-1', fetch: wrapFetch ? wrapFetch(bank.fetch) : bank.fetch });
  return bank;
}

/** How many rate-card requests reached the bank. */
export function rateCardRequests(bank: MockBank): number {
  return bank.requests.filter((entry) => entry.operationId === 'listProducts').length;
}

const containers: HTMLElement[] = [];

/** Renders markup into a fresh container in the document and returns its first element. */
export async function fixture<T extends HTMLElement>(markup: string, host: ParentNode = document.body): Promise<T> {
  const container = document.createElement('div');
  container.innerHTML = markup;
  host.appendChild(container);
  containers.push(container);
  const element = container.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Removes every fixture. */
export function cleanup(): void {
  for (const container of containers.splice(0)) container.remove();
}

/** Waits until the element has left `loading` and finished rendering. */
export async function settled<T extends FenqiOfferElement>(element: T, timeoutMs = 5000): Promise<T> {
  const start = performance.now();
  await element.updateComplete;
  while (element.status === 'loading') {
    if (performance.now() - start > timeoutMs) throw new Error(`${element.localName} still loading after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await element.updateComplete;
  }
  await element.updateComplete;
  return element;
}

/** The text a shopper sees (and a screen reader reads) in an element's shadow root, white space collapsed. */
export function shownText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}

let axeLoaded: Promise<void> | undefined;

/** Runs axe-core (loaded once as a classic script from node_modules) on an element, shadow roots included. */
export async function axeViolations(context: Element): Promise<string[]> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.appendChild(script);
  });
  await axeLoaded;
  const axe = (globalThis as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
  const results = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // Page-level rules judge the test page, not the element.
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

/**
 * Elements of `root` (shadow roots included) that reach past the right edge of the window, except
 * inside a box that scrolls sideways on purpose (the schedule's table).
 */
export function pastTheWindow(root: Element): string[] {
  const found: string[] = [];
  const walk = (scope: Element | ShadowRoot) => {
    for (const element of scope.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 0.5 && !element.closest('.schedule__scroller')) found.push(`${element.localName}.${element.className} right=${Math.round(box.right)}`);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root.shadowRoot ?? root);
  return found;
}
