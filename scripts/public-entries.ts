// The public entries of the packages, read from their package.json exports maps: the one list that
// the size budgets, the API reports, the Node import test and the TSDoc test all walk, so an entry
// added to an exports map is measured, recorded and tested with no other list to update.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = fileURLToPath(new URL('../packages/', import.meta.url));

/** The parts of a package.json the checks read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
}

/** One code entry of one package. */
export interface PackageEntry {
  /** What consumers import: `@fenqi/sdk/server`. */
  readonly specifier: string;
  /** The package folder, absolute. */
  readonly packageFolder: string;
  /** The package's folder name under packages/: `sdk`. */
  readonly folder: string;
  readonly manifest: PackageManifest;
  /** The key in the exports map: `./server`. */
  readonly subpath: string;
  /** The TypeScript source (the `@fenqi/source` condition), absolute. */
  readonly source: string;
  /** The built declarations (the `types` condition), absolute. */
  readonly types: string;
}

/**
 * Every code entry of every package: the exports-map keys whose target has conditions. Plain file
 * targets (./package.json, ./custom-elements.json, the widget's ./cdn/* files) are not code.
 */
export function packageEntries(): PackageEntry[] {
  return readdirSync(PACKAGES)
    .filter((folder) => existsSync(join(PACKAGES, folder, 'package.json')))
    .flatMap((folder) => {
      const packageFolder = join(PACKAGES, folder);
      const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as PackageManifest;
      return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
        typeof target === 'string'
          ? []
          : [
              {
                specifier: `${manifest.name}${subpath.slice(1)}`,
                packageFolder,
                folder,
                manifest,
                subpath,
                source: join(packageFolder, target['@fenqi/source']!),
                types: join(packageFolder, target.types!),
              },
            ],
      );
    });
}
