// Every public entry of every package imports in plain Node (as in server-side rendering, or a
// partner's server) from the built packages: no error, no DOM needed, and nothing of ours left on
// globalThis. Each import runs in its own Node process, so one entry cannot hide another's effects.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { packageEntries } from './public-entries.js';

const run = promisify(execFile);

/**
 * Globals our dependencies own: zod's registry, Lit's server-side shims (lit's Node build brings
 * a customElements that SSR renders with), msw's interceptor registry, and Node's fetch
 * (undici) starting up. Anything else is ours, and a bug.
 */
const THEIRS = /^(__zod_|__MSW_|lit|reactiveElementVersions$|customElements$|Symbol\(undici\.)/;

// Printed by the child: what the import added to globalThis, or the error it threw.
const PROBE = `
const before = new Set(Reflect.ownKeys(globalThis));
try {
  await import(process.argv[1]);
  const added = Reflect.ownKeys(globalThis).filter((key) => !before.has(key)).map(String);
  console.log(JSON.stringify({ added }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error) }));
}
`;

describe('every public entry imports in plain Node, with no DOM and no globals left behind', function () {
  this.timeout(30_000);
  // Code entries only: the widget's ./cdn/* files are for a page's script tags (cdn-bundles.test.ts).
  for (const { specifier } of packageEntries()) {
    it(specifier, async () => {
      // No @fenqi/source condition: the built files, as installed from npm.
      const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', PROBE, specifier], { cwd: new URL('..', import.meta.url).pathname, env: { ...process.env, NODE_OPTIONS: '' } });
      const result = JSON.parse(stdout.trim()) as { added?: string[]; error?: string };
      expect({ ...result, added: result.added?.filter((key) => !THEIRS.test(key)) }).to.deep.equal({ added: [] });
    });
  }
});
