import { expect } from 'chai';
import { browserOnly, wait } from '../test-support/widget-fixture.js';

describe('B13: a strict Content-Security-Policy', () => {
  before(browserOnly);

  it("renders and opens the dialog under default-src 'self' with no unsafe-inline: no violation, no style attribute", async function () {
    this.timeout(30_000);
    const frame = document.createElement('iframe');
    frame.src = new URL('../test-support/csp-page.html', import.meta.url).href;
    document.body.append(frame);
    try {
      const page = () => frame.contentWindow as unknown as { cspResult?: Record<string, unknown>; violations: string[]; document: Document };
      const start = performance.now();
      while (!page()?.cspResult) {
        if (performance.now() - start > 25_000) throw new Error('the CSP page did not report');
        await wait(50);
      }
      const result = page().cspResult!;
      expect(result.error).to.equal(undefined);
      expect(result).to.include({ status: 'ready', open: true, styleAttributes: 0 });
      expect(result.adoptedSheets).to.be.greaterThan(0);
      expect(result.styledCloseButton, 'the widget styles applied').to.equal('44px');
      expect(result.text).to.match(/¥/);
      expect(page().violations).to.deep.equal([]);

      // Control: the listener does hear a violation when there is one.
      page().document.body.setAttribute('style', 'color: red');
      await wait(100);
      expect(page().violations).to.have.length(1);
      expect(page().violations[0]).to.match(/^style-src-attr/);
    } finally {
      frame.remove();
    }
  });
});
