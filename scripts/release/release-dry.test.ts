// `npm run release:dry` as the release team runs it: it must keep working between releases, show
// every package, and leave the checkout exactly as it was.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersions } from './versions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

describe('npm run release:dry', () => {
  it('builds and packs every package in a copy, shows versions, changelogs and CDN hashes, and changes nothing here', function () {
    this.timeout(180_000);
    const statusBefore = git(ROOT, 'status', '--porcelain');
    const output = execFileSync(TSX, ['scripts/release/release-dry.ts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    const packages = readVersions(ROOT);
    const shown = packages.map((pkg) => new RegExp(`^### ${pkg.name} ${pkg.manifest.replaceAll('.', '\\.')} → (\\S+)  \\(FENQI_VERSION (\\S+)\\)$`, 'm').exec(output));
    expect(shown.map((match, index) => match && packages[index]!.name)).to.deep.equal(packages.map((pkg) => pkg.name));
    const next = shown[0]![1]!;
    expect(shown.map((match) => [match![1], match![2]]), 'one new version, reported by the code too').to.deep.equal(shown.map(() => [next, next]));
    for (const pkg of packages) expect(output).to.match(new RegExp(`${pkg.name.replace('@', '').replace('/', '-')}-${next.replaceAll('.', '\\.')}\\.tgz: \\d+ files`));
    expect(output).to.match(new RegExp(`module\\s+fenqi-widget-${next.replaceAll('.', '\\.')}\\.js\\s+sha384-[\\w+/]{64}`));

    expect(git(ROOT, 'status', '--porcelain'), 'the checkout is as it was').to.equal(statusBefore);
    const copy = /The copy is in (\S+)/.exec(output)?.[1];
    expect(copy && existsSync(copy), 'the temporary copy is gone').to.equal(false);
  });

  // Right after a release no changeset is pending, and `changeset version` exits 1 when it has
  // nothing to do: the dry run must still show the packages as they are (it failed here once).
  it('with no pending changeset, shows every package at its current version', function () {
    this.timeout(180_000);
    const checkout = join(mkdtempSync(join(tmpdir(), 'fenqi-released-')), 'checkout');
    git(ROOT, 'worktree', 'add', '--detach', '--quiet', checkout, 'HEAD');
    try {
      symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
      for (const file of readdirSync(join(checkout, '.changeset'))) if (file.endsWith('.md') && file !== 'README.md') rmSync(join(checkout, '.changeset', file));
      const output = execFileSync(TSX, ['scripts/release/release-dry.ts'], { cwd: checkout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(output).to.include('None: the versions stay as they are.');
      for (const pkg of readVersions(checkout)) expect(output).to.include(`### ${pkg.name} ${pkg.manifest} → ${pkg.manifest}  (FENQI_VERSION ${pkg.manifest})`);
    } finally {
      git(ROOT, 'worktree', 'remove', '--force', checkout);
      rmSync(join(checkout, '..'), { recursive: true, force: true });
    }
  });
});
