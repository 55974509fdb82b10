#!/usr/bin/env node
// Runs the partner server and its three demo sites: `npx node examples/partner-server/server.mjs`
// (`npm start` runs it with the mock bank).
//
// Configuration comes from the environment, as a secret key should (never commit a live one):
//   PORT (3000), HOST (127.0.0.1), FENQI_SECRET_KEY, FENQI_PUBLISHABLE_KEY, FENQI_API_BASE (the
//   standalone mock bank, http://127.0.0.1:4010), FENQI_WEBHOOK_SECRET (the mock's signing secret).
// The defaults are test keys for the mock bank; start it with
//   npx fenqi-mock-server --port 4010 --webhook-url http://127.0.0.1:3000/webhooks/fenqi
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createPartnerServer } from './partner-server.mjs';

// The pages this server serves: the three demo sites beside it, and the built Fenqi packages a
// page loads (from node_modules, as a partner who installed them from npm has them).
const examples = fileURLToPath(new URL('..', import.meta.url));
const packageFolder = (name) => dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
const pages = {
  '/': join(examples, 'index.html'),
  '/shop/': join(examples, 'shop'),
  '/travel/': join(examples, 'travel'),
  '/education/': join(examples, 'education'),
  '/elements/': join(examples, 'elements'), // the live examples of docs/elements/
  '/react/': join(examples, 'react'),
  '/react18/': join(examples, 'react18'),
  '/vue/': join(examples, 'vue'),
  '/shared/': join(examples, 'shared'),
  // One pricing file for the server and the pages, so the total a page shows is the one charged.
  '/shared/catalogue.mjs': fileURLToPath(new URL('./catalogue.mjs', import.meta.url)),
  '/vendor/fenqi-core/': join(packageFolder('@fenqi/core'), 'dist'),
  '/vendor/fenqi-widget/': join(packageFolder('@fenqi/widget'), 'cdn'),
};

/**
 * The pages' import map: `@fenqi/widget` is the CDN build, named by its version, and the browser
 * checks it and its lazy checkout chunk against the hashes in the build's cdn/manifest.json
 * (the loader snippet of docs/widget.md).
 */
const cdn = JSON.parse(readFileSync(join(packageFolder('@fenqi/widget'), 'cdn', 'manifest.json'), 'utf8'));
const cdnUrl = (file) => `/vendor/fenqi-widget/${file}`;
const importMap = {
  imports: { '@fenqi/core': '/vendor/fenqi-core/index.js', '@fenqi/widget': cdnUrl(cdn.files.module.file) },
  integrity: Object.fromEntries([cdn.files.module, cdn.files.checkout].map(({ file, integrity }) => [cdnUrl(file), integrity])),
};

/** The mock bank's documented signing secret (MOCK_WEBHOOK_SECRET in @fenqi/mock-server). */
const MOCK_WEBHOOK_SECRET = 'whsec_ZmVucWktbW9jay13ZWJob29rLXNlY3JldA==';

const port = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}

let server;
try {
  server = await createPartnerServer({
    port,
    host: process.env.HOST || '127.0.0.1',
    secretKey: process.env.FENQI_SECRET_KEY || 'sk_test_partnerDemo2026',
    publishableKey: process.env.FENQI_PUBLISHABLE_KEY || 'pk_test_partnerDemo2026',
    apiBase: process.env.FENQI_API_BASE || 'http://127.0.0.1:4010',
    webhookSecret: process.env.FENQI_WEBHOOK_SECRET || MOCK_WEBHOOK_SECRET,
    static: pages,
    importMap,
  });
} catch (error) {
  // One clear line (a busy port, a malformed key), not a stack trace.
  console.error(`partner server: ${error.code === 'EADDRINUSE' ? `${error.message} Set PORT to another port.` : error.message}`);
  process.exit(1);
}

console.log(`partner server on ${server.url} (bank API ${process.env.FENQI_API_BASE || 'http://127.0.0.1:4010'}; webhooks to ${server.url}/webhooks/fenqi)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(`partner server: ${error.message}`);
        process.exit(1);
      },
    );
  });
}
