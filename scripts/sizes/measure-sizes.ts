// Measures every entry of size-budgets.ts from the built packages (dist and the widget's cdn/), and
// renders the size table of docs/sizes.md.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SIZE_BUDGETS } from '../../size-budgets.js';
import type { SizeBudget } from '../../size-budgets.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CDN = new URL('../../packages/widget/cdn/', import.meta.url);

/** One entry, measured. */
export interface MeasuredEntry {
  readonly name: string;
  readonly budget: SizeBudget;
  readonly gzipKb: number;
  readonly text: string;
  /** The file it is (CDN), or the files bundled into it or its lazy chunks, relative to the repository. */
  readonly inputs: readonly string[];
}

/** The CDN build's manifest (written by rollup.config.mjs). */
export function readCdnManifest(): { version: string; files: Record<string, { file: string; integrity: string }> } {
  try {
    return JSON.parse(readFileSync(new URL('manifest.json', CDN), 'utf8'));
  } catch (error) {
    throw new Error('packages/widget/cdn/manifest.json is missing: run `npm run build` first.', { cause: error });
  }
}

async function measure(name: string, budget: SizeBudget): Promise<MeasuredEntry> {
  if ('cdn' in budget.measure) {
    const { file } = readCdnManifest().files[budget.measure.cdn]!;
    const bytes = readFileSync(new URL(file, CDN));
    return { name, budget, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024, text: bytes.toString('utf8'), inputs: [`packages/widget/cdn/${file}`] };
  }
  const result = await build({
    stdin: { contents: budget.measure.code, resolveDir: ROOT, loader: 'js' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: budget.measure.platform ?? 'browser',
    // Code an app loads later (the checkout behind a dynamic import) goes to chunks of its own,
    // as app bundlers do. What is measured is what the page loads up front: the entry and the
    // chunks it imports statically, each gzipped as it would be served.
    splitting: true,
    outdir: 'size-measure', // never written
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const upFront = new Set([Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!]);
  for (const path of upFront) {
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) upFront.add(imported.path);
  }
  const files = result.outputFiles.filter((file) => upFront.has(relative(ROOT, file.path)));
  return {
    name,
    budget,
    gzipKb: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0) / 1024,
    text: files.map((file) => file.text).join('\n'),
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** Every entry of size-budgets.ts, in its order. */
export async function measureAll(): Promise<MeasuredEntry[]> {
  const measured: MeasuredEntry[] = [];
  for (const [name, budget] of Object.entries(SIZE_BUDGETS)) {
    try {
      measured.push(await measure(name, budget));
    } catch (error) {
      throw new Error(`Could not measure ${name}; run \`npm run build\` first.`, { cause: error });
    }
  }
  return measured;
}

/** docs/sizes.md: the table, to one decimal so that small changes leave it alone. */
export function sizeTable(measured: readonly MeasuredEntry[]): string {
  const rows = measured.map(({ name, budget, gzipKb }) => {
    const goal = budget.goalKb === undefined ? '—' : `${budget.goalKb} KB: ${gzipKb <= budget.goalKb ? 'met' : 'missed'}`;
    return `| \`${name}\` | ${budget.what} | ${gzipKb.toFixed(1)} KB | ${budget.maxKb} KB | ${goal} |`;
  });
  return [
    '# Bundle sizes',
    '',
    '<!-- Written by `npm run docs` from size-budgets.ts and the built packages; `npm test` fails when it is out of date. -->',
    '',
    // No version here: the table is rewritten by `npm run docs`, not by `npm run release:version`.
    'What each public entry of this checkout costs, in KB of 1024 bytes, gzip level 9. An npm',
    "entry is measured as an app's bundler ships it: with all its dependencies (lit, ky, zod, msw),",
    'minified by esbuild. A CDN file is measured as it is served. The tests fail when an entry',
    'outgrows its budget ([size-budgets.ts](../size-budgets.ts)); why the 20 KB goals are missed is in',
    '[decision 0007](decisions/0007-browser-bundle-size.md).',
    '',
    '| entry | what it is | gzip | budget | goal |',
    '|---|---|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

export const SIZE_TABLE = new URL('../../docs/sizes.md', import.meta.url);
