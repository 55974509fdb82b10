import { expect } from 'chai';
import { browserOnly, cleanup, fixture, isNode, settled, setupBank, shownText } from '../test-support/widget-fixture.js';
import { FENQI_VERSION } from '../version.js';
import { defineElement } from './define-element.js';

describe('defineElement (B17)', () => {
  afterEach(cleanup);

  it('imports without touching the DOM, so server rendering can load the package (SSR)', async function () {
    if (!isNode) return this.skip();
    expect(typeof (globalThis as { document?: unknown }).document).to.equal('undefined');
    const widget = await import('../define.js');
    expect(widget.configure).to.be.a('function');
    expect(widget.FenqiOffer).to.be.a('function');
  });

  describe('in the browser', () => {
    before(browserOnly);

    it('a second bundle of another version does not throw, warns once, and every instance renders', async () => {
      setupBank();
      await import('../components/offer/offer.js');
      const First = customElements.get('fenqi-offer')!;
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        // Bundle B: the same tag from a newer copy of the class.
        class NewerOffer extends (First as unknown as typeof HTMLElement) {
          static readonly version = '1.3.0';
        }
        expect(() => defineElement('fenqi-offer', NewerOffer)).not.to.throw();
        expect(() => defineElement('fenqi-offer', NewerOffer)).not.to.throw();
        // The same class again, or another copy of the same version: silent.
        defineElement('fenqi-offer', First);
        class SameVersion extends (First as unknown as typeof HTMLElement) {
          static readonly version = FENQI_VERSION;
        }
        defineElement('fenqi-offer', SameVersion);
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(2);
      expect(String(warnings[0]![0])).to.include(`@fenqi/widget ${FENQI_VERSION}`).and.include('1.3.0');
      expect(customElements.get('fenqi-offer')).to.equal(First);
      const offer = await settled(await fixture<HTMLElementTagNameMap['fenqi-offer']>('<fenqi-offer amount="4999.00" currency="CNY"></fenqi-offer>'));
      expect(offer.status).to.equal('ready');
      expect(shownText(offer)).to.match(/¥/);
    });

    it('registers a new tag once', () => {
      class Probe extends HTMLElement {}
      defineElement('fenqi-probe-b17', Probe);
      defineElement('fenqi-probe-b17', Probe);
      expect(customElements.get('fenqi-probe-b17')).to.equal(Probe);
    });
  });
});
