// Browser test run: every packages/*/src/**/*.test.ts in Debian's Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readFile } from 'node:fs/promises';

export default {
  files: ['packages/*/src/**/*.test.ts'],
  // Resolves bare imports ('chai', 'fast-check') from node_modules for the browser; @fenqi/*
  // packages resolve to their TypeScript sources through the @fenqi/source export condition.
  nodeResolve: { exportConditions: ['@fenqi/source', 'browser', 'development'], browser: true },
  plugins: [
    // Strips types; it also rewrites relative './x.js' imports made from a .ts file to
    // './x.ts' when that file exists, which is how the NodeNext '.js' specifiers work here.
    esbuildPlugin({ ts: true, target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        // The apt-installed browser: browser downloads are impossible on this network.
        executablePath: '/usr/bin/chromium',
        headless: true,
        // --no-sandbox: we run as root (dev machines and CI), where Chromium refuses to sandbox.
        // The rest keep the browser off the network and quiet.
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // 2-core machines: one test file (page) at a time, so CPU-heavy property tests
  // don't compete and hit their timeouts.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: {
    // Property tests run long; same per-test timeout as the Node run (.mocharc.json).
    config: { ui: 'bdd', timeout: 60000 },
  },
  // msw's service worker must be served from the site root to control the test pages
  // (startMockWorker's tests), as a partner site serves it.
  middleware: [
    async (context, next) => {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = await readFile(new URL('node_modules/msw/lib/mockServiceWorker.js', import.meta.url));
    },
  ],
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
};
