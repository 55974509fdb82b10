// `npm run release:dry` as the release team runs it: it must keep working between releases, show
// every package, and leave the checkout exactly as it was.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readVersions } from './versions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run release:dry', () => {
  it('builds and packs every package in a copy, shows versions, changelogs and CDN hashes, and changes nothing here', function () {
    this.timeout(180_000);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    const statusBefore = git('status', '--porcelain');
    const output = execFileSync(fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url)), ['scripts/release/release-dry.ts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    const packages = readVersions(ROOT);
    const shown = packages.map((pkg) => new RegExp(`^### ${pkg.name} ${pkg.manifest.replaceAll('.', '\\.')} → (\\S+)  \\(FENQI_VERSION (\\S+)\\)$`, 'm').exec(output));
    expect(shown.map((match, index) => match && packages[index]!.name)).to.deep.equal(packages.map((pkg) => pkg.name));
    const next = shown[0]![1]!;
    expect(shown.map((match) => [match![1], match![2]]), 'one new version, reported by the code too').to.deep.equal(shown.map(() => [next, next]));
    for (const pkg of packages) expect(output).to.match(new RegExp(`${pkg.name.replace('@', '').replace('/', '-')}-${next.replaceAll('.', '\\.')}\\.tgz: \\d+ files`));
    expect(output).to.match(new RegExp(`module\\s+fenqi-widget-${next.replaceAll('.', '\\.')}\\.js\\s+sha384-[\\w+/]{64}`));

    expect(git('status', '--porcelain'), 'the checkout is as it was').to.equal(statusBefore);
    const copy = /The copy is in (\S+)/.exec(output)?.[1];
    expect(copy && existsSync(copy), 'the temporary copy is gone').to.equal(false);
  });
});
