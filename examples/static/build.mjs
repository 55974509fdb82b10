#!/usr/bin/env node
// Builds examples/static into plain files (dist/): the page's code bundled with the built Fenqi
// packages and the mock bank (esbuild; the checkout in its own chunk), msw's service worker,
// the shared stylesheet and icon. `npm run build` runs it.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const dist = here('./dist/');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [here('./shop.js')],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
const require = createRequire(import.meta.url);
await copyFile(require.resolve('msw/mockServiceWorker.js'), `${dist}mockServiceWorker.js`);
await copyFile(here('../shared/site.css'), `${dist}site.css`);
await copyFile(here('../shared/favicon.svg'), `${dist}favicon.svg`);
console.log('examples/static/dist built');
