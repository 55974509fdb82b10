// The partner's own server: the only place that holds the bank's secret key. Its pages (same
// origin, so no CORS) price carts, start an instalment checkout and report the widget's result;
// the bank reports everything else to /webhooks/fenqi. Node built-ins only: node:http, no framework.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { catalogueFor, MERCHANTS, priceCart } from './catalogue.mjs';
import { createBank } from './fenqi.mjs';
import { HttpProblem, problemFor, readBody, readJson, sendJson, sendProblem } from './http.mjs';
import { createOrderFlow } from './order-flow.mjs';
import { createOrderStore } from './orders.mjs';
import { createStaticFiles } from './static-files.mjs';

/** A page's JSON bodies are small; a webhook carries at most one event. */
const API_BODY_LIMIT = 16 * 1024;
const WEBHOOK_BODY_LIMIT = 256 * 1024;
/** How long close() lets requests and bank calls in flight finish before cutting them off. */
const CLOSE_GRACE_MS = 5000;

/**
 * Starts the partner server.
 *
 * @param {object} options
 * @param {string} options.secretKey the bank secret key, `sk_test_…` or `sk_live_…` (from the environment, never from code)
 * @param {string} options.publishableKey the publishable key the pages give the widget, `pk_…`
 * @param {string} options.apiBase the bank's API, e.g. `http://127.0.0.1:4010` for the standalone mock bank
 * @param {string} options.webhookSecret the `whsec_…` secret the bank signs webhooks with
 * @param {number} [options.port] 0 picks any free port (read it from `url`); default 0
 * @param {string} [options.host] default `127.0.0.1`
 * @param {Record<string, string>} [options.static] URL prefix → absolute folder (`'/shop/': '/…/shop'`),
 *   or exact URL → absolute file, served with their content types; API routes win over mounts
 * @param {{ imports: Record<string, string>, integrity?: Record<string, string> }} [options.importMap] the pages'
 *   import map, put where a page says `%IMPORT_MAP%`
 * @param {((line: string) => void) | false} [options.log] one line per request and per background failure; default console.log
 * @returns {Promise<{ url: string, orders: ReturnType<typeof createOrderStore>, settled(): Promise<void>, close(): Promise<void> }>}
 *   rejects with an error whose `code` is `EADDRINUSE` when the port is taken
 */
