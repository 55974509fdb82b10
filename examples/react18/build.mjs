#!/usr/bin/env node
// Bundles the React 18 example (JSX, React 18 from this workspace, @lit/react, the built Fenqi packages) into react18/dist/. `npm run build` runs it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
await build({
  entryPoints: [here('./app.jsx')],
  outdir: here('./dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
