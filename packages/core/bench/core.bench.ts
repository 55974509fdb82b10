/**
 * `npm run bench`: medians for the exact @fenqi/core against a plain float implementation
 * measured in the same run, so the ratio survives a noisy machine.
 */
import type * as Core from '../src/index.js';
import type { CashFlow } from '../src/index.js';
import { floatAnnuitySchedule, floatOffer, floatRate } from './float-baseline.js';

// Measure the built package, as users get it (run `npm run build` first; `npm run bench` does).
const { annualRate, buildSchedule, parseMoney } = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Core;

const SAMPLES = 41;
const MIN_SAMPLE_MS = 20;

/** Median time of one call in microseconds: each sample repeats the call for ≥ MIN_SAMPLE_MS. */
function measure(run: () => unknown): number {
  let repeats = 1;
  for (;;) {
    const start = performance.now();
    for (let k = 0; k < repeats; k += 1) run();
    if (performance.now() - start >= MIN_SAMPLE_MS) break;
    repeats *= 2;
  }
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s += 1) {
    const start = performance.now();
    for (let k = 0; k < repeats; k += 1) run();
    samples.push(((performance.now() - start) * 1000) / repeats);
  }
  return samples.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)]!;
}

const principal = parseMoney('4999.00', 'CNY');
const mortgage = parseMoney('1000000.00', 'CNY');
const payments360: CashFlow[] = buildSchedule({ principal: mortgage, termMonths: 360, method: 'annuity', annualRate: '0.049' }).instalments.map(
  (row) => ({ amount: row.payment, period: row.number }),
);
const floatPayments360 = payments360.map((flow) => Number(flow.amount.minor) / 100);

const cases: [name: string, exact: () => unknown, float: () => unknown, targetMicros: number | undefined][] = [
  [
    '12-month annuity schedule',
    () => buildSchedule({ principal, termMonths: 12, method: 'annuity', annualRate: '0.129' }),
    () => floatAnnuitySchedule(4999, 0.129, 12),
    undefined,
  ],
  [
    '360-month annuity schedule',
    () => buildSchedule({ principal: mortgage, termMonths: 360, method: 'annuity', annualRate: '0.049' }),
    () => floatAnnuitySchedule(1_000_000, 0.049, 360),
    1000,
  ],
  [
    '12-month offer (schedule + annual rate)',
    () => buildSchedule({ principal, termMonths: 12, method: 'annuity', annualRate: '0.129' }).annualRates,
    () => floatOffer(4999, 0.129, 12),
    50,
  ],
  [
    '360-month offer (schedule + annual rate)',
    () => buildSchedule({ principal: mortgage, termMonths: 360, method: 'annuity', annualRate: '0.049' }).annualRates,
    () => floatOffer(1_000_000, 0.049, 360),
    undefined,
  ],
  [
    'annual rate solve, 360 flows',
    () => annualRate({ advance: mortgage, payments: payments360 }),
    () => floatRate(1_000_000, floatPayments360),
    undefined,
  ],
];

// Warm up the JIT for both implementations before measuring anything.
for (let k = 0; k < 300; k += 1) {
  for (const [, exact, float] of cases) {
    exact();
    float();
  }
}

console.log(`@fenqi/core bench — Node ${process.version}, median of ${SAMPLES} samples\n`);
console.log('case'.padEnd(42), 'exact µs'.padStart(10), 'float µs'.padStart(10), 'ratio'.padStart(8), '  target');
let missed = 0;
for (const [name, exact, float, target] of cases) {
  const exactMicros = measure(exact);
  const floatMicros = measure(float);
  const ratio = exactMicros / floatMicros;
  const verdict = target === undefined ? '' : exactMicros <= target ? `< ${target} µs ok` : `> ${target} µs MISSED`;
  if (target !== undefined && exactMicros > target) missed += 1;
  console.log(name.padEnd(42), exactMicros.toFixed(2).padStart(10), floatMicros.toFixed(2).padStart(10), `${ratio.toFixed(2)}×`.padStart(8), ' ', verdict);
}
console.log('\nbuildSchedule always solves its annual rate, so the exact schedule rows include that solve;');
console.log('the float schedule rows do not. The offer rows compare like with like.');
console.log('Exactness budget: at most 5× the float baseline (ratio column).');
if (missed > 0) console.log(`${missed} target(s) missed on this run (timings are noisy on a shared machine).`);
