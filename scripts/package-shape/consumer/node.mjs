// A partner's Node program, run by package-shape.test.ts from a fresh project that installed the
// packed tarballs. It imports every public entry of the packages named in argv (read from their
// published exports maps), then uses a few for real. It prints one JSON line for the test.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageNames = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);

/** Every file under a folder, as paths relative to it. */
async function filesUnder(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/**
 * `@fenqi/x/sub` for each subpath of a package's published exports map; a wildcard subpath
 * (`./cdn/*`) stands for every published file its target matches.
 */
async function publicEntries(name) {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (!subpath.includes('*')) {
      entries.push({ specifier: `${name}${subpath.slice(1)}` });
      continue;
    }
    const [prefix, suffix] = String(target).split('*');
    const files = existsSync(join(dirname(manifestPath), prefix)) ? await filesUnder(join(dirname(manifestPath), prefix)) : [];
    const matched = files.filter((file) => file.endsWith(suffix)).map((file) => file.slice(0, file.length - suffix.length));
    if (matched.length === 0) entries.push({ specifier: `${name}${subpath.slice(1)}`, pattern: true });
    for (const match of matched) entries.push({ specifier: `${name}${subpath.slice(1).replace('*', match)}`, pattern: true });
  }
  return entries;
}

const imported = [];
const resolved = [];
const failed = [];
for (const name of packageNames) {
  for (const { specifier, pattern } of await publicEntries(name)) {
    try {
      if (specifier.endsWith('.json')) {
        await import(specifier, { with: { type: 'json' } });
        imported.push(specifier);
      } else if (pattern) {
        // Files behind a wildcard (the widget's CDN build) are assets to serve, not modules for
        // Node: they must resolve through the exports map to a published file.
        const file = fileURLToPath(import.meta.resolve(specifier));
        if (!existsSync(file)) throw new Error(`resolves to ${file}, which is not there`);
        resolved.push(specifier);
      } else {
        await import(specifier);
        imported.push(specifier);
      }
    } catch (error) {
      failed.push(`${specifier}: ${error}`);
    }
  }
}

const { buildSchedule, disclosedRate, formatMoney, parseMoney, toDecimalString, FENQI_VERSION: coreVersion } = await import('@fenqi/core');
const { createClient, fromWire, FENQI_VERSION: sdkVersion } = await import('@fenqi/sdk');
const { buildOpenApiDocument } = await import('@fenqi/sdk/openapi');
const { createMockBank, FENQI_VERSION: mockServerVersion } = await import('@fenqi/mock-server');
const { FENQI_VERSION: widgetVersion } = await import('@fenqi/widget');
const { setupMockServer } = await import('@fenqi/mock-server/node');

// core: the example of its README.
const schedule = buildSchedule({ principal: parseMoney('4999.00', 'CNY'), termMonths: 12, method: 'annuity', annualRate: '0.129' });
const core = { firstPayment: formatMoney(schedule.instalments[0].payment, 'zh-CN'), disclosedPercent: disclosedRate(schedule.annualRates, 'CN').percent };

// sdk + mock-server: the headline plan computed locally from the rate card equals the bank's quote.
const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
const client = createClient({ publishableKey: 'pk_test_consumerNode1', fetch: bank.fetch });
const amount = parseMoney('4999.00', 'CNY');
const { offers } = await client.offersFor(amount, { merchant: 'shop-1', scenario: 'retail' });
const quote = await client.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
const headline = offers[0];
const quoted = quote.plans.find((plan) => plan.planId === headline.plan.id);
const sdk = {
  plans: quote.plans.length,
  localPayment: toDecimalString(headline.schedule.instalments[0].payment),
  quotedPayment: quoted && toDecimalString(fromWire(quoted.instalments[0].payment)),
  bankSaw: bank.requests.map((entry) => entry.operationId),
};

// mock-server/node: a Node test suite's bank, reached through the global fetch.
const mock = setupMockServer();
mock.listen();
let node;
try {
  const { data } = await createClient({ publishableKey: 'pk_test_consumerNode1' }).products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
  node = { rateCards: data.length };
} finally {
  mock.close();
}

const openapi = String(buildOpenApiDocument().openapi);

const versions = { '@fenqi/core': coreVersion, '@fenqi/sdk': sdkVersion, '@fenqi/widget': widgetVersion, '@fenqi/mock-server': mockServerVersion };

console.log(JSON.stringify({ imported, resolved, failed, dom: typeof document, versions, core, sdk, node, openapi }));
