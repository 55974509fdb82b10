#!/usr/bin/env node
// fenqi-mock-server: the Fenqi mock bank as a standalone HTTP server. Plain JavaScript on the
// built package, so `npx fenqi-mock-server` needs no TypeScript tooling.
import { parseArgs } from 'node:util';

const HELP = `Usage: fenqi-mock-server [options]

The Fenqi mock bank over HTTP: the whole API contract, personas, faults, idempotency and
signed webhooks, with CORS for browser pages and an admin API under /__admin.

Options:
  -p, --port <port>          port to listen on; 0 picks a free one (default: $PORT or 4010)
      --host <host>          interface to listen on (default: 127.0.0.1; 0.0.0.0 opens it to the network)
      --seed <n>             seed of ids and probabilistic faults (default: 1)
      --webhook-url <url>    deliver signed webhooks to this endpoint
      --webhook-secret <s>   signing secret, whsec_ + base64 (default: the documented mock secret)
      --frozen-clock         time stands still until POST /__admin/clock advances it
      --start <iso>          the bank's time at start, e.g. 2026-12-03T10:00:00Z (default: now)
      --check-responses      check every answer against the contract (a mock bug becomes a 500);
                             slower, and the SDK checks what it receives anyway
  -q, --quiet                no request log
  -h, --help                 show this help

Admin API (JSON): POST /__admin/reset · GET|POST|DELETE /__admin/faults · GET|POST /__admin/clock
                  GET /__admin/state · GET /__admin/requests · GET /__admin/webhooks

Exit status: 0 after SIGINT/SIGTERM, 1 when the server cannot start, 2 for bad options.`;

/** Prints a one-line error (and how to get help) and exits. */
function fail(message, code = 2) {
  console.error(`fenqi-mock-server: ${message}${code === 2 ? ' (see --help)' : ''}`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'frozen-clock': { type: 'boolean', default: false },
      start: { type: 'string' },
      'check-responses': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error.message);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? '4010';
const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
if (!(port >= 0 && port <= 65_535)) fail(`the port must be a number from 0 to 65535, not "${portText}"`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}"`);
if (values.start !== undefined && Number.isNaN(Date.parse(values.start))) fail(`--start must be an ISO date-time such as 2026-12-03T10:00:00Z, not "${values.start}"`);
if (values['webhook-url'] !== undefined && !URL.canParse(values['webhook-url'])) fail(`--webhook-url must be an absolute URL, not "${values['webhook-url']}"`);
if (values['webhook-secret'] !== undefined && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(values['webhook-secret'])) fail('--webhook-secret must be whsec_ followed by base64');

const webhooks = {
  ...(values['webhook-url'] === undefined ? {} : { url: values['webhook-url'] }),
  ...(values['webhook-secret'] === undefined ? {} : { secret: values['webhook-secret'] }),
};
const clock = {
  ...(values['frozen-clock'] ? { frozen: true } : {}),
  ...(values.start === undefined ? {} : { start: values.start }),
};

// Loaded only now, so --help and a typo answer at once.
const { startMockBankServer } = await import('../dist/standalone.js');
let server;
try {
  server = await startMockBankServer({
    port,
    host: values.host,
    ...(seed === undefined ? {} : { seed }),
    ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
    ...(Object.keys(clock).length > 0 ? { clock } : {}),
    checkResponses: values['check-responses'],
    log: values.quiet ? false : (line) => console.log(line),
  });
} catch (error) {
  if (error?.code === 'EADDRINUSE') fail(`port ${port} on ${values.host} is already in use; stop the other server or pick another with --port`, 1);
  if (error?.code === 'EADDRNOTAVAIL' || error?.code === 'ENOTFOUND') fail(`cannot listen on host ${values.host} (${error.code})`, 1);
  if (error?.code === 'EACCES') fail(`no permission to listen on port ${port} (ports below 1024 need privileges)`, 1);
  fail(error instanceof Error ? error.message : String(error), 1);
}

console.log(`fenqi-mock-server listening on ${server.url}  (admin: ${server.url}/__admin, clock ${server.bank.clock.frozen ? 'frozen' : 'running'} at ${server.bank.clock.iso()})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // A second Ctrl+C while connections drain means "now".
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error('fenqi-mock-server: shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
