// "Every user-facing change carries a changeset": which packages changed since the last release,
// and whether a pending changeset (.changeset/*.md) names each of them. The last release is the
// last commit that wrote a package's CHANGELOG.md, which `changeset version` does; changelogs
// changed and not yet committed are a release being made (`npm run release:version` has used
// the changesets up), which covers every change since the one before.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What counts as user-facing in packages/<folder>/: what npm ships (code, bins, the manifest),
 * not the tests beside the code. The same rule as `changedFilePatterns` in .changeset/config.json.
 */
export function isUserFacing(path: string): boolean {
  const match = /^packages\/[^/]+\/(.+)$/.exec(path);
  if (!match) return false;
  const inside = match[1]!;
  if (/\.test\.ts$/.test(inside) || inside.startsWith('src/test-support/')) return false;
  return inside.startsWith('src/') || inside.startsWith('bin/') || inside === 'package.json';
}

/** The packages a changeset names in its front matter (`"@fenqi/core": minor`). */
export function packagesNamedBy(changeset: string): string[] {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(changeset.replaceAll('\r\n', '\n'))?.[1] ?? '';
  return [...frontMatter.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(patch|minor|major)\s*$/gm)].map((line) => line[1]!);
}

/**
 * Packages (by name) with user-facing changes that no changeset names.
 * `changedFiles` are repository paths; `packageNames` maps a packages/ folder to its npm name.
 */
export function packagesMissingAChangeset(changedFiles: readonly string[], changesets: readonly string[], packageNames: ReadonlyMap<string, string>): string[] {
  const named = new Set(changesets.flatMap(packagesNamedBy));
  const changed = new Set(changedFiles.filter(isUserFacing).map((path) => packageNames.get(path.split('/')[1]!)).filter((name) => name !== undefined));
  return [...changed].filter((name) => !named.has(name)).sort();
}

/**
 * The check against the repository at `root`: its git history, working tree and .changeset/.
 * `since` says from where changes were looked at: a commit, or the release in the working tree.
 */
export function checkChangesets(root: string): { since: string; missing: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  if (git('diff', '--name-only', 'HEAD', '--', 'packages/*/CHANGELOG.md') !== '') return { since: 'the release in the working tree', missing: [] };
  const since = git('log', '-1', '--format=%H', '--', 'packages/*/CHANGELOG.md');
  if (since === '') throw new Error('No commit has written a packages/*/CHANGELOG.md: the history is missing (a shallow clone?).');
  const changedFiles = [...git('diff', '--name-only', since).split('\n'), ...git('ls-files', '--others', '--exclude-standard', 'packages').split('\n')].filter(Boolean);
  const folder = join(root, '.changeset');
  const changesets = readdirSync(folder)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => readFileSync(join(folder, file), 'utf8'));
  const packageNames = new Map(
    readdirSync(join(root, 'packages')).map((dir) => [dir, (JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { name: string }).name]),
  );
  return { since, missing: packagesMissingAChangeset(changedFiles, changesets, packageNames) };
}
