import { FenqiError } from '../errors/fenqi-error.js';
import type { Transport } from '../http/transport.js';
import { createTransport, normaliseBaseUrl } from '../http/transport.js';

/** The bank's production API. Any other base URL is a test environment (sandbox or mock). */
export const LIVE_BASE_URL = 'https://api.fenqi.com';
/** The bank's sandbox, the default for test keys. */
export const SANDBOX_BASE_URL = 'https://sandbox.fenqi.com';

/**
 * Checks a key's kind and mode against the base URL and returns the base URL to use: test keys
 * never reach the live API and live keys never leave it, so a mix-up fails before any request.
 */
export function baseUrlForKey(key: unknown, kind: 'pk' | 'sk', baseUrl: string | undefined): string {
  const name = kind === 'pk' ? 'publishableKey' : 'secretKey';
  if (typeof key !== 'string' || !new RegExp(`^${kind}_(test|live)_[A-Za-z0-9]{8,}$`).test(key)) {
    const secretInBrowser = kind === 'pk' && typeof key === 'string' && key.startsWith('sk_');
    throw new FenqiError(
      secretInBrowser
        ? 'A secret key (sk_…) must never be used in a browser client: use your publishable key (pk_…) here and keep the secret key on your server.'
        : `${name} must look like ${kind}_test_… or ${kind}_live_….`,
    );
  }
  const live = key.startsWith(`${kind}_live_`);
  const url = normaliseBaseUrl(baseUrl ?? (live ? LIVE_BASE_URL : SANDBOX_BASE_URL));
  // Compare origins after parsing: "HTTPS://API.fenqi.com:443/v1/.." is the live API too.
  const liveUrl = new URL(url).origin === new URL(LIVE_BASE_URL).origin;
  if (live !== liveUrl) {
    throw new FenqiError(live ? `A live key cannot be used against ${url}: use a ${kind}_test_ key there.` : `A test key cannot be used against the live API (${LIVE_BASE_URL}).`);
  }
  return url;
}

/** What both clients pass on to their transport. */
interface TransportChoices {
  readonly baseUrl?: string | undefined;
  readonly timeout?: number | undefined;
  readonly totalTimeout?: number | undefined;
  readonly maxRetries?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/** The transport for a checked key, with the client's own defaults for what the caller left out. */
export function transportForKey(key: string, kind: 'pk' | 'sk', choices: TransportChoices, defaults: { timeout: number; totalTimeout: number }): Transport {
  return createTransport({
    apiKey: key,
    baseUrl: baseUrlForKey(key, kind, choices.baseUrl),
    timeout: choices.timeout ?? defaults.timeout,
    totalTimeout: choices.totalTimeout ?? defaults.totalTimeout,
    maxRetries: choices.maxRetries ?? 2,
    fetch: choices.fetch,
  });
}
