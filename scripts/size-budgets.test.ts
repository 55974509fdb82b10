// Bundles every public entry from the built packages (run `npm run build` first; `npm test` does)
// and checks it against size-budgets.ts.
import { expect } from 'chai';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SIZE_BUDGETS } from '../size-budgets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Measured {
  readonly gzipKb: number;
  readonly text: string;
  /** Every file that went into the bundle, relative to the repository. */
  readonly inputs: readonly string[];
}

/** The measure of issue 3: esbuild, minified, ESM, for browsers, with all dependencies; gzip level 9. */
async function measure(code: string): Promise<Measured> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  return { gzipKb: gzipSync(bytes, { level: 9 }).length / 1024, text: new TextDecoder().decode(bytes), inputs: Object.keys(result.metafile.inputs) };
}

describe('size budgets (size-budgets.ts)', function () {
  this.timeout(120_000);
  const measured = new Map<string, Measured>();

  before(async function () {
    for (const [name, budget] of Object.entries(SIZE_BUDGETS)) {
      try {
        measured.set(name, await measure(budget.code));
      } catch (error) {
        throw new Error(`Could not bundle ${name}; run \`npm run build\` first.`, { cause: error });
      }
    }
    const rows = Object.entries(SIZE_BUDGETS).map(([name, budget]) => {
      const size = measured.get(name)!.gzipKb;
      const goal = budget.goalKb === undefined ? '' : `  goal ${budget.goalKb} KB: ${size <= budget.goalKb ? 'met' : `missed by ${(size - budget.goalKb).toFixed(2)} KB`}`;
      return `      ${name.padEnd(32)} ${size.toFixed(2).padStart(6)} KB gzip  (budget ${budget.maxKb} KB)${goal}`;
    });
    console.log(`\n      Bundled sizes (esbuild, minified, gzip -9):\n${rows.join('\n')}\n`);
  });

  for (const [name, budget] of Object.entries(SIZE_BUDGETS)) {
    it(`${name} stays within ${budget.maxKb} KB gzip`, () => {
      const bundle = measured.get(name)!;
      // The budget is for what npm ships: the packages' dist, never their TypeScript sources.
      const ours = bundle.inputs.filter((input) => input.startsWith('packages/'));
      expect(ours.length, 'bundled @fenqi files').to.be.above(0);
      expect(ours.filter((input) => !/^packages\/[^/]+\/dist\//.test(input)), 'bundled from outside dist').to.deep.equal([]);
      expect(Number(bundle.gzipKb.toFixed(2)), `${name} in KB gzip`).to.be.at.most(budget.maxKb);
      for (const [text, what] of Object.entries(budget.mustNotContain ?? {})) {
        expect(bundle.text.includes(text), `${name} contains "${text}": ${what}`).to.equal(false);
      }
    });
  }
});
