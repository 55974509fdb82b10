// `npm start` as a user runs it: a separate Node process, its URLs, Ctrl-C, a busy port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { expect } from 'chai';

const START = new URL('./start.mjs', import.meta.url).pathname;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Runs start.mjs with these ports; resolves with its output once `until` matches it or it exits. */
function run(env: Record<string, string>, until: RegExp) {
  const child = spawn(process.execPath, [START], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const seen = new Promise<void>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (until.test(output)) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => resolve());
  });
  return { child, exited, seen, output: () => output };
}

describe('examples/start.mjs (npm start)', function () {
  this.timeout(30_000);

  it('prints every site’s URL, serves them, and stops every process on Ctrl-C', async () => {
    const ports = { MOCK_BANK_PORT: String(await freePort()), PARTNER_PORT: String(await freePort()), STATIC_PORT: String(await freePort()) };
    const demo = run(ports, /Ctrl-C stops everything/);
    await demo.seen;
    const partner = `http://127.0.0.1:${ports.PARTNER_PORT}`;
    for (const site of ['shop', 'travel', 'education']) expect(demo.output()).to.include(`${partner}/${site}/`);
    expect((await fetch(`${partner}/shop/`)).status).to.equal(200);
    expect(demo.output()).to.include(`http://127.0.0.1:${ports.STATIC_PORT}/`);
    expect((await fetch(`http://127.0.0.1:${ports.STATIC_PORT}/mockServiceWorker.js`)).status, 'the static shop serves msw’s worker from its root').to.equal(200);
    const home = await fetch(`${partner}/`); // the address the README gives
    expect(home.status).to.equal(200);
    expect(await home.text()).to.include('href="/shop/"');
    expect((await fetch(`http://127.0.0.1:${ports.MOCK_BANK_PORT}/__admin/clock`)).status).to.equal(200);
    demo.child.kill('SIGINT');
    expect(await demo.exited).to.equal(0);
    for (const port of Object.values(ports)) {
      const refused = await fetch(`http://127.0.0.1:${port}/`).then(
        () => false,
        () => true,
      );
      expect(refused, `port ${port} still answers`).to.equal(true);
    }
  });

  it('says which port is busy and how to choose another, and exits 1', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const demo = run({ MOCK_BANK_PORT: String(await freePort()), STATIC_PORT: String(await freePort()), PARTNER_PORT: port }, /$^/);
      expect(await demo.exited).to.equal(1);
      expect(demo.output()).to.match(/npm start: .*(in use|EADDRINUSE)/);
      expect(demo.output()).to.include('Choose a free port, e.g. PARTNER_PORT=3001 npm start.');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('stops every process when its parent goes away without passing a signal on', async () => {
    // As when npm, which runs the script under `sh -c`, is stopped with SIGTERM.
    const ports = { MOCK_BANK_PORT: String(await freePort()), PARTNER_PORT: String(await freePort()), STATIC_PORT: String(await freePort()) };
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${START}"; echo ended`], { env: { ...process.env, ...ports }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve) => shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')).includes('Ctrl-C stops everything') && resolve()));
    expect((await fetch(`http://127.0.0.1:${ports.PARTNER_PORT}/`)).status).to.equal(200);
    shell.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    const answering = () => Promise.all(Object.values(ports).map((port) => fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)));
    while ((await answering()).some(Boolean) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await answering(), 'every port free again').to.deep.equal(Object.values(ports).map(() => false));
  });

  it('refuses a port that is not a number', async () => {
    const demo = run({ PARTNER_PORT: 'eighty' }, /$^/);
    expect(await demo.exited).to.equal(2);
    expect(demo.output()).to.include('PARTNER_PORT must be a port number from 1 to 65535, not "eighty".');
  });
});
