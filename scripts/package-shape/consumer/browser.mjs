// A partner's page script, bundled by package-shape.test.ts with esbuild inside a fresh project that
// installed the packed tarballs (so the published exports maps and the browser conditions decide
// what loads) and opened in Chromium. It imports every entry a page can use, puts an offer on the
// page against the mock bank running in the page, and reports to window.fenqiConsumer.
import * as core from '@fenqi/core';
import * as sdk from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { buildOpenApiDocument } from '@fenqi/sdk/openapi';
import * as widget from '@fenqi/widget';
import { configure } from '@fenqi/widget/define.js';
import FenqiOffer from '@fenqi/widget/offer.js';
import FenqiPlans from '@fenqi/widget/plans.js';
import FenqiSchedule from '@fenqi/widget/schedule.js';
import FenqiCheckout from '@fenqi/widget/checkout.js';
import * as mockServer from '@fenqi/mock-server';
import { startMockWorker } from '@fenqi/mock-server/browser';

async function run() {
  // The bank in the page, reached through configure({ fetch }); startMockWorker would need the
  // partner to serve msw's worker script, which is msw's business, not the package shape.
  const bank = mockServer.createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
  configure({ publishableKey: 'pk_test_consumerPage1', merchant: 'shop-1', locale: 'zh-CN', fetch: bank.fetch });

  const offer = document.createElement('fenqi-offer');
  offer.setAttribute('amount', '4999.00');
  offer.setAttribute('currency', 'CNY');
  const ready = new Promise((resolve, reject) => {
    offer.addEventListener('fenqi-ready', (event) => resolve(event.detail), { once: true });
    offer.addEventListener('fenqi-error', (event) => reject(new Error(`fenqi-error: ${JSON.stringify(event.detail)}`)), { once: true });
    setTimeout(() => reject(new Error('no fenqi-ready within 5 s')), 5000);
  });
  document.body.append(offer);
  const detail = await ready;
  await offer.updateComplete;

  const quote = await sdk.createClient({ publishableKey: 'pk_test_consumerPage1', fetch: bank.fetch }).quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
  const quoted = quote.plans.find((plan) => plan.planId === detail.planId);
  const Checkout = await widget.loadCheckout();

  return {
    versions: { '@fenqi/core': core.FENQI_VERSION, '@fenqi/sdk': sdk.FENQI_VERSION, '@fenqi/widget': widget.FENQI_VERSION, '@fenqi/mock-server': mockServer.FENQI_VERSION },
    // Each tag is registered once, by the class the package's root entry exports.
    elements: {
      'fenqi-offer': customElements.get('fenqi-offer') === FenqiOffer && FenqiOffer === widget.FenqiOffer,
      'fenqi-plans': customElements.get('fenqi-plans') === FenqiPlans && FenqiPlans === widget.FenqiPlans,
      'fenqi-schedule': customElements.get('fenqi-schedule') === FenqiSchedule && FenqiSchedule === widget.FenqiSchedule,
      'fenqi-checkout': customElements.get('fenqi-checkout') === FenqiCheckout && Checkout === FenqiCheckout,
    },
    offer: {
      payment: detail.payment,
      quotedPayment: quoted && core.toDecimalString(sdk.fromWire(quoted.instalments[0].payment)),
      shown: offer.shadowRoot.textContent.replace(/\s+/g, ' ').includes(core.formatMoney(core.parseMoney(detail.payment, 'CNY'), 'zh-CN')),
    },
    functions: { createServerClient: typeof createServerClient, startMockWorker: typeof startMockWorker },
    openapi: String(buildOpenApiDocument().openapi),
  };
}

window.fenqiConsumer = run().then(
  (result) => ({ result }),
  (error) => ({ error: String(error?.stack ?? error) }),
);
