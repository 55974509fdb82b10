/**
 * `npm run bench` (second part): what the SDK adds to a quote call — validating the request and
 * parsing the answer against the contract — as medians, next to a bare fetch + JSON.parse of the
 * same answer in the same run.
 */
import type * as Sdk from '../src/index.js';
import type * as Core from '@fenqi/core';

const sdk = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Sdk;
const core = (await import(new URL('../../core/dist/index.js', import.meta.url).href)) as typeof Core;

const SAMPLES = 41;
const MIN_SAMPLE_MS = 20;

async function measure(run: () => unknown): Promise<number> {
  let repeats = 1;
  for (;;) {
    const start = performance.now();
    for (let k = 0; k < repeats; k += 1) await run();
    if (performance.now() - start >= MIN_SAMPLE_MS) break;
    repeats *= 2;
  }
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s += 1) {
    const start = performance.now();
    for (let k = 0; k < repeats; k += 1) await run();
    samples.push(((performance.now() - start) * 1000) / repeats);
  }
  return samples.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)]!;
}

// A realistic quote answer: one 12-month plan for ¥4,999.00, built with @fenqi/core.
const schedule = core.buildSchedule({ principal: core.parseMoney('4999.00', 'CNY'), termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' });
const wire = (money: Core.Money) => ({ value: core.toDecimalString(money), currency: money.currency });
const answer = JSON.stringify({
  id: 'quote_00000001',
  object: 'quote',
  amount: { value: '4999.00', currency: 'CNY' },
  scenario: 'retail',
  expiresAt: '2026-12-03T11:00:00Z',
  plans: [
    {
      planId: 'plan_12m0000',
      termMonths: 12,
      method: 'flat-fee',
      instalments: schedule.instalments.map((row) => ({ number: row.number, payment: wire(row.payment), principal: wire(row.principal), interest: wire(row.interest), fee: wire(row.fee), balance: wire(row.balance) })),
      totals: Object.fromEntries(Object.entries(schedule.totals).map(([key, money]) => [key, wire(money)])),
      upfrontFee: wire(schedule.upfrontFee),
      annualRate: { market: 'CN', basis: 'nominal', percent: '13.03' },
    },
  ],
});
const request = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } } as const;
const stubFetch: typeof fetch = async () => new Response(answer, { status: 201, headers: { 'content-type': 'application/json' } });
const client = sdk.createClient({ publishableKey: 'pk_test_51HxExample', baseUrl: 'http://bank.test', fetch: stubFetch });

const cases: [string, () => unknown][] = [
  ['validate request + parse quote (schemas only)', () => sdk.Quote.parse(JSON.parse(answer)) && sdk.QuoteRequest.parse(request)],
  ['quotes.create through the client (stub fetch)', () => client.quotes.create(request)],
  ['baseline: Request + stub fetch + JSON.parse', async () => (await stubFetch(new Request('http://bank.test/v1/quotes', { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } }))).json()],
];
for (let k = 0; k < 200; k += 1) for (const [, run] of cases) await run();

console.log(`\n@fenqi/sdk bench — Node ${process.version}, median of ${SAMPLES} samples\n`);
const results: number[] = [];
for (const [name, run] of cases) {
  const micros = await measure(run);
  results.push(micros);
  console.log(name.padEnd(50), `${micros.toFixed(1)} µs`.padStart(12));
}
const validation = results[0]! / 1000;
console.log(`\nValidation and parsing per quote call: ${validation.toFixed(3)} ms (target < 0.1 ms): ${validation < 0.1 ? 'ok' : 'MISSED'}`);
console.log(`Whole client call over the bare baseline (ky, headers, retry set-up included): ${((results[1]! - results[2]!) / 1000).toFixed(3)} ms`);
