import { expect } from 'chai';

// Browsers without constructable stylesheets get Lit's fallback: a <style> element in each shadow
// root, which a strict CSP blocks unless it carries the page's nonce. This file pretends to be
// such a browser before Lit loads (its own page in the browser run), so only dynamic imports here.
describe('without constructable stylesheets, the <style> fallback carries configure({ nonce })', () => {
  it('puts the nonce on every <style> of every element', async function () {
    if (typeof document === 'undefined') return this.skip();
    delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    const { configure } = await import('../configure/configure.js');
    configure({ nonce: 'n0nce-2026' });
    await import('../define.js');
    for (const tag of ['fenqi-offer', 'fenqi-plans', 'fenqi-schedule']) {
      const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      document.body.append(element);
      await element.updateComplete;
      const styles = [...element.shadowRoot!.querySelectorAll('style')];
      expect(styles.length, `${tag} fell back to <style>`).to.be.greaterThan(0);
      expect(styles.map((style) => style.getAttribute('nonce')), tag).to.deep.equal(styles.map(() => 'n0nce-2026'));
      element.remove();
    }
  });
});
