/**
 * `@fenqi/mock-server/browser`: everything of `@fenqi/mock-server` plus `startMockWorker()`, the
 * mock bank as a service worker inside a page.
 *
 * @packageDocumentation
 * @module @fenqi/mock-server/browser
 */
export * from './index.js';
export { startMockWorker } from './browser/start-mock-worker.js';
export type { MockWorker, MockWorkerOptions } from './browser/start-mock-worker.js';
