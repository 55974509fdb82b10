import type { SetupWorker } from 'msw/browser';
import { createMockBank } from '../bank/create-mock-bank.js';
import type { MockBank, MockBankOptions } from '../bank/create-mock-bank.js';

/** How long the worker may take to control the page before startMockWorker gives up. */
const START_TIMEOUT_MS = 15_000;

/**
 * Options of {@link startMockWorker}.
 *
 * @example
 * ```ts
 * await startMockWorker({ workerUrl: '/mockServiceWorker.js', clock: { start: '2026-12-03T10:00:00Z' } })
 * ```
 */
export interface MockWorkerOptions extends MockBankOptions {
  /** Where the site serves msw's worker script (`npx msw init <public dir>` copies it). @default '/mockServiceWorker.js' */
  readonly workerUrl?: string;
  /** Print msw's activation message and one console line per request. @default false */
  readonly verbose?: boolean;
}

/**
 * The running mock bank in a page.
 *
 * @example
 * ```ts
 * const mock = await startMockWorker()
 * mock.bank.webhooks.on((event) => console.log('webhook', event.type))
 * ```
 */
export interface MockWorker {
  readonly bank: MockBank;
  readonly worker: SetupWorker;
  /** Unregisters the interception (awaits msw 3's asynchronous stop). */
  stop(): Promise<void>;
}

/**
 * Runs the mock bank in the page as a service worker, for static sites and browser tests. Resolves
 * once the worker controls the page, so no request to the bank can slip past it. The bank answers
 * every path of its origin, an unknown route with a 501 problem; every other request of the page
 * (its own scripts and API, third parties) goes to the network untouched and unannounced, since the
 * site around the mock must keep working. Browsers only allow service workers on https or localhost.
 *
 * @example
 * ```ts
 * import { startMockWorker } from '@fenqi/mock-server/browser'
 * await startMockWorker({ baseUrl: 'https://sandbox.fenqi.com' })
 * // now load the widget: its requests are answered in the page
 * ```
 */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    throw new Error('startMockWorker needs a browser with service workers (a secure context: https or localhost).');
  }
  const workerUrl = options.workerUrl ?? '/mockServiceWorker.js';
  // msw 3 reports a missing script as an uncaught error and never settles start(): check first.
  const script = await fetch(workerUrl, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
  if (!script?.ok) {
    throw new Error(`The mock bank's service worker script is not served at ${workerUrl}: copy it there with "npx msw init <your public folder>", or pass workerUrl.`);
  }
  const bank = createMockBank({
    ...options,
    ...(options.verbose ? { onRequest: (entry) => console.info(`[fenqi mock] ${entry.method} ${entry.path} → ${entry.status} (${entry.durationMs} ms)`) } : {}),
  });
  // Loaded here, not at the top: msw's browser entry refuses to load in Node, and this module
  // must stay importable there (server rendering, the package's own Node tests).
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker(...bank.handlers);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      // 'bypass', not 'error': nothing at the bank's origin is ever unhandled (unknown routes get the
      // bank's 501), so 'error' would only turn the page's own requests, a partner's /api, into 500s.
      worker.start({ serviceWorker: { url: workerUrl }, quiet: !options.verbose, onUnhandledFrame: 'bypass' }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    bank.dispose();
    throw new Error(`The mock bank's service worker did not start from ${workerUrl}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  return {
    bank,
    worker,
    async stop() {
      await worker.stop();
      bank.dispose();
    },
  };
}
