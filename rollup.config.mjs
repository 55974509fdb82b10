// Library build: each public entry of packages/<pkg> (src/<entry>.ts) -> dist/<entry>.js (ESM) + .d.ts.
// Each package compiles with its own packages/<pkg>/tsconfig.build.json (no tests).
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
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
    output: { dir: `${dir}/dist`, format: 'es', sourcemap: true, chunkFileNames: 'shared/[name]-[hash].js' },
    plugins: [
      // Rollup does not clean its output; stale .d.ts files of deleted modules would ship.
      { name: 'clean-dist', buildStart: () => rmSync(`${dir}/dist`, { recursive: true, force: true }) },
      typescript({ tsconfig: `${dir}/tsconfig.build.json` }),
    ],
  };
}

export default PACKAGES.map(config);
