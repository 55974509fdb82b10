import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { checkChangesets, packagesMissingAChangeset, packagesNamedBy } from './changesets.js';
import { documentedCdnFiles, readVersions } from './versions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('release readiness', () => {
  describe('versions', () => {
    const packages = readVersions(ROOT);

    it('every package reports the version of its package.json as FENQI_VERSION', () => {
      expect(packages.map((pkg) => [pkg.name, pkg.code])).to.deep.equal(packages.map((pkg) => [pkg.name, pkg.manifest]), 'FENQI_VERSION follows package.json, whose version only `npm run release:version` should change: set package.json back, or run `npx tsx scripts/release/versions.ts`');
    });

    it('the four packages share one version and depend on each other at exactly that version', () => {
      const versions = new Set(packages.map((pkg) => pkg.manifest));
      expect([...versions], 'one version (the fixed group in .changeset/config.json)').to.have.length(1);
      const internal = packages.flatMap((pkg) => Object.entries(pkg.dependencies).filter(([name]) => name.startsWith('@fenqi/')).map(([name, range]) => `${pkg.name} → ${name}@${range}`));
      expect(internal.length).to.be.greaterThan(3);
      expect(internal.filter((line) => !line.endsWith(`@${[...versions][0]}`))).to.deep.equal([]);
    });

    it('the docs name the CDN files of this version, so a pasted snippet loads a file the build has', () => {
      const documented = documentedCdnFiles(ROOT);
      expect(documented.length, 'the quickstart and the widget guide name the CDN files').to.be.greaterThan(2);
      const widget = packages.find((pkg) => pkg.name === '@fenqi/widget')!;
      expect(documented.filter(({ version }) => version !== widget.manifest), 'run `npm run release:version`').to.deep.equal([]);
    });
  });

  describe('changesets', () => {
    const names = new Map([['core', '@fenqi/core'], ['sdk', '@fenqi/sdk']]);
    const coreChangeset = '---\n"@fenqi/core": patch\n---\n\nRounds half-even.\n';

    it('every package changed since the last release is named by a pending changeset', function () {
      this.timeout(20_000);
      const { since, missing } = checkChangesets(ROOT);
      expect(missing, `changed since ${/^[0-9a-f]{40}$/.test(since) ? since.slice(0, 7) : since} with no changeset: add one with \`npx changeset\``).to.deep.equal([]);
    });

    it('asks for a changeset for code and package.json changes, not for tests or other files', () => {
      expect(packagesMissingAChangeset(['packages/core/src/money/money.ts'], [], names)).to.deep.equal(['@fenqi/core']);
      expect(packagesMissingAChangeset(['packages/sdk/package.json'], [], names)).to.deep.equal(['@fenqi/sdk']);
      expect(packagesMissingAChangeset(['packages/core/src/money/money.test.ts', 'packages/core/src/test-support/x.ts', 'packages/core/README.md', 'docs/core.md'], [], names)).to.deep.equal([]);
    });

    it('accepts a change only when a changeset names its package', () => {
      const changed = ['packages/core/src/index.ts', 'packages/sdk/src/index.ts'];
      expect(packagesMissingAChangeset(changed, [coreChangeset], names)).to.deep.equal(['@fenqi/sdk']);
      expect(packagesNamedBy("---\n'@fenqi/sdk': minor\n\"@fenqi/core\": major\n---\nText: patch\n")).to.deep.equal(['@fenqi/sdk', '@fenqi/core']);
      expect(packagesNamedBy('---\n---\n\nAn empty changeset names nothing.\n')).to.deep.equal([]);
    });
  });
});
