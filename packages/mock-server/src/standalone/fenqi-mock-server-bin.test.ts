import { expect } from 'chai';
import type * as ChildProcesses from 'node:child_process';
import type { AddressInfo } from 'node:net';

// The command runs the built package (`npm test` builds first); Node only.
const isNode = typeof globalThis.process?.versions?.node === 'string';

interface Run {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe('fenqi-mock-server (the command, built package, Node only)', function () {
  let bin: string;
  let spawn: typeof ChildProcesses.spawn;

  before(async function () {
    if (!isNode) return this.skip();
    const { existsSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    ({ spawn } = await import('node:child_process'));
    bin = fileURLToPath(new URL('../../bin/fenqi-mock-server.js', import.meta.url));
    const dist = new URL('../../dist/standalone.js', import.meta.url);
    if (!existsSync(dist)) throw new Error(`${fileURLToPath(dist)} is missing: run \`npm run build\` first (npm test does).`);
  });

  /** Runs the command to its end. */
  function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }

  /** Starts the command, waits for its "listening" line and returns its URL and a way to stop it. */
  function serve(args: string[]) {
    const child = spawn(process.execPath, [bin, ...args]);
    let stdout = '';
    const exited = new Promise<Run>((resolve) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      void exited.then((result) => reject(new Error(`exited early: ${result.stderr}`)));
    });
    return { child, url, exited, output: () => stdout };
  }

  it('serves the bank, logs each request, and exits 0 on SIGTERM', async () => {
    const server = serve(['--port', '0', '--frozen-clock', '--start', '2026-12-03T10:00:00Z', '--seed', '7']);
    const url = await server.url;
    const clock = (await (await fetch(`${url}/__admin/clock`)).json()) as unknown;
    expect(clock).to.deep.equal({ now: '2026-12-03T10:00:00.000Z', frozen: true });
    const products = await fetch(`${url}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: 'Bearer pk_test_51HxCommand' } });
    expect(products.status).to.equal(200);
    await products.arrayBuffer();
    server.child.kill('SIGTERM');
    const result = await server.exited;
    expect(result).to.include({ code: 0, signal: null });
    expect(result.stdout).to.match(/GET\s+\/v1\/products\?merchant=shop-1\S*\s+200 .* req_00000001/);
  });

  it('exits 0 on SIGINT with a hanging request open', async () => {
    const server = serve(['--port', '0', '--quiet']);
    const url = await server.url;
    const hanging = fetch(`${url}/v1/products?merchant=shop-1&scenario=retail&currency=CNY`, { headers: { authorization: 'Bearer pk_test_51HxCommand', 'fenqi-mock-fault': 'hang' } }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGINT');
    expect(await server.exited).to.include({ code: 0, signal: null });
    expect(await hanging).to.be.instanceOf(Error);
    expect(server.output()).not.to.match(/GET /);
  });

  it('says in one line that a port is busy, and exits 1', async () => {
    const net = await import('node:net');
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await run(['--port', String(port)]);
      expect(result.code).to.equal(1);
      expect(result.stderr.trim().split('\n')).to.deep.equal([`fenqi-mock-server: port ${port} on 127.0.0.1 is already in use; stop the other server or pick another with --port`]);
      // PORT is the fallback when --port is not given.
      expect((await run([], { PORT: String(port) })).code).to.equal(1);
    } finally {
      blocker.close();
    }
  });

  it('prints help, and refuses bad options with exit code 2', async () => {
    const help = await run(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.match(/^Usage: fenqi-mock-server/);
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['--seed', '1.5'], ['--start', 'yesterday'], ['--webhook-url', 'not a url'], ['--webhook-secret', 'secret'], ['extra']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).to.equal(2);
      expect(result.stderr).to.match(/^fenqi-mock-server: .+ \(see --help\)\n$/);
    }
  });
});
