// Measures every public entry from the built packages (run `npm run build` first; `npm test` does)
// and checks it against size-budgets.ts, and docs/sizes.md against the measures.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { SIZE_BUDGETS } from '../../size-budgets.js';
import { packageEntries } from '../public-entries.js';
import { measureAll, readCdnManifest, SIZE_TABLE, sizeTable } from './measure-sizes.js';
import type { MeasuredEntry } from './measure-sizes.js';

describe('size budgets (size-budgets.ts)', function () {
  this.timeout(180_000);
  let measured: MeasuredEntry[];

  before(async function () {
    measured = await measureAll();
    const rows = measured.map(({ name, budget, gzipKb }) => {
      const goal = budget.goalKb === undefined ? '' : `  goal ${budget.goalKb} KB: ${gzipKb <= budget.goalKb ? 'met' : `missed by ${(gzipKb - budget.goalKb).toFixed(2)} KB`}`;
      return `      ${name.padEnd(36)} ${gzipKb.toFixed(2).padStart(6)} KB gzip  (budget ${budget.maxKb} KB)${goal}`;
    });
    console.log(`\n      Sizes (gzip -9):\n${rows.join('\n')}\n`);
  });

  it('covers every public entry of every package and every CDN file', () => {
    const names = Object.keys(SIZE_BUDGETS);
    const entries = packageEntries().map((entry) => entry.specifier);
    expect(entries).to.include.members(['@fenqi/core', '@fenqi/sdk/server', '@fenqi/widget/define.js', '@fenqi/mock-server/standalone']);
    expect(entries.filter((entry) => !names.includes(entry)), 'entries without a budget').to.deep.equal([]);
    expect(Object.keys(readCdnManifest().files).sort()).to.deep.equal(['checkout', 'classic', 'module']);
  });

  for (const [name, budget] of Object.entries(SIZE_BUDGETS)) {
    it(`${name} stays within ${budget.maxKb} KB gzip`, () => {
      const entry = measured.find((candidate) => candidate.name === name)!;
      // The budget is for what npm ships: the packages' dist and cdn, never their TypeScript sources.
      const ours = entry.inputs.filter((input) => input.startsWith('packages/'));
      expect(ours.length, 'measured @fenqi files').to.be.above(0);
      expect(ours.filter((input) => !/^packages\/[^/]+\/(dist|cdn)\//.test(input)), 'measured from outside dist').to.deep.equal([]);
      expect(Number(entry.gzipKb.toFixed(2)), `${name} in KB gzip`).to.be.at.most(budget.maxKb);
      for (const text of budget.mustContain ?? []) expect(entry.text.includes(text), `${name} lacks "${text}"`).to.equal(true);
      for (const [text, what] of Object.entries(budget.mustNotContain ?? {})) {
        expect(entry.text.includes(text), `${name} contains "${text}": ${what}`).to.equal(false);
      }
    });
  }

  it('the checkout chunk takes lit and the SDK from the module entry rather than carrying them twice', () => {
    const chunk = measured.find((entry) => 'cdn' in entry.budget.measure && entry.budget.measure.cdn === 'checkout')!;
    expect(chunk.text).to.include(`from"./${readCdnManifest().files.module!.file}"`);
  });

  it('docs/sizes.md is the table of these measures (`npm run docs` writes it)', () => {
    expect(readFileSync(SIZE_TABLE, 'utf8')).to.equal(sizeTable(measured));
  });
});
