// The package shape, checked on what npm would publish: each package is packed (`npm pack`, as
// `changeset publish` does), its tarball linted by publint and @arethetypeswrong, and the four
// tarballs installed into a fresh project outside this repository, where a partner's code in
// consumer/ imports every public entry in Node, type-checks under NodeNext and bundler resolution,
// and runs in Chromium from a bundle that esbuild resolves through the published exports maps.
// Runs on the build: `npm test` builds before `npm run test:node`.
import { execFile } from 'node:child_process';
import type { ExecFileException } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, extname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import type { Problem } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { expect } from 'chai';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONSUMER = fileURLToPath(new URL('./consumer/', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Manifest {
  name: string;
  version: string;
  files: string[];
  exports: Record<string, unknown>;
}

/** The four packages, read now so each gets its own tests. */
const PACKAGES = readdirSync(join(ROOT, 'packages'))
  .filter((folder) => existsSync(join(ROOT, 'packages', folder, 'package.json')))
  .map((folder) => ({
    folder,
    manifest: JSON.parse(readFileSync(join(ROOT, 'packages', folder, 'package.json'), 'utf8')) as Manifest,
  }));

/**
 * Entries that stand on Node's own modules (msw's Node interceptors, node:http): every other code
 * entry must load in a page, so consumer/browser.mjs imports it.
 */
const NODE_ONLY = ['@fenqi/mock-server/node', '@fenqi/mock-server/standalone'];

/** The resolutions that apply to ESM-only packages, as `attw --profile esm-only` judges them. */
const IGNORED_RESOLUTIONS = [
  // A CommonJS `require` of an ESM-only package: node10 finds no `exports` map at all, and
  // node16-cjs reports CJSResolvesToESM for every entry. Both are what ESM-only means.
  'node10',
  'node16-cjs',
];

// Third-party dependencies (lit, zod, ky, msw) come from npm's cache when it has them.
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** The widget's tags, as its custom-elements.json (generated from the components) lists them. */
function widgetTags(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', 'widget', 'custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
  return manifest.modules.flatMap((module) => (module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []))).sort();
}

/** `@fenqi/x/sub` for a subpath of the exports map. */
function specifier(name: string, subpath: string): string {
  return `${name}${subpath.slice(1)}`;
}

/**
 * Runs a command with this Node first on the PATH and none of the test's Node options (no
 * @fenqi/source condition, no tsx); resolves with its output, or rejects saying what failed.
 */
function run(command: string, args: readonly string[], cwd: string, name = [command, ...args].join(' ')): Promise<string> {
  const env = { ...process.env, NODE_OPTIONS: '', PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error: ExecFileException | null, stdout: string, stderr: string) => {
      if (error) reject(new Error(`${name} failed (exit ${error.code}) in ${cwd}:\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A tsc run's diagnostics (empty when it passes); never rejects, so it can start before its test. */
function typeCheck(project: string, tsconfig: string): Promise<string> {
  return run(process.execPath, [TSC, '-p', tsconfig, '--pretty', 'false'], project, `tsc -p ${tsconfig}`).then(
    (output) => output.trim(),
    (error: Error) => error.message,
  );
}

/** publint's errors and warnings (suggestions pass), one readable line each. */
async function publintProblems(tarball: string): Promise<string[]> {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer }, level: 'warning' });
  return messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? message.path.join('.')}`);
}

/** @arethetypeswrong's problems under the resolutions that apply, one readable line each. */
async function attwProblems(tarball: string): Promise<string[]> {
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
  if (analysis.types === false) return ['the package has no type declarations'];
  const applies = (problem: Problem) => !('resolutionKind' in problem) || !IGNORED_RESOLUTIONS.includes(problem.resolutionKind);
  return analysis.problems.filter(applies).map((problem) => {
    const { kind, ...where } = problem;
    return `${kind} ${JSON.stringify(where, (key, value: unknown) => (key === 'trace' ? undefined : value))}: ${problemKindInfo[kind].description}`;
  });
}

describe('the packed packages, as a partner installs them (publint, arethetypeswrong, Node, tsc, Chromium)', function () {
  this.timeout(120_000);
  let work: string;
  const tarballs = new Map<string, { file: string; version: string }>();

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'fenqi-package-shape-'));
    for (const { folder, manifest } of PACKAGES) {
      const missing = manifest.files.filter((file) => !existsSync(join(ROOT, 'packages', folder, file)));
      if (missing.length > 0) throw new Error(`${manifest.name}: ${missing.map((file) => `packages/${folder}/${file}`).join(', ')} missing, though "files" publishes it: run \`npm run build\` first (\`npm test\` does).`);
    }
    const packs = join(work, 'tarballs');
    mkdirSync(packs);
    const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', packs, ...PACKAGES.flatMap(({ folder }) => ['--workspace', `packages/${folder}`])], ROOT)) as { name: string; version: string; filename: string }[];
    for (const { name, version, filename } of packed) tarballs.set(name, { file: join(packs, filename), version });
  });

  after(() => {
    // FENQI_KEEP_PACKAGE_SHAPE=1 keeps the tarballs and the partner project to look into.
    if (process.env.FENQI_KEEP_PACKAGE_SHAPE) console.log(`      (kept ${work})`);
    else rmSync(work, { recursive: true, force: true });
  });

  for (const { manifest } of PACKAGES) {
    it(`${manifest.name}: publint finds no error and no warning in the tarball`, async () => {
      expect(await publintProblems(tarballs.get(manifest.name)!.file), `publint on ${manifest.name}`).to.deep.equal([]);
    });

    it(`${manifest.name}: arethetypeswrong finds no problem under node16 (ESM) and bundler resolution`, async () => {
      expect(await attwProblems(tarballs.get(manifest.name)!.file), `arethetypeswrong on ${manifest.name}`).to.deep.equal([]);
    });
  }

  describe('installed into a fresh project', () => {
    let project: string;
    const typeChecks = new Map<string, Promise<string>>();

    before(async () => {
      project = join(work, 'partner');
      cpSync(CONSUMER, project, { recursive: true });
      writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'fenqi-partner', private: true, type: 'module' }, null, 2)}\n`);
      await run('npm', ['install', ...NPM_FLAGS, ...[...tarballs.values()].map(({ file }) => file)], project);
      // Both compilations start now and run beside the Node and Chromium tests (a few seconds each).
      const strict = { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', lib: ['dom', 'es2022'] };
      for (const [mode, options] of [['NodeNext', { module: 'nodenext', moduleResolution: 'nodenext' }], ['bundler', { module: 'esnext', moduleResolution: 'bundler' }]] as const) {
        const tsconfig = `tsconfig.${mode.toLowerCase()}.json`;
        writeFileSync(join(project, tsconfig), JSON.stringify({ compilerOptions: { ...strict, ...options }, files: ['consumer.ts'] }, null, 2));
        typeChecks.set(mode, typeCheck(project, tsconfig));
      }
    });

    after(async () => {
      await Promise.all(typeChecks.values());
    });

    it('Node imports every public entry, and the packages work together: the local plan equals the bank’s quote', async () => {
      const names = PACKAGES.map(({ manifest }) => manifest.name);
      const result = JSON.parse(await run(process.execPath, ['node.mjs', JSON.stringify(names)], project)) as {
        imported: string[];
        resolved: string[];
        failed: string[];
        dom: string;
        versions: Record<string, string>;
        core: { firstPayment: string; disclosedPercent: string };
        sdk: { plans: number; localPayment: string; quotedPayment?: string; bankSaw: string[] };
        node: { rateCards: number };
        openapi: string;
      };
      expect(result.failed, 'entries that failed in Node').to.deep.equal([]);
      for (const { manifest } of PACKAGES) {
        const subpaths = Object.keys(manifest.exports);
        const plain = subpaths.filter((subpath) => !subpath.includes('*')).map((subpath) => specifier(manifest.name, subpath));
        expect(plain.filter((entry) => !result.imported.includes(entry)), `${manifest.name}: entries Node did not import`).to.deep.equal([]);
        for (const pattern of subpaths.filter((subpath) => subpath.includes('*'))) {
          const prefix = specifier(manifest.name, pattern.split('*')[0]!);
          expect([...result.imported, ...result.resolved].filter((entry) => entry.startsWith(prefix)).length, `${manifest.name}: files behind "${pattern}"`).to.be.greaterThan(0);
        }
      }
      // The CDN build's loader snippet names its files from cdn/manifest.json.
      const cdn = JSON.parse(await readFile(join(project, 'node_modules', '@fenqi', 'widget', 'cdn', 'manifest.json'), 'utf8')) as { files: Record<string, { file: string }> };
      const cdnFiles = Object.values(cdn.files).map(({ file }) => `@fenqi/widget/cdn/${file}`);
      expect(cdnFiles.filter((file) => !result.resolved.includes(file)), '@fenqi/widget: files cdn/manifest.json names that do not resolve').to.deep.equal([]);
      expect(result.dom, 'a DOM in Node').to.equal('undefined');
      expect(result.versions, 'FENQI_VERSION of each package in Node').to.deep.equal(Object.fromEntries([...tarballs].map(([name, { version }]) => [name, version])));
      expect(result.core, '@fenqi/core: the example of its README').to.deep.equal({ firstPayment: '¥446.26', disclosedPercent: '12.90' });
      expect(result.sdk.plans, '@fenqi/sdk: plans the mock bank quoted').to.be.greaterThan(0);
      expect(result.sdk.localPayment, '@fenqi/sdk offersFor: first payment computed locally, against the bank’s quote').to.equal(result.sdk.quotedPayment);
      expect(result.sdk.bankSaw).to.deep.equal(['listProducts', 'createQuote']);
      expect(result.node.rateCards, '@fenqi/mock-server/node: rate cards through the global fetch').to.be.greaterThan(0);
      expect(result.openapi, '@fenqi/sdk/openapi').to.match(/^3\.1\./);
      // The command its README gives (`npx fenqi-mock-server`), through the link npm made.
      const help = await run(join(project, 'node_modules', '.bin', 'fenqi-mock-server'), ['--help'], project, '@fenqi/mock-server: fenqi-mock-server --help');
      expect(help, '@fenqi/mock-server: fenqi-mock-server --help').to.match(/^Usage: fenqi-mock-server/);
    });

    for (const mode of ['NodeNext', 'bundler']) {
      it(`tsc type-checks consumer.ts against the installed packages (strict, skipLibCheck false, moduleResolution ${mode})`, async () => {
        expect(await typeChecks.get(mode), `tsc, moduleResolution ${mode}`).to.equal('');
      });
    }

    it('Chromium runs a page bundled from the installed packages: every browser entry loads, each element registers once, the offer shows the bank’s price', async () => {
      const page = join(project, 'page');
      const bundle = await build({ absWorkingDir: project, entryPoints: ['browser.mjs'], outdir: page, bundle: true, splitting: true, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent' });
      const imported = bundle.metafile.inputs['browser.mjs']!.imports.map((entry) => entry.original).filter((entry) => entry?.startsWith('@fenqi/'));
      const browserEntries = PACKAGES.flatMap(({ manifest }) => Object.keys(manifest.exports).filter((subpath) => !subpath.includes('*') && !subpath.endsWith('.json')).map((subpath) => specifier(manifest.name, subpath))).filter((entry) => !NODE_ONLY.includes(entry));
      expect(browserEntries.filter((entry) => !imported.includes(entry)), 'entries consumer/browser.mjs does not import (import them there, or list them in NODE_ONLY)').to.deep.equal([]);
      writeFileSync(join(page, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>A partner page</title><link rel="icon" href="data:,"></head><body><script type="module" src="./browser.js"></script></body></html>\n');

      const server: Server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        readFile(join(page, path === '/' ? 'index.html' : path)).then(
          (body) => response.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body),
          () => response.writeHead(404).end(),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      try {
        const tab = await browser.newPage();
        const problems: string[] = [];
        tab.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
        });
        tab.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
        await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        await tab.waitForFunction(() => 'fenqiConsumer' in window, undefined, { timeout: 10_000 }).catch(() => undefined);
        const outcome = await tab.evaluate(() => (window as unknown as { fenqiConsumer?: Promise<unknown> }).fenqiConsumer);
        expect(problems, 'errors on the page').to.deep.equal([]);
        expect(outcome, 'window.fenqiConsumer (consumer/browser.mjs never finished)').to.have.property('result');
        const { result } = outcome as { result: { versions: Record<string, string>; elements: Record<string, boolean>; offer: { payment: string; quotedPayment?: string; shown: boolean }; functions: Record<string, string>; openapi: string } };
        expect(result.versions, 'FENQI_VERSION of each package in the page').to.deep.equal(Object.fromEntries([...tarballs].map(([name, { version }]) => [name, version])));
        const tags = widgetTags();
        expect(tags).to.include.members(['fenqi-offer', 'fenqi-checkout']);
        expect(result.elements, '@fenqi/widget: each tag of custom-elements.json registered by the class its entries export (a new element goes into consumer/browser.mjs)').to.deep.equal(
          Object.fromEntries(tags.map((tag) => [tag, true])),
        );
        expect(result.offer.payment, '@fenqi/widget <fenqi-offer>: the first payment it shows, against the bank’s quote').to.equal(result.offer.quotedPayment);
        expect(result.offer.shown, '@fenqi/widget <fenqi-offer>: the formatted payment in its shadow root').to.equal(true);
        expect(result.functions, '@fenqi/sdk/server, @fenqi/mock-server/browser').to.deep.equal({ createServerClient: 'function', startMockWorker: 'function' });
        expect(result.openapi, '@fenqi/sdk/openapi in the page').to.match(/^3\.1\./);
      } finally {
        await browser.close();
        server.close();
      }
    });
  });
});
