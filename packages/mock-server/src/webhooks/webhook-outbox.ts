import { parseContract, signWebhook, WebhookEvent } from '@fenqi/sdk';

/**
 * Where and how the mock bank sends its webhooks.
 *
 * @example
 * ```ts
 * const bank = createMockBank({ webhooks: { url: 'http://localhost:3000/webhooks/fenqi', secret: 'whsec_c2VjcmV0LXRlc3Qta2V5' } })
 * ```
 */
export interface WebhookOptions {
  /** The partner's endpoint. Without it, events only reach {@link WebhookOutbox.on} listeners (browser mode). */
  readonly url?: string;
  /** The signing secret, `whsec_` + base64. @default MOCK_WEBHOOK_SECRET */
  readonly secret?: string;
  /** Waits before each retry of a failed delivery, in milliseconds (a compressed version of the bank's hours). @default [1000, 5000, 25000] */
  readonly retryDelaysMs?: readonly number[];
  /** Per delivery attempt. @default 5000 */
  readonly timeoutMs?: number;
  /** The fetch that delivers. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/**
 * The secret the mock signs with unless told otherwise (`whsec_` + base64 of "fenqi-mock-webhook-secret").
 *
 * @example
 * ```ts
 * const event = await verifyWebhook(body, request.headers, MOCK_WEBHOOK_SECRET)
 * ```
 */
export const MOCK_WEBHOOK_SECRET = 'whsec_ZmVucWktbW9jay13ZWJob29rLXNlY3JldA==';

/**
 * One attempt to deliver one event.
 *
 * @example
 * ```ts
 * bank.webhooks.deliveries.filter((delivery) => !delivery.ok) // what the partner endpoint refused
 * ```
 */
export interface WebhookDelivery {
  readonly eventId: string;
  readonly type: WebhookEvent['type'];
  readonly attempt: number;
  readonly url: string;
  readonly ok: boolean;
  /** The endpoint's HTTP status, when it answered. */
  readonly status?: number;
  /** Why the attempt failed, when it did. */
  readonly error?: string;
  /** Wall-clock time of the attempt. */
  readonly at: string;
}

/**
 * The events of one bank and their deliveries.
 *
 * @example
 * ```ts
 * const stop = bank.webhooks.on((event) => console.log(event.type))
 * await bank.webhooks.settled() // every delivery (and retry) has finished
 * ```
 */
export interface WebhookOutbox {
  /** Every event, oldest first. */
  readonly events: readonly WebhookEvent[];
  /** Every delivery attempt, oldest first. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Calls `listener` with each new event; returns a function that stops it. */
  on(listener: (event: WebhookEvent) => void): () => void;
  /** Resolves when no delivery or retry is pending. */
  settled(): Promise<void>;
  /** The signing secret in use. */
  readonly secret: string;
}

type EventInput = { [Type in WebhookEvent['type']]: { type: Type; data: Extract<WebhookEvent, { type: Type }>['data'] } }[WebhookEvent['type']];

export function createWebhookOutbox(options: WebhookOptions, clock: { iso(): string }, nextId: () => string) {
  const secret = options.secret ?? MOCK_WEBHOOK_SECRET;
  const retryDelaysMs = options.retryDelaysMs ?? [1000, 5000, 25_000];
  const timeoutMs = options.timeoutMs ?? 5000;
  let events: WebhookEvent[] = [];
  let deliveries: WebhookDelivery[] = [];
  const listeners = new Set<(event: WebhookEvent) => void>();
  const pending = new Set<Promise<void>>();
  // Retry waits, each with the function that ends it early (reset).
  const waits = new Map<ReturnType<typeof setTimeout>, () => void>();

  async function deliver(event: WebhookEvent, url: string, attempt: number): Promise<void> {
    const body = JSON.stringify(event);
    const record = (result: { ok: boolean; status?: number; error?: string }) =>
      deliveries.push({ eventId: event.id, type: event.type, attempt, url, at: new Date().toISOString(), ...result });
    try {
      // Signed at delivery time with the wall clock: the partner checks the timestamp against theirs.
      const headers = await signWebhook({ id: event.id, timestamp: Math.floor(Date.now() / 1000), body, secret });
      const response = await (options.fetch ?? fetch)(url, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'fenqi-mock-server' }, signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      record({ ok: response.ok, status: response.status });
      if (response.ok) return;
    } catch (error) {
      record({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    const wait = retryDelaysMs[attempt - 1];
    if (wait === undefined) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, wait);
      waits.set(timer, resolve);
    });
    if (!cancelled && events.includes(event)) await deliver(event, url, attempt + 1);
  }

  /** Ends every retry wait now; the retries then stop (their event is gone or cancelled). */
  let cancelled = false;
  const endWaits = () => {
    for (const [timer, resolve] of waits) {
      clearTimeout(timer);
      resolve();
    }
    waits.clear();
  };

  const outbox: WebhookOutbox & { emit(input: EventInput): WebhookEvent; reset(): void; cancelRetries(): void } = {
    get events() {
      return events;
    },
    get deliveries() {
      return deliveries;
    },
    secret,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    emit(input) {
      const candidate = { id: nextId(), object: 'event', createdAt: clock.iso(), ...input };
      // The mock never sends an event the SDK's verifier would refuse to parse.
      const parsed = parseContract(WebhookEvent, candidate);
      if (!parsed.success) throw new Error(`The mock built an invalid ${input.type} event: ${parsed.error.message}`);
      const event = candidate as WebhookEvent;
      events.push(event);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // A listener's bug must not turn into a failed bank operation.
          console.error('fenqi-mock-server: a webhook listener threw', error);
        }
      }
      if (options.url) {
        const delivery = deliver(event, options.url, 1).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
      return event;
    },
    cancelRetries() {
      cancelled = true;
      endWaits();
    },
    reset() {
      events = [];
      endWaits(); // each retry then sees its event gone and stops
      deliveries = [];
    },
  };
  return outbox;
}
