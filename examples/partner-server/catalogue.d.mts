// Types of catalogue.mjs, for TypeScript pages and tests. The code and its JSDoc are in the .mjs.

export type Site = 'shop' | 'travel' | 'education';

/** Why a cart cannot be priced: a stable `code`, and `field`, a JSON Pointer into `{ site, cart }`. */
export class CartError extends Error {
  constructor(code: string, field: string, message: string);
  readonly code: string;
  readonly field: string;
}

/** shop: 1–20 lines of a sku + variant, quantity 1–10; `standard`, `express` or `next-day` shipping. */
export interface ShopCart {
  readonly items: readonly { readonly sku: string; readonly variant: string; readonly quantity: number }[];
  readonly shipping: string;
  readonly discountCode?: string;
}
/** travel: 1–6 travellers, nights within the trip's range. */
export interface TravelCart {
  readonly trip: string;
  readonly travellers: number;
  readonly nights: number;
  readonly insurance: boolean;
}
export interface EducationCart {
  readonly course: string;
  readonly materials: boolean;
}

/** A priced cart: decimal strings in major units of `currency`. */
export interface PricedCart {
  readonly site: Site;
  readonly currency: string;
  readonly lines: readonly { readonly label: string; readonly amount: string }[];
  readonly subtotal: string;
  readonly discountCode: string | null;
  readonly discount: string;
  /** `null` where nothing is shipped. */
  readonly shipping: string | null;
  /** The VAT contained in the total; `null` where none is shown. */
  readonly tax: string | null;
  readonly total: string;
}

interface CatalogueBase {
  readonly site: Site;
  readonly name: string;
  readonly merchant: string;
  readonly scenario: 'retail' | 'travel' | 'education';
  readonly currency: string;
  readonly locale: string;
}
export interface ShopCatalogue extends CatalogueBase {
  readonly site: 'shop';
  readonly vatIncluded: { readonly label: string; readonly percent: number };
  readonly quantity: { readonly min: number; readonly max: number };
  readonly products: readonly { readonly sku: string; readonly name: string; readonly variants: readonly { readonly id: string; readonly name: string; readonly price: string }[] }[];
  readonly shipping: readonly { readonly id: string; readonly name: string; readonly price: string }[];
}
export interface TravelCatalogue extends CatalogueBase {
  readonly site: 'travel';
  readonly travellers: { readonly min: number; readonly max: number };
  readonly travellersPerRoom: number;
  readonly trips: readonly {
    readonly id: string;
    readonly name: string;
    readonly flight: { readonly name: string; readonly pricePerTraveller: string };
    readonly hotel: { readonly name: string; readonly pricePerRoomPerNight: string };
    readonly nights: { readonly min: number; readonly max: number };
    readonly insurance: { readonly name: string; readonly pricePerTraveller: string };
  }[];
}
export interface EducationCatalogue extends CatalogueBase {
  readonly site: 'education';
  readonly courses: readonly {
    readonly id: string;
    readonly name: string;
    readonly tuition: string;
    readonly registrationFee: string;
    readonly materials: { readonly name: string; readonly price: string };
  }[];
}
export type Catalogue = ShopCatalogue | TravelCatalogue | EducationCatalogue;

export const SITES: readonly Site[];
export const MERCHANTS: Readonly<Record<Site, string>>;
export function catalogueFor(site: 'shop'): ShopCatalogue;
export function catalogueFor(site: 'travel'): TravelCatalogue;
export function catalogueFor(site: 'education'): EducationCatalogue;
export function catalogueFor(site: string): Catalogue | undefined;
export function priceCart(site: string, cart: unknown): PricedCart;
