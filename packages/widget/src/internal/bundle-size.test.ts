import { expect } from 'chai';
import { isNode } from '../test-support/widget-fixture.js';

// The CDN bundle (cdn/fenqi-widget.js: <fenqi-offer> with its dialog, <fenqi-plans>,
// <fenqi-schedule>, lit, @fenqi/sdk with ky and zod/mini, @fenqi/core), gzip level 9.
// Issue 5's budget is 20 KB and is NOT met: 44.3 KB when this ceiling was set. What dominates
// (minified): zod/mini ≈ 32 KB and ky ≈ 25 KB through the SDK client, the SDK ≈ 20 KB, the widget
// ≈ 29 KB (four locales, CSS), core ≈ 16 KB, lit ≈ 16 KB. This ceiling only stops regressions;
// lower it as the SDK's browser entry shrinks. Raising it needs a reason in the same commit.
const CEILING_KB = 46;

// Never in a browser bundle: the mock bank, server-only SDK code, Lit's development build, TS sources.
const MUST_NOT_APPEAR = ['createServerClient', 'setupWorker', 'Lit is in dev mode', '@fenqi/source'];

describe('CDN bundle size', () => {
  it(`cdn/fenqi-widget.js stays under ${CEILING_KB} KB gzip and carries nothing it should not`, async function () {
    if (!isNode) return this.skip();
    const { existsSync, readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const file = new URL('../../cdn/fenqi-widget.js', import.meta.url);
    if (!existsSync(file)) return this.skip(); // not built: `npm run build` first (npm test does)
    const code = readFileSync(file);
    const kb = gzipSync(code, { level: 9 }).length / 1024;
    expect(kb, `${kb.toFixed(1)} KB gzip`).to.be.at.most(CEILING_KB);
    const text = code.toString('utf8');
    for (const name of MUST_NOT_APPEAR) expect(text, name).not.to.include(name);
  });
});
