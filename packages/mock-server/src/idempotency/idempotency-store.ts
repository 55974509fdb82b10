import { MockProblem } from '../http/problem-response.js';

/** A stored answer, replayed byte for byte for a retry with the same key and body. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly json?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

type Entry = { readonly fingerprint: string; readonly expiresAt: number } & ({ readonly state: 'in-flight' } | { readonly state: 'done'; readonly answer: StoredAnswer });

/**
 * How long a key is remembered, as the bank publishes it (IETF draft: servers state their expiry).
 *
 * @example
 * ```ts
 * bank.clock.advance(IDEMPOTENCY_KEY_TTL_MS) // the key is forgotten: the same key now creates anew
 * ```
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/**
 * Idempotency keys as the IETF `Idempotency-Key` draft describes them: the same key and body get
 * the stored answer again (`Idempotent-Replayed: true`); the same key with another body is a 422;
 * a key whose first request is still running is a 409. Only successful answers are stored, so a
 * retry after a 5xx or a refused request really tries again (decision of the bank API).
 */
export function createIdempotencyStore(now: () => number) {
  const entries = new Map<string, Entry>();

  return {
    /**
     * Runs `work` once per key: replays a stored answer, or refuses a reuse or a concurrent retry.
     * `scope` separates keys of different API keys and operations.
     */
    async run(scope: string, key: string, fingerprint: string, work: () => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed: boolean }> {
      const id = `${scope}\n${key}`;
      const existing = entries.get(id);
      if (existing && existing.expiresAt > now()) {
        if (existing.fingerprint !== fingerprint) {
          throw new MockProblem(422, 'idempotency-key-reused', 'Idempotency key reused', 'This Idempotency-Key was first used with another request body. Use a new key for a new request.');
        }
        if (existing.state === 'in-flight') {
          throw new MockProblem(409, 'idempotency-request-in-flight', 'Request still in progress', 'The first request with this Idempotency-Key has not finished yet; retry shortly.', undefined, { 'retry-after': '1' });
        }
        return { ...existing.answer, replayed: true };
      }
      const expiresAt = now() + IDEMPOTENCY_KEY_TTL_MS;
      entries.set(id, { fingerprint, expiresAt, state: 'in-flight' });
      try {
        const answer = await work();
        if (answer.status < 300) entries.set(id, { fingerprint, expiresAt, state: 'done', answer });
        else entries.delete(id);
        return { ...answer, replayed: false };
      } catch (error) {
        entries.delete(id);
        throw error;
      }
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * A body's fingerprint that ignores key order and white space, so a client that re-serialises the
 * same request still matches.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
