import * as z from 'zod/mini';
import { contractMetadata, describePrefixedId } from './openapi-metadata.js';
import { OPERATIONS } from './operations.js';
import { Problem } from './problem.js';
import { WebhookEvent } from './webhook-event.js';
import { FENQI_VERSION } from '../version.js';

const COMPONENTS = '#/components/schemas/';

/**
 * The OpenAPI 3.1 document of the contract, generated from the zod schemas and the operations
 * table. `docs/openapi.json` is this document; a test fails when the two drift apart.
 *
 * @example
 * ```ts
 * const document = buildOpenApiDocument()
 * Object.keys(document.paths) // ['/v1/products', '/v1/quotes', …]
 * ```
 */
export function buildOpenApiDocument(): Record<string, unknown> {
  // Input mode: request objects are strict (additionalProperties: false) and response objects stay
  // open, which is exactly the contract: the bank may add response fields.
  const metadata = contractMetadata();
  const jsonSchemaOptions = { io: 'input', metadata, override: describePrefixedId } as const;
  const { schemas } = z.toJSONSchema(metadata, { ...jsonSchemaOptions, uri: (id) => `${COMPONENTS}${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) {
    delete schema['$id'];
    delete schema['$schema'];
  }
  const idOf = (schema: z.ZodMiniType) => {
    const id = metadata.get(schema)?.id;
    if (!id) throw new Error('Every schema used by an operation needs an id in openapi-metadata.ts.');
    return id;
  };
  const ref = (schema: z.ZodMiniType) => ({ $ref: `${COMPONENTS}${idOf(schema)}` });
  /** A schema without an id, written in place (without the $schema dialect line). */
  const inline = (schema: z.ZodMiniType) => {
    const { $schema: _dialect, ...json } = z.toJSONSchema(schema, jsonSchemaOptions) as Record<string, unknown>;
    return json;
  };
  const problem = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: ref(Problem) } } };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const parameters: unknown[] = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    for (const [name, field] of Object.entries(operation.query?.shape ?? {})) {
      const schema = field as z.ZodMiniType;
      parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: metadata.get(schema)?.id ? ref(schema) : inline(schema) });
    }
    if (operation.idempotencyKey !== 'none') {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: operation.idempotencyKey === 'required', schema: { type: 'string', maxLength: 255 } });
    }
    if (operation.auth === 'client-secret' && operation.method === 'get') {
      parameters.push({ name: 'Fenqi-Client-Secret', in: 'header', required: true, schema: { type: 'string' } });
    }
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      security: [{ [operation.auth === 'secret' ? 'secretKey' : 'publishableKey']: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(operation.body) } } } } : {}),
      responses: {
        [operation.status]: { description: 'Success', content: { 'application/json': { schema: ref(operation.response) } } },
        default: problem,
      },
    };
  }

  return {
    openapi: '3.1.1',
    // The document is generated from this package's schemas, so it is versioned with it.
    info: { title: 'Fenqi bank API', version: FENQI_VERSION, description: 'Instalment-loan offers, applications, confirmation and disbursement.' },
    servers: [{ url: 'https://api.fenqi.test', description: 'Mock bank (fenqi-mock-server)' }],
    paths,
    webhooks: {
      event: { post: { summary: 'An event signed with Standard Webhooks', requestBody: { required: true, content: { 'application/json': { schema: ref(WebhookEvent) } } }, responses: { 200: { description: 'Received' } } } },
    },
    components: {
      schemas,
      securitySchemes: {
        publishableKey: { type: 'http', scheme: 'bearer', description: 'pk_test_… or pk_live_…: safe in browsers.' },
        secretKey: { type: 'http', scheme: 'bearer', description: 'sk_test_… or sk_live_…: partner servers only.' },
      },
    },
  };
}

