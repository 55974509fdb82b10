// Types of partner-server.mjs, for TypeScript callers and tests. The code and its JSDoc are in the .mjs.
import type { PricedCart, Site } from './catalogue.mjs';

export interface PartnerServerOptions {
  /** The bank secret key, `sk_test_…` or `sk_live_…`. */
  readonly secretKey: string;
  /** The publishable key the pages give the widget, `pk_…`. */
  readonly publishableKey: string;
  /** The bank's API, e.g. `http://127.0.0.1:4010`. */
  readonly apiBase: string;
  /** The `whsec_…` secret the bank signs webhooks with. */
  readonly webhookSecret: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** URL prefix ending in `/` → absolute folder, or exact URL → absolute file. */
  readonly static?: Readonly<Record<string, string>>;
  /** The pages' import map, put where a page says `%IMPORT_MAP%` (with `integrity` for SRI). */
  readonly importMap?: { readonly imports: Readonly<Record<string, string>>; readonly integrity?: Readonly<Record<string, string>> };
  /** @default console.log */
  readonly log?: ((line: string) => void) | false;
}

export type OrderStatus = 'awaiting_application' | 'awaiting_decision' | 'confirmed' | 'disbursing' | 'paid' | 'declined' | 'cancelled' | 'failed';

export interface WireMoney {
  readonly value: string;
  readonly currency: string;
}

export interface Order {
  readonly id: string;
  readonly site: Site;
  readonly cart: unknown;
  readonly priced: PricedCart;
  readonly amount: WireMoney;
  readonly status: OrderStatus;
  readonly sessionId: string | null;
  readonly applicationId?: string;
  readonly decision?: { readonly status: 'approved' | 'declined' | 'review' | 'counter_offer'; readonly reasons?: readonly string[]; readonly offer?: WireMoney; readonly expectedAt?: string };
  readonly loanId?: string;
  readonly financed?: WireMoney;
  readonly remainder?: WireMoney;
  readonly failure?: { readonly title: string; readonly detail: string };
  readonly disbursements: readonly { readonly attempt: number; readonly id: string; readonly status: 'pending' | 'succeeded' | 'failed'; readonly failureCode?: string; readonly updatedAt: string }[];
  readonly events: readonly { readonly id: string; readonly type: string; readonly createdAt: string; readonly receivedAt: string; readonly [detail: string]: unknown }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OrderStore {
  get(id: string): Order | undefined;
  list(): Order[];
  findBySession(sessionId: string): Order | undefined;
  findByLoan(loanId: string): Order | undefined;
}

export interface PartnerServer {
  /** The server's origin, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly orders: OrderStore;
  /** Resolves once no bank work started by a webhook is left. */
  settled(): Promise<void>;
  /** Stops listening; work in flight gets up to 5 s to finish. */
  close(): Promise<void>;
}

/** Rejects with an error whose `code` is `EADDRINUSE` when the port is taken. */
export function createPartnerServer(options: PartnerServerOptions): Promise<PartnerServer>;
