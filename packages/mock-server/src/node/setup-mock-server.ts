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
  /** Starts intercepting. A request to anything but the bank fails the test loudly. */
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
  const server = setupServer(...bank.handlers);
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
