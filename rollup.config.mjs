// Library build: each public entry of packages/<pkg> (src/<entry>.ts) -> dist/<entry>.js (ESM) + .d.ts.
// Each package compiles with its own packages/<pkg>/tsconfig.build.json (no tests).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// Packages to build. Adding one = one entry here (plus its tsconfig.build.json).
// Order matters: a package is built after the packages it depends on.
const PACKAGES = ['core', 'sdk', 'mock-server', 'widget'];

function config(name) {
  const dir = `packages/${name}`;
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  // Ship dependencies as imports rather than inlining them (also 'dep/sub/path').
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const isExternal = (id) =>
    id.startsWith('node:') ||
    builtinModules.includes(id) ||
    deps.some((d) => id === d || id.startsWith(`${d}/`));

  // One input per public entry: the exports map's source paths (./src/server.ts → dist/server.js).
  const input = Object.fromEntries(
    Object.values(pkg.exports)
      .map((target) => target?.['@fenqi/source'])
      .filter(Boolean)
      .map((source) => [source.replace(/^\.\/src\//, '').replace(/\.ts$/, ''), `${dir}/${source.slice(2)}`]),
  );

  return {
    input,
    external: isExternal,
    // One output file per source module: with "sideEffects": false an app's bundler drops whole
    // modules it does not use (the server-only contract, webhooks), which it cannot do inside a
    // shared chunk (zod schemas built with method calls never look side-effect free to it).
    output: { dir: `${dir}/dist`, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `${dir}/src` },
    plugins: [
      // Rollup does not clean its output; stale .d.ts files of deleted modules would ship.
      { name: 'clean-dist', buildStart: () => rmSync(`${dir}/dist`, { recursive: true, force: true }) },
      typescript({ tsconfig: `${dir}/tsconfig.build.json` }),
    ],
  };
}

// CDN build of @fenqi/widget: self-contained, minified files with lit, the SDK and core inside,
// built from the library output above (so it runs after it): an ESM entry with the checkout as a
// lazy chunk beside it, and an IIFE with everything in one file. File names carry the version, so
// a host can cache them forever. cdn/manifest.json records each file with its Subresource
// Integrity hash (the loader snippet in docs/widget.md takes them from there); the build prints them.
function cdn() {
  const dir = 'packages/widget/cdn';
  const { name, version } = JSON.parse(readFileSync('packages/widget/package.json', 'utf8'));
  const files = {};
  const manifest = {
    name: 'cdn-manifest',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        // What a page asks for: the module entry, its lazy checkout chunk, or the classic script.
        const role = options.format === 'iife' ? 'classic' : file.isEntry ? 'module' : file.name;
        files[role] = {
          file: file.fileName,
          integrity: `sha384-${createHash('sha384').update(file.code).digest('base64')}`,
          bytes: Buffer.byteLength(file.code),
          gzipBytes: gzipSync(file.code, { level: 9 }).length,
          ...(file.dynamicImports.length > 0 ? { loads: [...new Set(file.dynamicImports)] } : {}),
        };
        const { bytes, gzipBytes, integrity } = files[role];
        console.log(`${dir}/${file.fileName}  ${(bytes / 1024).toFixed(1)} KB, ${(gzipBytes / 1024).toFixed(1)} KB gzip  integrity="${integrity}"`);
      }
    },
    // Both outputs are written by now; one manifest for the whole build.
    closeBundle() {
      const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(`${dir}/manifest.json`, `${JSON.stringify({ name, version, files: sorted }, null, 2)}\n`);
    },
  };
  return {
    input: 'packages/widget/dist/define.js',
    // The checkout chunk imports lit and the SDK from the entry itself, rather than from a third
    // chunk that would cost the offer-only page an extra request.
    preserveEntrySignatures: 'allow-extension',
    // zod's own circular imports and its comment annotations are not ours to fix.
    onwarn(warning, warn) {
      if (warning.code === 'INVALID_ANNOTATION' || (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules')))) return;
      warn(warning);
    },
    plugins: [
      { name: 'clean-cdn', buildStart: () => rmSync(dir, { recursive: true, force: true }) },
      // Production builds of lit; ky's and zod's browser entries; never the TypeScript sources.
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
      manifest,
    ],
    output: [
      // ESM: <fenqi-checkout> is its own chunk, fetched only when a shopper applies.
      { dir, entryFileNames: `fenqi-widget-${version}.js`, chunkFileNames: `fenqi-[name]-${version}-[hash].js`, format: 'es' },
      // A classic <script> cannot import chunks, so the IIFE carries the checkout inside.
      { file: `${dir}/fenqi-widget-${version}.iife.js`, format: 'iife', name: 'FenqiWidget', inlineDynamicImports: true },
    ],
  };
}

export default [...PACKAGES.map(config), cdn()];
