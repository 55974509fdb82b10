import { WebhookEvent } from '../contract/webhook-event.js';
import { toProblemErrors } from '../contract/problem.js';
import { FenqiError } from '../errors/fenqi-error.js';
import { parseContract } from '../contract/messages.js';

/**
 * Why a webhook was refused.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookVerificationError && error.code === 'timestamp-out-of-tolerance') checkServerClock()
 * ```
 */
export type WebhookErrorCode = 'invalid-secret' | 'missing-header' | 'timestamp-out-of-tolerance' | 'invalid-signature' | 'invalid-payload';

/**
 * A webhook failed verification: never act on its content.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookVerificationError) return new Response(null, { status: 400 })
 * ```
 */
export class WebhookVerificationError extends FenqiError {
  override name = 'WebhookVerificationError';
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Standard Webhooks allows five minutes between signing and checking, in either direction. */
const TOLERANCE_SECONDS = 5 * 60;
const encoder = new TextEncoder();

/**
 * Signs a webhook body the Standard Webhooks way (for the mock bank and for partners' tests):
 * HMAC-SHA256 over `id.timestamp.body` with the `whsec_` secret, as `v1,<base64>`.
 *
 * @example
 * ```ts
 * const headers = await signWebhook({ id: 'evt_00000001', timestamp: 1764756000, body, secret: 'whsec_c2VjcmV0LXRlc3Qta2V5' })
 * ```
 */
export async function signWebhook(input: { id: string; timestamp: number; body: string; secret: string }): Promise<Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>> {
  const key = await hmacKey(input.secret);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${input.id}.${input.timestamp}.${input.body}`)));
  return { 'webhook-id': input.id, 'webhook-timestamp': String(input.timestamp), 'webhook-signature': `v1,${toBase64(signature)}` };
}

/**
 * Verifies a webhook from the bank and returns its typed event. Checks the timestamp is within five
 * minutes, then accepts any of the space-separated `v1,` signatures, compared in constant time by
 * Web Crypto (works in Node, browsers and edge runtimes). Pass the raw body text, before any JSON
 * parsing. Deduplicate on `event.id` (= `webhook-id`).
 *
 * @example
 * ```ts
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.FENQI_WEBHOOK_SECRET!)
 * if (event.type === 'disbursement.succeeded') markPaid(event.data.loanId)
 * ```
 */
export async function verifyWebhook(
  body: string,
  headers: Headers | Readonly<Record<string, string | undefined>>,
  secret: string,
  options: { now?: number } = {},
): Promise<WebhookEvent> {
  // Header names are case-insensitive, whatever object carries them.
  const lookup = headers instanceof Headers ? headers : new Headers(Object.entries(headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const header = (name: string) => lookup.get(name) ?? undefined;
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing-header', 'A webhook needs webhook-id, webhook-timestamp and webhook-signature headers.');
  }
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(now - sentAt) <= TOLERANCE_SECONDS)) {
    throw new WebhookVerificationError('timestamp-out-of-tolerance', 'The webhook timestamp is more than five minutes away from now: a replay or a wrong clock.');
  }
  const key = await hmacKey(secret);
  const data = encoder.encode(`${id}.${timestamp}.${body}`);
  let valid = false;
  for (const candidate of signatures.split(' ')) {
    const [version, encoded] = candidate.split(',');
    const bytes = version === 'v1' && encoded ? fromBase64(encoded) : undefined;
    if (bytes && (await crypto.subtle.verify('HMAC', key, bytes, data))) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('invalid-signature', 'No webhook signature matches: wrong secret, or the body was changed.');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new WebhookVerificationError('invalid-payload', 'The signed webhook body is not JSON.');
  }
  const parsed = parseContract(WebhookEvent, json);
  if (!parsed.success) {
    throw new WebhookVerificationError('invalid-payload', `The webhook event does not match the contract: ${toProblemErrors(parsed.error).map((issue) => `${issue.pointer} ${issue.detail}`).join('; ')}`);
  }
  if (parsed.data.id !== id) throw new WebhookVerificationError('invalid-payload', 'The event id differs from the webhook-id header.');
  return parsed.data;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const bytes = typeof secret === 'string' && secret.startsWith('whsec_') ? fromBase64(secret.slice('whsec_'.length)) : undefined;
  if (!bytes || bytes.length < 16) throw new WebhookVerificationError('invalid-secret', 'A webhook secret looks like whsec_ followed by at least 16 base64-encoded bytes.');
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}
