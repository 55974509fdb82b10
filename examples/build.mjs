#!/usr/bin/env node
// Bundles the examples that need a bundler into their dist/ folders, from the built Fenqi
// packages (`npm run build` runs it after rollup): the static shop, with msw's service worker and
// the shared stylesheet so its folder is plain files for any static host, and the React 19,
// React 18 and Vue 3 examples. esbuild, ESM, minified, the checkout in its own chunk.
import { copyFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Each example: its entry, and what its bundle needs defined (React and Vue read these flags). */
const EXAMPLES = [
  { entry: 'static/shop.js' },
  { entry: 'react/app.jsx', define: { 'process.env.NODE_ENV': '"production"' } },
  // Its own npm workspace: esbuild finds React 18 in react18/node_modules, beside the root's React 19.
  { entry: 'react18/app.jsx', define: { 'process.env.NODE_ENV': '"production"' } },
  { entry: 'vue/app.js', define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false', 'process.env.NODE_ENV': '"production"' } },
];

for (const { entry, define = {} } of EXAMPLES) {
  const dist = here(`./${entry.split('/')[0]}/dist/`);
  await rm(dist, { recursive: true, force: true });
  await build({ entryPoints: [here(`./${entry}`)], outdir: dist, bundle: true, splitting: true, format: 'esm', target: 'es2022', jsx: 'automatic', minify: true, define, logLevel: 'warning' });
}

// The static shop serves everything itself: the worker from its root, the page's style and icon.
const staticDist = here('./static/dist/');
await copyFile(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), `${staticDist}mockServiceWorker.js`);
await copyFile(here('./shared/site.css'), `${staticDist}site.css`);
await copyFile(here('./shared/favicon.svg'), `${staticDist}favicon.svg`);
console.log(`examples built: ${EXAMPLES.map(({ entry }) => entry.split('/')[0]).join(', ')}`);
