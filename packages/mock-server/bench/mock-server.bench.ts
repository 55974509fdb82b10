/**
 * `npm run bench` (third part): quote throughput of the standalone mock bank — the built
 * `fenqi-mock-server` — side by side with Stoplight Prism mocking the same committed OpenAPI
 * document (docs/openapi.json, static examples), in the same run. Every server is a child process
 * with its request log off; autocannon loads them from this process, one after the other.
 *
 * Besides requests per second, each server's own CPU time per request is read from /proc (Linux):
 * on a shared 2-core machine other processes move req/s a lot, CPU per request much less.
 * A second row runs our server with `--check-responses`, to show what checking every answer
 * against the contract costs (the standalone server leaves it off by default).
 *
 * Environment: BENCH_SECONDS (default 10) per measurement, BENCH_CONNECTIONS (default 10).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const TARGET_PER_SECOND = 3000;
const TARGET_RATIO = 3;

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const QUOTE = JSON.stringify({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
const HEADERS = { authorization: 'Bearer pk_test_51HxBenchKey', 'content-type': 'application/json', accept: 'application/json' };

/** A port nobody uses right now (Prism has no "any free port" option). */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Starts a server process and resolves once it answers HTTP at `url`. */
async function startChild(name: string, args: string[], url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: root('') });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${stderr}`);
    try {
      await fetch(`${url}/v1/products`, { signal: AbortSignal.timeout(1000) });
      return child;
    } catch {
      if (Date.now() > deadline) throw new Error(`${name} did not start within 60 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** POST /v1/quotes with a valid body and key, as fast as the server answers. */
function load(url: string, seconds: number): Promise<Result> {
  return autocannon({ url: `${url}/v1/quotes`, method: 'POST', headers: HEADERS, body: QUOTE, connections: CONNECTIONS, duration: seconds, timeout: 10 });
}

/** CPU time (user + system) a process has used, in ms; undefined off Linux. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; Linux reports
    // them in USER_HZ ticks, which is 100 per second on every Linux ABI.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Checks one answer by hand, so a bench of 4xx answers cannot pass for a fast server. */
async function checkQuote(name: string, url: string): Promise<void> {
  const response = await fetch(`${url}/v1/quotes`, { method: 'POST', headers: HEADERS, body: QUOTE });
  const body = (await response.json()) as { object?: string; plans?: unknown[] };
  if (response.status !== 201 || !Array.isArray(body.plans)) throw new Error(`${name} did not quote: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  console.log(`${name}: HTTP 201, ${body.plans.length} plan(s), ${JSON.stringify(body).length} bytes per answer`);
}

const SERVERS = [
  { name: 'fenqi-mock-server', args: (port: number) => [fileURLToPath(new URL('../bin/fenqi-mock-server.js', import.meta.url)), '--port', String(port), '--quiet'] },
  { name: '  --check-responses', args: (port: number) => [fileURLToPath(new URL('../bin/fenqi-mock-server.js', import.meta.url)), '--port', String(port), '--quiet', '--check-responses'] },
  { name: 'Prism 5 (static)', args: (port: number) => [root('node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', root('docs/openapi.json'), '--port', String(port), '--verboseLevel', 'error'] },
];

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
console.log(`\n@fenqi/mock-server bench — Node ${process.version}, ${availableParallelism()} cores, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up + ${SECONDS} s each\n`);

interface Row {
  readonly name: string;
  readonly result: Result;
  /** Server CPU per answered request, in µs. */
  readonly cpuMicros: number | undefined;
}
const rows: Row[] = [];
for (const server of SERVERS) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startChild(server.name.trim(), server.args(port), url);
  children.push(child);
  await checkQuote(server.name.trim(), url);
  await load(url, WARM_UP_SECONDS);
  const before = cpuMs(child.pid);
  const result = await load(url, SECONDS);
  const after = cpuMs(child.pid);
  const answered = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + Number(count), 0);
  rows.push({ name: server.name, result, cpuMicros: before === undefined || after === undefined || answered === 0 ? undefined : ((after - before) * 1000) / answered });
  await stopChild(child);
}

const column = (text: string | number, width = 10) => String(text).padStart(width);
console.log(`\n${'POST /v1/quotes'.padEnd(22)}${column('req/s')}${column('p50 ms')}${column('p99 ms')}${column('CPU µs/req', 12)}${column('non-2xx')}${column('errors')}`);
for (const { name, result, cpuMicros } of rows) {
  console.log(
    `${name.padEnd(22)}${column(result.requests.average.toFixed(0))}${column(result.latency.p50)}${column(result.latency.p99)}${column(cpuMicros === undefined ? '-' : cpuMicros.toFixed(0), 12)}${column(result.non2xx)}${column(result.errors)}`,
  );
}
const [ours, checked, prism] = rows as [Row, Row, Row];
const ratio = ours.result.requests.average / prism.result.requests.average;
console.log(`\nfenqi-mock-server: ${ours.result.requests.average.toFixed(0)} quotes/s (target ≥ ${TARGET_PER_SECOND}): ${ours.result.requests.average >= TARGET_PER_SECOND ? 'met' : 'MISSED'}`);
console.log(`Ratio to Prism: ${ratio.toFixed(1)}× in req/s (target ≥ ${TARGET_RATIO}×): ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`);
if (ours.cpuMicros !== undefined && prism.cpuMicros !== undefined) {
  console.log(`Ratio to Prism in server CPU per quote: ${(prism.cpuMicros / ours.cpuMicros).toFixed(1)}×; --check-responses adds ${((checked.cpuMicros ?? ours.cpuMicros) - ours.cpuMicros).toFixed(0)} µs per quote`);
}
for (const { name, result } of rows) {
  if (result.non2xx > 0 || result.errors > 0) console.log(`WARNING: ${name.trim()} answered errors during the run; its figure is not a quote throughput.`);
}
