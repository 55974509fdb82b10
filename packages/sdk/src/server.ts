/**
 * `@fenqi/sdk/server`: everything of `@fenqi/sdk` plus the secret-key client for partner servers.
 *
 * @packageDocumentation
 * @module @fenqi/sdk/server
 */
export * from './index.js';
export { createServerClient } from './client/create-server-client.js';
export type { FenqiServerClient, ServerClientOptions } from './client/create-server-client.js';
