/**
 * Faults on demand: slow answers, errors, dropped connections and hangs, per route and per call
 * count, so a partner can watch their retries work ("fail twice, then succeed").
 */

/**
 * What a fault does to a request.
 *
 * @example
 * ```ts
 * const actions: FaultAction[] = [{ status: 503 }, { status: 429, retryAfter: 2 }, { network: true }, { latencyMs: [100, 400] }, { hang: true }]
 * ```
 */
export type FaultAction =
  /** Answer with this HTTP status as a problem (a 429 or 503 may carry `Retry-After`, in seconds). */
  | { readonly status: number; readonly retryAfter?: number }
  /** Drop the connection: the client sees a network error. */
  | { readonly network: true }
  /** Answer normally, after this many milliseconds (or a uniform random time between two bounds). */
  | { readonly latencyMs: number | readonly [min: number, max: number] }
  /** Never answer: the client's timeout has to save it. */
  | { readonly hang: true };

/**
 * A fault and the calls it hits.
 *
 * @example
 * ```ts
 * bank.faults.add({ route: 'createDisbursement', times: 2, status: 503 })    // fail twice, then succeed
 * bank.faults.add({ route: 'GET /v1/products', latencyMs: [200, 800] })     // every call slow
 * bank.faults.add({ route: '*', probability: 0.05, network: true })         // 5 % of calls dropped
 * ```
 */
export type FaultRule = {
  /** An operation id (`createQuote`), `METHOD /path` as in the contract (`POST /v1/quotes`), or `*` for every route. */
  readonly route: string;
  /** Hit only the first this-many matching calls. */
  readonly times?: number;
  /** Hit every n-th matching call (the n-th, 2n-th, …). */
  readonly every?: number;
  /** Hit each matching call with this probability (from the bank's seeded random numbers). */
  readonly probability?: number;
} & FaultAction;

/** The request a fault is matched against. */
export interface FaultTarget {
  readonly operationId: string;
  /** `POST /v1/quotes`, with placeholders as in the contract. */
  readonly route: string;
}

/**
 * The faults of one mock bank.
 *
 * @example
 * ```ts
 * const id = bank.faults.add({ route: 'createQuote', times: 1, status: 500 })
 * bank.faults.remove(id)
 * ```
 */
export interface Faults {
  /** Adds a rule; returns its id. Throws a RangeError for a rule that could never make sense. */
  add(rule: FaultRule): string;
  remove(id: string): boolean;
  clear(): void;
  list(): readonly (FaultRule & { readonly id: string; readonly hits: number })[];
}

interface ActiveRule {
  readonly id: string;
  readonly rule: FaultRule;
  matched: number;
  hits: number;
}

/** Checks a rule before it is stored, so a typo fails where it is written, not in a later test. */
export function checkFaultRule(rule: FaultRule): void {
  const count = (value: number | undefined, name: string) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new RangeError(`Fault "${name}" must be a whole number of at least 1, not ${value}.`);
  };
  if (typeof rule.route !== 'string' || rule.route === '') throw new RangeError('A fault needs a route: an operation id, "METHOD /path" or "*".');
  count(rule.times, 'times');
  count(rule.every, 'every');
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new RangeError(`Fault "probability" must be between 0 and 1, not ${rule.probability}.`);
  if ('status' in rule && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) throw new RangeError(`A fault status must be an HTTP error from 400 to 599, not ${rule.status}.`);
  if ('network' in rule && rule.network !== true) throw new RangeError('A network fault is written { network: true }.');
  if ('hang' in rule && rule.hang !== true) throw new RangeError('A hang is written { hang: true }.');
  if ('latencyMs' in rule) {
    const [min, max] = typeof rule.latencyMs === 'number' ? [rule.latencyMs, rule.latencyMs] : rule.latencyMs;
    if (!(min >= 0 && max >= min && Number.isFinite(max))) throw new RangeError(`Fault latency must be milliseconds ≥ 0 (or [min, max] with min ≤ max), not ${JSON.stringify(rule.latencyMs)}.`);
  }
  if (!('status' in rule) && !('network' in rule) && !('latencyMs' in rule) && !('hang' in rule)) throw new RangeError('A fault needs an action: status, network, latencyMs or hang.');
}

/** The fault store and matcher of one bank. */
export function createFaults(random: () => number): Faults & { match(target: FaultTarget): FaultAction[] } {
  let rules: ActiveRule[] = [];
  let next = 1;
  return {
    add(rule) {
      checkFaultRule(rule);
      const id = `fault_${next++}`;
      rules.push({ id, rule: { ...rule }, matched: 0, hits: 0 });
      return id;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((active) => active.id !== id);
      return rules.length < before;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((active) => ({ ...active.rule, id: active.id, hits: active.hits })),
    match(target) {
      const actions: FaultAction[] = [];
      for (const active of rules) {
        const { rule } = active;
        if (rule.route !== '*' && rule.route !== target.operationId && rule.route !== target.route) continue;
        active.matched += 1;
        const hit =
          (rule.times === undefined || active.matched <= rule.times) &&
          (rule.every === undefined || active.matched % rule.every === 0) &&
          (rule.probability === undefined || random() < rule.probability);
        if (!hit) continue;
        active.hits += 1;
        actions.push(rule);
      }
      return actions;
    },
  };
}

/**
 * Reads the `Fenqi-Mock-Fault` request header: a comma-separated list of `503`, `429:2`
 * (Retry-After 2 s), `network`, `hang`, `latency:300` or `latency:100-500`, each optionally
 * followed by `*N` (only the first N calls that carry this header for this route and key).
 * Returns undefined for a header it cannot read, so the caller can answer 400.
 *
 * @example
 * ```ts
 * parseFaultHeader('503*2')        // [{ action: { status: 503 }, times: 2 }]
 * parseFaultHeader('latency:250')  // [{ action: { latencyMs: 250 } }]
 * ```
 */
export function parseFaultHeader(header: string): { action: FaultAction; times?: number }[] | undefined {
  const faults: { action: FaultAction; times?: number }[] = [];
  for (const item of header.split(',').map((part) => part.trim())) {
    const match = /^(?:(\d{3})(?::(\d{1,5}))?|(network)|(hang)|latency:(\d{1,6})(?:-(\d{1,6}))?)(?:\*(\d{1,4}))?$/.exec(item);
    if (!match) return undefined;
    const [, status, retryAfter, network, hang, low, high, times] = match;
    let action: FaultAction;
    if (status) {
      if (Number(status) < 400 || Number(status) > 599) return undefined;
      action = retryAfter ? { status: Number(status), retryAfter: Number(retryAfter) } : { status: Number(status) };
    } else if (network) action = { network: true };
    else if (hang) action = { hang: true };
    else {
      const min = Number(low);
      const max = high === undefined ? min : Number(high);
      if (max < min) return undefined;
      action = { latencyMs: high === undefined ? min : [min, max] };
    }
    if (times !== undefined && Number(times) < 1) return undefined;
    faults.push(times === undefined ? { action } : { action, times: Number(times) });
  }
  return faults;
}
