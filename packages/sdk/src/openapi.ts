/**
 * `@fenqi/sdk/openapi`: the OpenAPI 3.1 document of the contract, generated from its schemas.
 * A separate entry so browsers never download the JSON Schema generator.
 *
 * @packageDocumentation
 * @module @fenqi/sdk/openapi
 */
export { buildOpenApiDocument } from './contract/openapi.js';
