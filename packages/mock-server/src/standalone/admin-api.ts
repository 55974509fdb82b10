import { OPERATIONS } from '@fenqi/sdk';
import type { MockBank } from '../bank/create-mock-bank.js';
import type { Duration } from '../bank/mock-clock.js';
import { checkFaultRule } from '../faults/faults.js';
import type { FaultRule } from '../faults/faults.js';
import { MockProblem } from '../http/problem-response.js';

/** Where the admin API lives; nothing of the bank's own API starts with it. */
export const ADMIN_PREFIX = '/__admin';

/** Largest admin request body, in bytes: a fault rule or a clock step is tiny. */
export const ADMIN_MAX_BODY_BYTES = 16_384;

/** The fault routes a rule may name: `*`, an operation id, or `METHOD /path` as in the contract. */
const FAULT_ROUTES = new Set(['*', ...OPERATIONS.flatMap((operation) => [operation.operationId, `${operation.method.toUpperCase()} ${operation.path}`])]);
const FAULT_RULE_KEYS = new Set(['route', 'times', 'every', 'probability', 'status', 'retryAfter', 'network', 'latencyMs', 'hang']);

type AdminRoute = { readonly [method: string]: (bank: MockBank, body: () => Promise<unknown>, id: string | undefined) => AdminAnswer | Promise<AdminAnswer> };
type AdminAnswer = { readonly status: number; readonly body?: unknown };

/**
 * The admin API of the standalone server (JSON in, JSON out, problems as RFC 9457):
 *
 * | route | does |
 * |---|---|
 * | `POST /__admin/reset` | the bank forgets everything (state, ids, faults back to the options', webhooks, log) |
 * | `GET /__admin/faults` | the active fault rules with their hit counts |
 * | `POST /__admin/faults` | adds a {@link FaultRule}; answers it with its id |
 * | `DELETE /__admin/faults` | removes every fault rule |
 * | `DELETE /__admin/faults/{id}` | removes one |
 * | `GET /__admin/clock` | the bank's time |
 * | `POST /__admin/clock` | `{ "advance": { "days": 1 } }` or `{ "advance": 90000 }` (ms): moves time on and runs what falls due |
 * | `GET /__admin/state` | sessions, applications, loans and disbursements |
 * | `GET /__admin/requests` | the most recent requests the bank answered |
 * | `GET /__admin/webhooks` | the events and every delivery attempt |
 */
const ADMIN_ROUTES: Readonly<Record<string, AdminRoute>> = {
  reset: {
    POST(bank) {
      bank.reset();
      return { status: 204 };
    },
  },
  faults: {
    GET: (bank) => ({ status: 200, body: { object: 'list', data: bank.faults.list() } }),
    async POST(bank, body) {
      const rule = toFaultRule(await body());
      const id = bank.faults.add(rule);
      return { status: 201, body: bank.faults.list().find((active) => active.id === id) };
    },
    DELETE(bank, _body, id) {
      if (id === undefined) {
        bank.faults.clear();
        return { status: 204 };
      }
      if (!bank.faults.remove(id)) throw new MockProblem(404, 'not-found', 'Not found', `No fault rule ${id}; GET /__admin/faults lists them.`);
      return { status: 204 };
    },
  },
  clock: {
    GET: (bank) => ({ status: 200, body: clockOf(bank) }),
    async POST(bank, body) {
      const input = await body();
      const advance = isRecord(input) ? input['advance'] : undefined;
      if (advance === undefined) throw badRequest('Send { "advance": { "days": 1 } } or { "advance": <milliseconds> }.');
      if (typeof advance !== 'number' && !isRecord(advance)) throw badRequest('"advance" is milliseconds or an object of days, hours, minutes and seconds.');
      if (isRecord(advance)) {
        const unknown = Object.keys(advance).find((unit) => !['days', 'hours', 'minutes', 'seconds'].includes(unit));
        if (unknown !== undefined) throw badRequest(`"advance" takes days, hours, minutes and seconds, not "${unknown}".`);
        const odd = Object.entries(advance).find(([, count]) => typeof count !== 'number');
        if (odd) throw badRequest(`"advance.${odd[0]}" must be a number, not ${JSON.stringify(odd[1])}.`);
      }
      try {
        bank.clock.advance(advance as Duration);
      } catch (error) {
        if (error instanceof RangeError) throw badRequest(error.message);
        throw error;
      }
      return { status: 200, body: clockOf(bank) };
    },
  },
  state: {
    GET: (bank) => ({ status: 200, body: stateOf(bank) }),
  },
  requests: {
    GET: (bank) => ({ status: 200, body: { object: 'list', data: bank.requests } }),
  },
  webhooks: {
    GET: (bank) => ({ status: 200, body: { events: bank.webhooks.events, deliveries: bank.webhooks.deliveries } }),
  },
};

