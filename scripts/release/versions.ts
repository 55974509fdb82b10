// The version each package reports (FENQI_VERSION in packages/<name>/src/version.ts) follows its
// package.json. `changeset version` rewrites package.json only; `npm run release:version` then
// runs this to carry the new version into the code, where the CDN file names and the
// registration warning read it.
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

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const changed = syncVersions(process.cwd());
  console.log(changed.length > 0 ? changed.join('\n') : 'FENQI_VERSION already matches package.json in every package.');
}
