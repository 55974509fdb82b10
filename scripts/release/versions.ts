// The version each package reports (FENQI_VERSION in packages/<name>/src/version.ts) follows its
// package.json. `changeset version` rewrites package.json only; `npm run release:version` then
// runs this to carry the new version into the code, where the CDN file names and the
// registration warning read it, and into the docs, whose snippets name the versioned CDN files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

/** A package's version as package.json and its code state it. */
export interface PackageVersion {
  readonly name: string;
  readonly folder: string;
  readonly manifest: string;
  readonly code: string | undefined;
  readonly dependencies: Readonly<Record<string, string>>;
}

const CONSTANT = /export const FENQI_VERSION = '([^']*)';/;

/** Every package under `<root>/packages` with the version of its package.json and of its code. */
export function readVersions(root: string): PackageVersion[] {
  const packages = join(root, 'packages');
  return readdirSync(packages).map((folder) => {
    const manifest = JSON.parse(readFileSync(join(packages, folder, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
    const source = readFileSync(join(packages, folder, 'src', 'version.ts'), 'utf8');
    return { name: manifest.name, folder, manifest: manifest.version, code: CONSTANT.exec(source)?.[1], dependencies: manifest.dependencies ?? {} };
  });
}

/** Rewrites each package's FENQI_VERSION to its package.json version; returns what changed. */
export function syncVersions(root: string): string[] {
  return readVersions(root).flatMap((pkg) => {
    if (pkg.code === pkg.manifest) return [];
    const file = join(root, 'packages', pkg.folder, 'src', 'version.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(CONSTANT, `export const FENQI_VERSION = '${pkg.manifest}';`));
    return [`${pkg.name}: FENQI_VERSION ${pkg.code ?? '(none)'} → ${pkg.manifest}`];
  });
}

/** A CDN file name as the docs write it: `fenqi-widget-1.2.3.js`, `…-1.2.3.iife.js`, `fenqi-checkout-1.2.3-‹hash›.js`. */
const DOCUMENTED_CDN_FILE = /\bfenqi-(widget|checkout)-(\d+\.\d+\.\d+)(?=\.js\b|\.iife\.js\b|-)/g;

/** The Markdown a partner reads: the root README, docs/ (not the generated API pages) and each package's README. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.startsWith('api'))
    .map((file) => join('docs', file));
  const readmes = readdirSync(join(root, 'packages')).map((folder) => join('packages', folder, 'README.md'));
  return ['README.md', ...docs, ...readmes];
}

/** Each versioned CDN file name in the docs with the file that names it (for the test that they are current). */
export function documentedCdnFiles(root: string): { file: string; version: string }[] {
  return documentationFiles(root).flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(DOCUMENTED_CDN_FILE)].map((match) => ({ file, version: match[2]! })));
}

/** Rewrites the CDN file names in the docs to `version`; returns the files changed. */
export function syncDocumentedCdnFiles(root: string, version: string): string[] {
  return documentationFiles(root).filter((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const updated = text.replace(DOCUMENTED_CDN_FILE, `fenqi-$1-${version}`);
    if (updated !== text) writeFileSync(join(root, file), updated);
    return updated !== text;
  });
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const root = process.cwd();
  const changed = syncVersions(root);
  const widget = readVersions(root).find((pkg) => pkg.name === '@fenqi/widget')!;
  changed.push(...syncDocumentedCdnFiles(root, widget.manifest).map((file) => `${file}: CDN file names → ${widget.manifest}`));
  console.log(changed.length > 0 ? changed.join('\n') : 'FENQI_VERSION and the docs already match package.json in every package.');
}
