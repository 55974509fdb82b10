#!/usr/bin/env node
// Bundles the Vue example (Vue 3's runtime, the built Fenqi packages) into vue/dist/. `npm run build` runs it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
await build({
  entryPoints: [here('./app.js')],
  outdir: here('./dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  // Vue's feature flags for a production bundle without the Options API's devtools hooks.
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false', 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
