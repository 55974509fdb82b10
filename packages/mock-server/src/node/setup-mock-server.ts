import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import { createMockBank } from '../bank/create-mock-bank.js';
import type { MockBank, MockBankOptions } from '../bank/create-mock-bank.js';

/**
 * The mock bank inside a Node test run: msw intercepts `fetch` (and http/https) in this process.
 *
 * @example
 * ```ts
 * const mock = setupMockServer({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } })
 * before(() => mock.listen())
 * afterEach(() => mock.reset())
 * after(() => mock.close())
 * ```
 */
export interface MockServer {
  readonly bank: MockBank;
  /** The msw server, for `server.use(...)` overrides in one test. */
  readonly server: SetupServer;
  /**
   * Starts intercepting `fetch` and `node:http`/`https`. A request to anything but the bank fails the
   * test loudly: the call rejects as a network failure and the console names the request. (msw cannot
   * see a named ESM import such as `import { request } from 'node:https'`, mswjs/msw#2049.) To let one
   * host through in a test, add `server.use(http.all('http://127.0.0.1:*', () => passthrough()))`.
   */
  listen(): void;
  /** The bank forgets everything and per-test msw overrides are dropped. */
  reset(): void;
  /** Stops intercepting and the bank's timers. */
  close(): void;
}

/**
 * A mock bank for Node tests, intercepting requests to `options.baseUrl`
 * (default `https://sandbox.fenqi.com`, where test keys go).
 *
 * @example
 * ```ts
 * const mock = setupMockServer()
 * mock.listen()
 * const fenqi = createClient({ publishableKey: 'pk_test_12345678' })
 * const { data } = await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' })
 * mock.close()
 * ```
 */
export function setupMockServer(options: MockBankOptions = {}): MockServer {
  const bank = createMockBank(options);
  // msw's 'error' strategy alone lets "common assets" (any path ending in .json, .js, .txt, .png…)
  // out to the network unannounced; in a Node test nothing is an asset, so this handler, last,
  // answers every other HTTP request with a network error. WebSockets still meet 'error'.
  const elsewhere = http.all('*', ({ request }) => {
    console.error(`fenqi-mock-server: ${request.method} ${request.url} is not a request to the mock bank (${bank.baseUrl}); setupMockServer lets no request out to the network.`);
    return HttpResponse.error();
  });
  const server = setupServer(...bank.handlers, elsewhere);
  return {
    bank,
    server,
    listen: () => server.listen({ onUnhandledFrame: 'error' }),
    reset() {
      server.resetHandlers();
      bank.reset();
    },
    close() {
      server.close();
      bank.dispose();
    },
  };
}