export async function createPartnerServer(options) {
  const { port = 0, host = '127.0.0.1', secretKey, publishableKey, apiBase, webhookSecret, static: mounts = {}, importMap, log: logOption } = options ?? {};
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`The port must be a whole number from 0 to 65535, not ${port}.`);
  // The pages receive this key: make sure it is the publishable one, never the secret.
  if (typeof publishableKey !== 'string' || !/^pk_(test|live)_[A-Za-z0-9]{8,}$/.test(publishableKey)) {
    throw new TypeError('publishableKey must look like pk_test_… or pk_live_… (the secret key never goes to a page).');
  }
  if (typeof webhookSecret !== 'string' || !/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/.test(webhookSecret)) throw new TypeError('webhookSecret must look like whsec_ followed by base64.');
  if (typeof apiBase !== 'string') throw new TypeError('apiBase must be the URL of the bank API, e.g. http://127.0.0.1:4010.');
  const log = logOption === false ? () => undefined : (logOption ?? ((line) => console.log(line)));

  const shutdown = new globalThis.AbortController();
  const bank = createBank({ secretKey, apiBase, webhookSecret, signal: shutdown.signal }); // throws for a bad key or URL
  const orders = createOrderStore();
  const flow = createOrderFlow({ bank, orders, log });
  const serveStatic = createStaticFiles(mounts, { page: (html) => servePage(html, { publishableKey, apiBase, importMap }) });

  /** The order a route names, or a 404. */
  const orderFrom = ({ orderId }) => {
    const order = orders.get(orderId);
    if (!order) throw new HttpProblem(404, 'order-not-found', 'No such order', `There is no order ${orderId}.`);
    return order;
  };

  // Each handler answers { status, body, headers? } or throws an HttpProblem (or a bank error).
  const routes = [
    route('GET', '/api/config', () => ({ status: 200, body: { publishableKey, apiBase, merchants: MERCHANTS } })),
    route('GET', '/api/catalogue/:site', (_request, { site }) => {
      const catalogue = catalogueFor(site);
      if (!catalogue) throw new HttpProblem(404, 'site-not-found', 'No such site', `There is no site ${site}.`);
      return { status: 200, body: catalogue };
    }),
    route('POST', '/api/price', async (request) => {
      const { site, cart } = strict(await readJson(request, API_BODY_LIMIT), ['site', 'cart']);
      return { status: 200, body: priceCart(site, cart) }; // a CartError answers 422
    }),
    route('POST', '/api/checkout', async (request) => {
      // Only what the shopper chose: the server prices it. An `amount` here is refused as an unknown key.
      const { site, cart } = strict(await readJson(request, API_BODY_LIMIT), ['site', 'cart']);
      const { order, clientSecret } = await flow.checkout(site, cart);
      return { status: 201, headers: { location: `/api/orders/${order.id}` }, body: { orderId: order.id, clientSecret, amount: order.amount, priced: order.priced } };
    }),
    // A demo status page lists every order; a real shop shows a shopper only their own (behind its login).
    route('GET', '/api/orders', () => ({ status: 200, body: { orders: orders.list() } })),
    route('GET', '/api/orders/:orderId', async (_request, params) => ({ status: 200, body: await flow.refresh(orderFrom(params)) })),
    route('POST', '/api/orders/:orderId/confirm', async (request, params) => {
      const order = orderFrom(params);
      const { applicationId } = strict(await readJson(request, API_BODY_LIMIT), ['applicationId']);
      const { status } = await flow.confirm(order, applicationId);
      return { status, body: order };
    }),
    route('POST', '/api/orders/:orderId/cancel', async (request, params) => {
      const order = orderFrom(params);
      // No body needed; an empty JSON object is fine too.
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding']) strict(await readJson(request, API_BODY_LIMIT), []);
      return { status: 200, body: await flow.cancel(order) };
    }),
    route('POST', '/webhooks/fenqi', async (request) => {
      // The raw bytes, not parsed JSON: the signature covers exactly what the bank sent.
      const body = await readBody(request, WEBHOOK_BODY_LIMIT);
      const { duplicate } = await flow.receiveWebhook(body.toString('utf8'), request.headers);
      return { status: 200, body: { received: true, duplicate } };
    }),
  ];

  async function answer(request, response) {
    const started = performance.now();
    let pathname = request.url ?? '';
    try {
      // Origin-form targets only ("/path?query"); "//host/…" stays a path.
      if (!pathname.startsWith('/')) throw new HttpProblem(400, 'malformed-request', 'Malformed request', 'The request target must be a path.');
      try {
        pathname = new URL(`http://localhost${request.url}`).pathname;
      } catch {
        throw new HttpProblem(400, 'malformed-request', 'Malformed request', 'The request target is not a valid path.');
      }
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const matches = routes.map((candidate) => ({ route: candidate, params: candidate.match(pathname) })).filter((candidate) => candidate.params);
      if (matches.length > 0) {
        const hit = matches.find((candidate) => candidate.route.method === method);
        if (!hit) {
          const allow = [...new Set(matches.flatMap((candidate) => (candidate.route.method === 'GET' ? ['GET', 'HEAD'] : [candidate.route.method])))].join(', ');
          throw new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `${request.method} is not allowed on ${pathname}; use ${allow}.`, {}, { allow });
        }
        const result = await hit.route.handler(request, hit.params);
        sendJson(response, result.status, result.body, result.headers);
      } else if (!(await serveStatic(request, response, pathname))) {
        throw new HttpProblem(404, 'not-found', 'Not found', `There is nothing at ${pathname}.`);
      }
    } catch (error) {
      const problem = problemFor(error);
      // Unexpected errors go to the log with their stack; the browser only ever sees the problem.
      if (problem.status === 500) log(`${request.method} ${pathname}: ${error?.stack ?? error}`);
      if (response.headersSent) response.destroy();
      else sendProblem(response, problem);
    }
    log(`${request.method} ${pathname} ${response.statusCode} ${Math.round(performance.now() - started)} ms`);
  }

  const server = createServer((request, response) => void answer(request, response));
  // A request Node cannot parse never reaches answer(): end it plainly.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(error.code === 'EADDRINUSE' ? Object.assign(new Error(`Port ${port} on ${host} is already in use.`, { cause: error }), { code: 'EADDRINUSE' }) : error);
    });
    server.listen(port, host, () => resolve());
  });
  server.removeAllListeners('error');
  server.on('error', (error) => log(`partner server: ${error.message}`));

  const address = server.address();
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let closing;
  return {
    url: `http://${shownHost}:${address.port}`,
    orders,
    /** Resolves once no bank work started by a webhook is left (tests wait on it). */
    settled: () => flow.settled(),
    /** Stops listening; lets requests and bank calls in flight finish (for up to 5 s), then cuts them off. */
    close() {
      closing ??= (async () => {
        const stopped = new Promise((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => {
          shutdown.abort();
          server.closeAllConnections();
        }, CLOSE_GRACE_MS);
        try {
          await Promise.all([stopped, flow.settled()]);
        } finally {
          clearTimeout(grace);
        }
      })();
      return closing;
    },
  };
}