/**
 * Every admin route as `METHOD /__admin/…`, as the docs table lists them.
 *
 * @example
 * ```ts
 * adminRouteNames() // ['POST /__admin/reset', 'GET /__admin/faults', …, 'DELETE /__admin/faults/{id}', …]
 * ```
 */
export function adminRouteNames(): string[] {
  return Object.entries(ADMIN_ROUTES).flatMap(([name, route]) => [
    ...Object.keys(route).map((method) => `${method} ${ADMIN_PREFIX}/${name}`),
    ...(name === 'faults' ? [`DELETE ${ADMIN_PREFIX}/faults/{id}`] : []),
  ]);
}

/**
 * Answers one admin request (its path starts with {@link ADMIN_PREFIX}). Never throws: a mistake
 * is a problem-details answer like any other.
 *
 * @example
 * ```ts
 * const response = await handleAdminRequest(bank, new Request(`${bank.baseUrl}/__admin/clock`), 'adm_00000001')
 * await response.json() // { now: '2026-12-03T10:00:00.000Z', frozen: true }
 * ```
 */
export async function handleAdminRequest(bank: MockBank, request: Request, requestId: string): Promise<Response> {
  const headers = { 'x-request-id': requestId, 'cache-control': 'no-store' };
  try {
    const [, name = '', id, ...rest] = new URL(request.url).pathname.slice(ADMIN_PREFIX.length).split('/');
    const route = Object.hasOwn(ADMIN_ROUTES, name) ? ADMIN_ROUTES[name] : undefined;
    const hasId = id !== undefined && id !== '';
    // Only a fault rule has a sub-resource (DELETE /__admin/faults/{id}).
    if (!route || rest.length > 0 || (hasId && name !== 'faults')) {
      throw new MockProblem(404, 'not-found', 'Not found', `No admin route ${new URL(request.url).pathname}. The routes are ${Object.keys(ADMIN_ROUTES).map((each) => `${ADMIN_PREFIX}/${each}`).join(', ')}.`);
    }
    const methods = Object.keys(route).filter((method) => !hasId || method === 'DELETE');
    const run = methods.includes(request.method) ? route[request.method] : undefined;
    if (!run) {
      throw new MockProblem(405, 'method-not-allowed', 'Method not allowed', `${new URL(request.url).pathname} takes ${methods.join(', ')}, not ${request.method}.`, undefined, { allow: methods.join(', ') });
    }
    const answer = await run(bank, () => readJson(request), hasId ? decodeSegment(id) : undefined);
    if (answer.body === undefined) return new Response(null, { status: answer.status, headers });
    return new Response(toJson(answer.body), { status: answer.status, headers: { ...headers, 'content-type': 'application/json' } });
  } catch (error) {
    const problem = error instanceof MockProblem ? error : new MockProblem(500, 'mock-internal-error', 'Mock bank error', `The admin API failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof MockProblem)) console.error('fenqi-mock-server:', error);
    return new Response(JSON.stringify(problem.toProblem(requestId)), { status: problem.status, headers: { ...headers, 'content-type': 'application/problem+json', ...problem.headers } });
  }
}

/** A fault rule from JSON, checked as strictly as the bank checks its options, and a bit more. */
function toFaultRule(input: unknown): FaultRule {
  if (!isRecord(input)) throw badRequest('Send one fault rule as a JSON object, e.g. { "route": "createQuote", "times": 2, "status": 503 }.', 'invalid-fault-rule');
  const unknown = Object.keys(input).find((key) => !FAULT_RULE_KEYS.has(key));
  if (unknown !== undefined) throw badRequest(`A fault rule has no "${unknown}"; it takes ${[...FAULT_RULE_KEYS].join(', ')}.`, 'invalid-fault-rule');
  if (typeof input['route'] !== 'string' || !FAULT_ROUTES.has(input['route'])) {
    throw badRequest(`"route" must be "*", an operation id (createQuote) or "METHOD /path" as in the contract (POST /v1/quotes), not ${JSON.stringify(input['route'])}.`, 'invalid-fault-rule');
  }
  for (const flag of ['network', 'hang'] as const) {
    if (flag in input && input[flag] !== true) throw badRequest(`"${flag}" can only be true.`, 'invalid-fault-rule');
  }
  for (const field of ['times', 'every', 'probability', 'status', 'retryAfter'] as const) {
    if (field in input && typeof input[field] !== 'number') throw badRequest(`"${field}" must be a number, not ${JSON.stringify(input[field])}.`, 'invalid-fault-rule');
  }
  if ('retryAfter' in input && !(Number.isInteger(input['retryAfter']) && (input['retryAfter'] as number) >= 0)) throw badRequest('"retryAfter" is whole seconds ≥ 0.', 'invalid-fault-rule');
  if ('retryAfter' in input && !('status' in input)) throw badRequest('"retryAfter" goes with a "status" (429 or 503).', 'invalid-fault-rule');
  const actions = ['status', 'network', 'latencyMs', 'hang'].filter((action) => action in input);
  if (actions.length > 1) throw badRequest(`A fault rule does one thing; this one has ${actions.join(' and ')}. Add one rule per action.`, 'invalid-fault-rule');
  const latency = input['latencyMs'];
  if ('latencyMs' in input && typeof latency !== 'number' && !(Array.isArray(latency) && latency.length === 2 && latency.every((bound) => typeof bound === 'number'))) {
    throw badRequest('"latencyMs" is milliseconds or [min, max].', 'invalid-fault-rule');
  }
  const rule = input as FaultRule;
  try {
    checkFaultRule(rule);
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : String(error), 'invalid-fault-rule');
  }
  return rule;
}

function clockOf(bank: MockBank): { now: string; frozen: boolean } {
  return { now: bank.clock.iso(), frozen: bank.clock.frozen };
}

/** What the bank remembers, as JSON: the public objects plus what only the bank knows. */
function stateOf(bank: MockBank): unknown {
  const { sessions, applications, loans, disbursements } = bank.state;
  return {
    sessions: [...sessions.values()].map(({ session, clientSecret, rateCard }) => ({ session, clientSecret, rateCardId: rateCard.id })),
    applications: [...applications.values()].map(({ at, ...record }) => ({ ...record, at: new Date(at).toISOString() })),
    loans: [...loans.values()],
    disbursements: [...disbursements.values()],
  };
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > ADMIN_MAX_BODY_BYTES) throw new MockProblem(413, 'payload-too-large', 'Request body too large', `Admin bodies are limited to ${ADMIN_MAX_BODY_BYTES} bytes.`);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new MockProblem(415, 'unsupported-media-type', 'Unsupported media type', `The admin API takes JSON: send "Content-Type: application/json"${type ? `, not "${type}"` : ''}.`);
  }
  if (text.trim() === '') throw badRequest('The body is empty; send a JSON object.', 'malformed-json');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`, 'malformed-json');
  }
}

/** A path segment decoded; a malformed escape stays as it is (and then names nothing: a 404). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function badRequest(detail: string, slug = 'invalid-admin-request'): MockProblem {
  return new MockProblem(400, slug, 'Invalid admin request', detail);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON that survives the odd bigint or Map a record may hold. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item instanceof Map ? Object.fromEntries(item) : item));
}
