import { expect } from 'chai';
import { isNode } from '../test-support/widget-fixture.js';

// The CDN bundle (cdn/fenqi-widget.js: <fenqi-offer> with its dialog, <fenqi-plans>,
// <fenqi-schedule>, lit, @fenqi/sdk with ky and zod/mini, @fenqi/core), gzip level 9.
// Issue 5's budget is 20 KB and is NOT met: 44.3 KB when this ceiling was set. What dominates
// (minified): zod/mini ≈ 32 KB and ky ≈ 25 KB through the SDK client, the SDK ≈ 20 KB, the widget
// ≈ 29 KB (four locales, CSS), core ≈ 16 KB, lit ≈ 16 KB. This ceiling only stops regressions;
// lower it as the SDK's browser entry shrinks. Raising it needs a reason in the same commit.
const CEILING_KB = 46;
// The checkout chunk (cdn/fenqi-checkout-<hash>.js): the element, its four locales and the
// applicant checks; lit and the SDK come from the entry. Issue 6's budget: 35 KB (15.6 KB when set).
const CHECKOUT_CEILING_KB = 35;

// Never in a browser bundle: the mock bank, server-only SDK code, Lit's development build, TS sources.
const MUST_NOT_APPEAR = ['createServerClient', 'setupWorker', 'Lit is in dev mode', '@fenqi/source'];
// Only in the checkout chunk, so a page that shows offers never downloads the application flow.
const CHECKOUT_ONLY = ['fenqi-checkout:', 'Apply to pay in instalments', 'fenqi-approved'];

async function read(name: RegExp): Promise<{ text: string; kb: number }> {
  const { existsSync, readdirSync, readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const dir = new URL('../../cdn/', import.meta.url);
  // npm test builds before it tests; a missing bundle is a failure, never a skipped budget.
  if (!existsSync(dir)) throw new Error('packages/widget/cdn/ is missing: run `npm run build` first.');
  const file = readdirSync(dir).find((candidate) => name.test(candidate));
  if (!file) throw new Error(`No file in packages/widget/cdn/ matches ${name}: run \`npm run build\`.`);
  const code = readFileSync(new URL(file, dir));
  return { text: code.toString('utf8'), kb: gzipSync(code, { level: 9 }).length / 1024 };
}

describe('CDN bundle size', () => {
  before(function () {
    if (!isNode) this.skip();
  });

  it(`cdn/fenqi-widget.js stays under ${CEILING_KB} KB gzip and carries nothing it should not`, async function () {
    const entry = await read(/^fenqi-widget\.js$/);
    expect(entry.kb, `${entry.kb.toFixed(1)} KB gzip`).to.be.at.most(CEILING_KB);
    for (const name of [...MUST_NOT_APPEAR, ...CHECKOUT_ONLY]) expect(entry.text, name).not.to.include(name);
  });

  it(`the checkout chunk stays under ${CHECKOUT_CEILING_KB} KB gzip and is the one that has the checkout`, async function () {
    const chunk = await read(/^fenqi-checkout-[\w-]+\.js$/);
    expect(chunk.kb, `${chunk.kb.toFixed(1)} KB gzip`).to.be.at.most(CHECKOUT_CEILING_KB);
    for (const name of CHECKOUT_ONLY) expect(chunk.text, name).to.include(name);
    for (const name of MUST_NOT_APPEAR) expect(chunk.text, name).not.to.include(name);
    // lit and the SDK are imported from the entry, not bundled twice.
    expect(chunk.text).to.match(/from"\.\/fenqi-widget\.js"/);
  });
});
