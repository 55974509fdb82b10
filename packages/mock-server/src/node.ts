/**
 * `@fenqi/mock-server/node`: everything of `@fenqi/mock-server` plus `setupMockServer()` for Node
 * test suites.
 *
 * @packageDocumentation
 * @module @fenqi/mock-server/node
 */
export * from './index.js';
export { setupMockServer } from './node/setup-mock-server.js';
export type { MockServer } from './node/setup-mock-server.js';
