// Runs inside csp-page.html (strict CSP): loads the widget, renders an offer, opens its dialog, and
// reports what happened on window.cspResult for internal/csp.test.ts.
import { createMockBank } from '@fenqi/mock-server';
import { configure } from '../configure/configure.js';
import '../components/offer/offer.js';

const result = (globalThis as unknown as { cspResult?: unknown }) ;

function styleAttributes(root: ParentNode): number {
  let count = root.querySelectorAll('[style]').length;
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) count += styleAttributes(element.shadowRoot);
  return count;
}

async function run() {
  const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
  configure({ publishableKey: 'pk_test_widgetTests01', merchant: 'shop-1', fetch: bank.fetch, nonce: 'T3st' });
  const offer = document.createElement('fenqi-offer');
  offer.amount = '4999.00';
  offer.currency = 'CNY';
  offer.layout = 'card';
  document.body.append(offer);
  while (offer.status === 'loading') await new Promise((resolve) => setTimeout(resolve, 10));
  offer.show();
  await offer.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
  const learnMoreColour = getComputedStyle(offer.shadowRoot!.querySelector('[part~="close"]')!).minBlockSize;
  const report = {
    status: offer.status,
    open: offer.shadowRoot!.querySelector('dialog')!.open,
    text: offer.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
    adoptedSheets: offer.shadowRoot!.adoptedStyleSheets.length,
    styledCloseButton: learnMoreColour,
    styleAttributes: styleAttributes(document),
  };
  offer.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  result.cspResult = report;
}

run().catch((error: unknown) => {
  result.cspResult = { error: String(error) };
});
