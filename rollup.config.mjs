// Library build: each public entry of packages/<pkg> (src/<entry>.ts) -> dist/<entry>.js (ESM) + .d.ts.
// Each package compiles with its own packages/<pkg>/tsconfig.build.json (no tests).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
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
// lazy chunk beside it, and an IIFE with everything in one file. Prints each file's
// size and its Subresource Integrity hash for the <script integrity="…"> snippet in docs/widget.md.
function cdn() {
  const dir = 'packages/widget/cdn';
  const report = {
    name: 'sri-report',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const integrity = `sha384-${createHash('sha384').update(file.code).digest('base64')}`;
        const gzip = (gzipSync(file.code, { level: 9 }).length / 1024).toFixed(1);
        console.log(`${dir}/${file.fileName}  ${(file.code.length / 1024).toFixed(1)} KB, ${gzip} KB gzip  integrity="${integrity}"`);
      }
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
      report,
    ],
    output: [
      // ESM: <fenqi-checkout> is its own chunk, fetched only when a shopper applies.
      { dir, entryFileNames: 'fenqi-widget.js', chunkFileNames: 'fenqi-[name]-[hash].js', format: 'es' },
      // A classic <script> cannot import chunks, so the IIFE carries the checkout inside.
      { file: `${dir}/fenqi-widget.iife.js`, format: 'iife', name: 'FenqiWidget', inlineDynamicImports: true },
    ],
  };
}

export default [...PACKAGES.map(config), cdn()];
