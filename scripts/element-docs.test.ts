import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { ELEMENT_DOCS, elementDocs } from './element-docs.js';

describe('docs/elements (one page per element, from custom-elements.json)', () => {
  const pages = elementDocs();

  it('has a page for each element and an index, and no page of an element that is gone', () => {
    expect([...pages.keys()]).to.include.members(['README.md', 'fenqi-checkout.md', 'fenqi-offer.md', 'fenqi-plans.md', 'fenqi-schedule.md']);
    expect(readdirSync(ELEMENT_DOCS).sort(), 'docs/elements/: run `npm run docs`').to.deep.equal([...pages.keys()].sort());
  });

  it('is up to date with the manifest (run `npm run docs` after changing a component’s JSDoc)', () => {
    for (const [name, text] of pages) expect(readFileSync(new URL(name, ELEMENT_DOCS), 'utf8'), name).to.equal(text);
  });

  it('lists what partners use: attributes with their properties, events, parts, and no internal state', () => {
    const offer = pages.get('fenqi-offer.md')!;
    for (const expected of ['`amount`', '`publishable-key`', '`publishableKey`', '`fenqi-ready`', '`fenqi-ineligible`', '`show()`', '`--fenqi-color-accent`', '`learn-more`']) expect(offer).to.include(expected);
    expect(offer).not.to.match(/\| `name` \|/); // the analyzer's phantom event
    expect(pages.get('fenqi-checkout.md')).not.to.include('`busy`');
  });
});