/** A JSON object body with exactly these keys (all required), or a 422 that points at the first problem. */
function strict(body, keys) {
  const refuse = (pointer, detail) => new HttpProblem(422, 'invalid-body', 'Invalid request body', detail, { errors: [{ pointer, detail }] });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw refuse('#', `The body must be a JSON object${keys.length > 0 ? ` with ${keys.join(', ')}` : ''}.`);
  const extra = Object.keys(body).find((key) => !keys.includes(key));
  if (extra !== undefined) throw refuse(`#/${extra.replaceAll('~', '~0').replaceAll('/', '~1')}`, `${JSON.stringify(extra)} is not accepted here${keys.length > 0 ? `; send only ${keys.join(', ')}` : ''}.`);
  const missing = keys.find((key) => body[key] === undefined);
  if (missing !== undefined) throw refuse(`#/${missing}`, `${missing} is required.`);
  return body;
}

/** A route: `:name` segments match one path segment of letters, digits, `_` and `-`. */
function route(method, pattern, handler) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([A-Za-z0-9_-]{1,128})';
  });
  const regex = new RegExp(`^${source}$`);
  return {
    method,
    handler,
    match(pathname) {
      const found = regex.exec(pathname);
      return found ? Object.fromEntries(names.map((name, index) => [name, found[index + 1]])) : undefined;
    },
  };
}

/**
 * An HTML page as it leaves the server: a fresh nonce for its one inline script (the import map),
 * the publishable key and the bank's address in its <meta> tags, and a strict
 * Content-Security-Policy — scripts and styles from this origin only, requests to this origin
 * and the bank only, no inline styles, no eval — which the Fenqi elements work under.
 */
export function servePage(html, { publishableKey, apiBase, importMap = { imports: {} } }) {
  const nonce = randomBytes(16).toString('base64');
  const bank = new URL(apiBase).origin;
  // JSON inside <script>: escape '<' so no value can close the element.
  const importMapJson = JSON.stringify(importMap).replaceAll('<', '\\u003c');
  const body = html
    .replaceAll('%CSP_NONCE%', nonce)
    .replaceAll('%FENQI_PUBLISHABLE_KEY%', escapeHtml(publishableKey))
    .replaceAll('%FENQI_API_BASE%', escapeHtml(apiBase))
    .replaceAll('%IMPORT_MAP%', importMapJson);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    `connect-src 'self' ${bank}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { body, headers: { 'content-security-policy': policy, 'referrer-policy': 'same-origin' } };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
