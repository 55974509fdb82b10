// `npm run release:dry`: what the next release would publish, without touching this checkout or
// the registry. In a temporary copy of the workspace it applies the pending changesets
// (`changeset version`), carries the new versions into FENQI_VERSION, builds, and packs every
// package the way `changeset publish --from-pack-dir` would publish it; then it prints the
// versions, the changelog entries, each tarball's contents and the CDN files with their SRI hashes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { readVersions, syncVersions } from './versions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');

/** Runs a tool of this repository in `cwd`, its output shown; throws when it fails. */
function run(cwd: string, tool: string, ...args: string[]): void {
  execFileSync(join(BIN, tool), args, { cwd, stdio: 'inherit', env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
}

/** The files a release is made of, copied; node_modules linked, with @fenqi/* pointing into the copy. */
function copyWorkspace(into: string): void {
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'rollup.config.mjs', '.changeset']) cpSync(join(ROOT, file), join(into, file), { recursive: true });
  cpSync(join(ROOT, 'packages'), join(into, 'packages'), {
    recursive: true,
    filter: (source) => !/\/packages\/[^/]+\/(node_modules|dist|cdn)(\/|$)/.test(source),
  });
  mkdirSync(join(into, 'node_modules', '@fenqi'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '@fenqi') symlinkSync(join(ROOT, 'node_modules', entry), join(into, 'node_modules', entry));
  }
  for (const pkg of readVersions(into)) symlinkSync(join(into, 'packages', pkg.folder), join(into, 'node_modules', pkg.name));
}

/** The part of a changelog a release adds: everything above the previous version's heading. */
function newEntry(before: string, after: string): string {
  const previous = before.search(/^#{1,6}\s+\d+\.\d+/m);
  const added = previous === -1 ? after : after.slice(0, after.length - (before.length - previous));
  return added.replace(/^# .*\n/, '').trim();
}

const work = mkdtempSync(join(tmpdir(), 'fenqi-release-dry-'));
try {
  copyWorkspace(work);
  const before = readVersions(work);
  const changelogs = new Map(before.map((pkg) => [pkg.folder, readFileSync(join(work, 'packages', pkg.folder, 'CHANGELOG.md'), 'utf8')]));

  console.log('\n## Pending changesets\n');
  const pending = readdirSync(join(work, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
  for (const file of pending) {
    const bumps = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(work, '.changeset', file), 'utf8'))?.[1] ?? '';
    console.log(`.changeset/${file}: ${bumps.split('\n').map((line) => line.trim()).join(', ') || '(empty)'}`);
  }
  // `changeset version` exits 1 when it has nothing to do; a dry run then shows the current packages.
  if (pending.length === 0) console.log('None: the versions stay as they are.');
  else run(work, 'changeset', 'version');
  syncVersions(work);
  const after = readVersions(work);

  console.log('\n## Build\n');
  run(work, 'rollup', '-c', '--silent');
  execFileSync(join(BIN, 'custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { cwd: join(work, 'packages', 'widget'), stdio: 'inherit' });

  console.log('\n## Pack\n');
  const packs = join(work, 'release');
  mkdirSync(packs);
  const tarballs = after.map((pkg) => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packs], { cwd: join(work, 'packages', pkg.folder), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as {
      filename: string;
      size: number;
      unpackedSize: number;
      files: { path: string; size: number }[];
    }[];
    return { pkg, packed: packed! };
  });

  console.log('\n## What would be published\n');
  for (const { pkg, packed } of tarballs) {
    const old = before.find((candidate) => candidate.folder === pkg.folder)!;
    console.log(`### ${pkg.name} ${old.manifest} → ${pkg.manifest}  (FENQI_VERSION ${pkg.code})\n`);
    console.log(`${newEntry(changelogs.get(pkg.folder)!, readFileSync(join(work, 'packages', pkg.folder, 'CHANGELOG.md'), 'utf8')) || '(no changelog entry)'}\n`);
    console.log(`${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
    const folders = new Map<string, { files: number; bytes: number }>();
    for (const file of packed.files) {
      const folder = file.path.includes('/') ? `${file.path.split('/')[0]}/` : file.path;
      const total = folders.get(folder) ?? { files: 0, bytes: 0 };
      folders.set(folder, { files: total.files + 1, bytes: total.bytes + file.size });
    }
    for (const [folder, { files, bytes }] of folders) console.log(`  ${folder.padEnd(24)} ${String(files).padStart(4)} files ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
    console.log('');
  }

  const cdn = join(work, 'packages', 'widget', 'cdn', 'manifest.json');
  if (existsSync(cdn)) {
    const { files } = JSON.parse(readFileSync(cdn, 'utf8')) as { files: Record<string, { file: string; integrity: string }> };
    console.log('### CDN files (cdn/manifest.json)\n');
    for (const [role, { file, integrity }] of Object.entries(files)) console.log(`  ${role.padEnd(9)} ${file.padEnd(36)} ${integrity}`);
  }
  console.log(`\nNothing was published and this checkout is unchanged. The copy is in ${work} until this command ends.`);
  console.log('To release: CONTRIBUTING.md, "Cut a release".');
} finally {
  if (!process.env.FENQI_KEEP_RELEASE_DRY) rmSync(work, { recursive: true, force: true });
}
