#!/usr/bin/env node
// `npm start`: the demo partner sites against the mock bank, each part its own process as it
// would be in production — the standalone mock bank (fenqi-mock-server), the partner server with
// its three sites, and a plain static server for the front-end-only shop whose bank runs in the
// browser. Prints the URLs; Ctrl-C stops every process. Ports: MOCK_BANK_PORT (4010),
// PARTNER_PORT (3000), STATIC_PORT (8080); HOST (127.0.0.1).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Starts the processes and resolves once each is listening. `ports` of 0 pick free ones
 * (the tests do). Rejects with a one-line message (a busy port, a missing build) after stopping
 * whatever had started.
 *
 * @param {import('./start.d.mts').DemoOptions} [options]
 * @returns {Promise<import('./start.d.mts').Demo>}
 */
export async function startDemo(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line) => console.log(line));
  const ports = {
    bank: await portOrFree(options.ports?.bank ?? 4010, host),
    partner: await portOrFree(options.ports?.partner ?? 3000, host),
    static: await portOrFree(options.ports?.static ?? 8080, host),
  };
  const urls = { bank: `http://${host}:${ports.bank}`, partner: `http://${host}:${ports.partner}`, static: `http://${host}:${ports.static}` };
  const children = [];
  const stop = () => Promise.all(children.map((child) => child.stop())).then(() => undefined);
  try {
    children.push(
      await launch('bank', [here('../packages/mock-server/bin/fenqi-mock-server.js'), '--port', String(ports.bank), '--host', host, '--webhook-url', `${urls.partner}/webhooks/fenqi`, ...(options.quietBank ? ['--quiet'] : [])], {}, /listening on (http\S+)/, log),
    );
    children.push(
      await launch('partner', [here('./partner-server/server.mjs')], { PORT: String(ports.partner), HOST: host, FENQI_API_BASE: urls.bank }, /partner server on (http\S+)/, log),
    );
    children.push(await launch('static', [here('./static/serve.mjs')], { PORT: String(ports.static), HOST: host }, /static shop on (http\S+)/, log));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

/** A port to use: the one asked for, or (for 0) one the system says is free right now. */
async function portOrFree(port, host) {
  if (port !== 0) return port;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

/** Runs one part on this Node and resolves when its output says it listens; its lines are prefixed with its name. */
function launch(name, args, env, ready, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let listening = false;
    const errors = [];
    const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
    const part = {
      name,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      },
    };
    const lines = (stream, onLine) => {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const parts = buffered.split('\n');
        buffered = parts.pop();
        for (const line of parts) onLine(line);
      });
    };
    lines(child.stdout, (line) => {
      log(`[${name}] ${line}`);
      if (!listening && ready.test(line)) {
        listening = true;
        resolve(part);
      }
    });
    lines(child.stderr, (line) => {
      errors.push(line);
      log(`[${name}] ${line}`);
    });
    void exited.then(({ code, signal }) => {
      if (!listening) reject(new Error(`${name} did not start (exit ${code ?? signal}): ${errors.join(' ').trim() || 'no message'}`));
      else if (code !== 0 && signal === null) log(`[${name}] stopped with exit code ${code}`);
    });
  });
}

/** Reads a port from the environment, or fails with a clear line. */
function envPort(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    console.error(`${name} must be a port number from 1 to 65535, not "${text}".`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const parent = process.ppid; // read first: the watcher below compares with it
  let demo;
  try {
    demo = await startDemo({ ports: { bank: envPort('MOCK_BANK_PORT', 4010), partner: envPort('PARTNER_PORT', 3000), static: envPort('STATIC_PORT', 8080) }, host: process.env.HOST || '127.0.0.1' });
  } catch (error) {
    const busy = /already in use|EADDRINUSE/.test(error.message);
    const variable = error.message.startsWith('bank') ? 'MOCK_BANK_PORT=4011' : error.message.startsWith('static') ? 'STATIC_PORT=8081' : 'PARTNER_PORT=3001';
    console.error(`\nnpm start: ${error.message}${busy ? `\nChoose a free port, e.g. ${variable} npm start.` : ''}`);
    process.exit(1);
  }
  const { urls } = demo;
  console.log(`
Fenqi demo is running.
  星河数码 (shop, CNY, zh-CN)                ${urls.partner}/shop/
  Wayfarer Holidays (travel, EUR, en-GB)     ${urls.partner}/travel/
  Northwind Coding School (education, USD)  ${urls.partner}/education/
  Static shop, bank in the browser           ${urls.static}/
  Mock bank API                              ${urls.bank}  (state: ${urls.bank}/__admin/state)
Apply with an email like you+approve@example.com; every test persona is in docs/mock-server.md.
Ctrl-C stops everything.
`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second Ctrl-C: now
    stopping = true;
    console.log('\nStopping…');
    void demo.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
  // npm runs this under `sh -c`. When that parent goes away without passing a signal on (npm
  // itself stopped with SIGTERM, an IDE's stop button), stop too rather than leave both servers
  // holding their ports.
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}
