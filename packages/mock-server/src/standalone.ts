/**
 * `@fenqi/mock-server/standalone`: everything of `@fenqi/mock-server` plus `startMockBankServer()`,
 * the mock bank as an HTTP server on `node:http` (what the `fenqi-mock-server` command runs):
 * CORS for browser pages, a request log and the `/__admin` API for faults, time and reset.
 *
 * @packageDocumentation
 * @module @fenqi/mock-server/standalone
 */
export * from './index.js';
export { startMockBankServer } from './standalone/start-mock-bank-server.js';
export type { MockBankServer, MockBankServerOptions } from './standalone/start-mock-bank-server.js';
