import { expect } from 'chai';
import { createMockBank } from '@fenqi/mock-server';

// The built CDN files as a partner's page loads them (npm test builds before it tests): the IIFE
// from a classic <script>, twice, then the module bundle beside it — three copies of the elements
// on one page, which must never throw — and an offer that renders from them.
const CDN = '/packages/widget/cdn/';

/** Adds a classic script and resolves when it has run; rejects when it cannot be loaded. */
function classicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src });
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} did not load: run \`npm run build\` first.`)));
    document.head.append(script);
  });
}

describe('the CDN bundles on a partner page', () => {
  it('load as a classic script, twice, and beside the module bundle, without an error, and show an offer', async function () {
    if (typeof document === 'undefined') return this.skip();
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    const { files } = (await (await fetch(`${CDN}manifest.json`)).json()) as { files: Record<'module' | 'classic', { file: string }> };
    try {
      await classicScript(`${CDN}${files.classic.file}`);
      const global = (window as unknown as { FenqiWidget?: { configure: (options: object) => void; FENQI_VERSION: string } }).FenqiWidget;
      expect(global?.configure, 'the IIFE exposes FenqiWidget.configure').to.be.a('function');
      expect(global!.FENQI_VERSION).to.match(/^\d+\.\d+\.\d+/);
      const offerClass = customElements.get('fenqi-offer');
      expect(offerClass).to.be.a('function');

      await classicScript(`${CDN}${files.classic.file}`); // the snippet pasted twice
      await import(/* @vite-ignore */ `${CDN}${files.module.file}`); // and the module bundle too
      expect(customElements.get('fenqi-offer'), 'the first definition stays').to.equal(offerClass);
      expect(errors).to.deep.equal([]);

      const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
      global!.configure({ publishableKey: 'pk_test_cdnBundle01', merchant: 'shop-1', fetch: bank.fetch });
      const offer = Object.assign(document.createElement('fenqi-offer'), { amount: '4999.00', currency: 'CNY', locale: 'zh-CN' }) as HTMLElement & { status: string };
      document.body.append(offer);
      for (let waited = 0; offer.status !== 'ready' && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(offer.status).to.equal('ready');
      expect(offer.shadowRoot!.textContent).to.match(/¥\d/);
      expect(bank.requests.map((entry) => entry.operationId)).to.deep.equal(['listProducts']);
      offer.remove();
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
