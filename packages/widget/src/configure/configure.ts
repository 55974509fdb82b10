import type { FenqiClient, RateCard } from '@fenqi/sdk';
import { createClient } from '@fenqi/sdk';

/**
 * The scenarios a rate card is published for.
 *
 * @example
 * ```ts
 * const scenario: FenqiScenario = 'travel'
 * ```
 */
export type FenqiScenario = 'retail' | 'travel' | 'education' | 'medical';

/**
 * Page-level defaults for every placement; an element's own attributes win over them.
 *
 * @example
 * ```ts
 * configure({ publishableKey: 'pk_live_51Hx…', merchant: 'shop-1', locale: 'zh-CN' })
 * ```
 */
export interface FenqiConfiguration {
  /** Your publishable key, `pk_test_…` or `pk_live_…`. */
  readonly publishableKey?: string;
  /** The bank's API origin. @default the SDK's: https://sandbox.fenqi.com for test keys, https://api.fenqi.com for live keys */
  readonly apiBase?: string;
  /** Display language (`zh-CN`, `en-US`, `en-GB`, `ja-JP`), independent of the lending market. @default the nearest `lang` attribute, then the browser's */
  readonly locale?: string;
  /** Your merchant id at the bank. */
  readonly merchant?: string;
  /** The rate cards to use. @default 'retail' */
  readonly scenario?: FenqiScenario;
  /** Currency of every placement that does not set its own. */
  readonly currency?: string;
  /**
   * A nonce for the `<style>` fallback Lit uses where constructable stylesheets are missing
   * (browsers older than 2023); modern browsers need none. Set it before the first element renders.
   */
  readonly nonce?: string;
  /** A `fetch` for the SDK to use instead of the global one (tests, instrumentation). @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

interface WidgetStore {
  config: FenqiConfiguration;
  readonly listeners: Set<() => void>;
  readonly clients: Map<string, FenqiClient>;
  readonly fetchIds: WeakMap<typeof fetch, number>;
  nextFetchId: number;
  /** The last rate card each client returned per query: lets a placement render in its first frame. */
  readonly rateCards: WeakMap<FenqiClient, Map<string, RateCard | null>>;
}

// On globalThis under a registered symbol, not in module scope: when two copies of the widget share
// a page (B17), the registered elements come from the first copy, and configure() from either copy
// must still reach them. Created on first use, so importing stays free of side effects (SSR).
const STORE = Symbol.for('@fenqi/widget/store@1');

/** @internal */
export function widgetStore(): WidgetStore {
  const holder = globalThis as { [STORE]?: WidgetStore };
  holder[STORE] ??= { config: {}, listeners: new Set(), clients: new Map(), fetchIds: new WeakMap(), nextFetchId: 1, rateCards: new WeakMap() };
  return holder[STORE];
}

/**
 * Sets page-level defaults for every `<fenqi-…>` element, present and future, and re-renders the
 * ones on the page. Each call merges into the previous one; pass `undefined` to clear a field.
 *
 * @example
 * ```ts
 * import { configure } from '@fenqi/widget'
 * configure({ publishableKey: 'pk_test_51HxExample', merchant: 'shop-1', scenario: 'retail', locale: 'zh-CN' })
 * ```
 */
export function configure(options: FenqiConfiguration): void {
  const store = widgetStore();
  const next: Record<string, unknown> = { ...store.config };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  store.config = next as FenqiConfiguration;
  if (store.config.nonce !== undefined) {
    // Lit reads this global when it has to fall back to <style> elements.
    (globalThis as { litNonce?: string }).litNonce = store.config.nonce;
  }
  for (const listener of store.listeners) listener();
}

/**
 * The current page-level defaults.
 *
 * @example
 * ```ts
 * if (!configuration().publishableKey) configure({ publishableKey: 'pk_test_51HxExample' })
 * ```
 */
export function configuration(): FenqiConfiguration {
  return widgetStore().config;
}

/** @internal One SDK client per key, API base and fetch, so every placement shares its rate-card cache. */
export function clientFor(publishableKey: string, apiBase: string | undefined, customFetch: typeof fetch | undefined): FenqiClient {
  const store = widgetStore();
  let fetchId = 0;
  if (customFetch) {
    fetchId = store.fetchIds.get(customFetch) ?? store.nextFetchId++;
    store.fetchIds.set(customFetch, fetchId);
  }
  const key = JSON.stringify([publishableKey, apiBase ?? '', fetchId]);
  let client = store.clients.get(key);
  if (!client) {
    client = createClient({ publishableKey, ...(apiBase ? { baseUrl: apiBase } : {}), ...(customFetch ? { fetch: customFetch } : {}) });
    store.clients.set(key, client);
  }
  return client;
}

/** @internal The last rate card seen for a client and query (null: the bank has none). */
export function rememberedRateCards(client: FenqiClient): Map<string, RateCard | null> {
  const store = widgetStore();
  let cards = store.rateCards.get(client);
  if (!cards) store.rateCards.set(client, (cards = new Map()));
  return cards;
}

/** @internal Elements subscribe while connected, to re-render when configure() runs. */
export function onConfigurationChange(listener: () => void): () => void {
  const { listeners } = widgetStore();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** @internal Tests start from a blank page. */
export function resetWidgetStore(): void {
  delete (globalThis as { [STORE]?: WidgetStore })[STORE];
}
