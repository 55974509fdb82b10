import { LitElement } from 'lit';
import type { FenqiEventDetails } from '../events/events.js';
import { FENQI_VERSION } from '../version.js';
import { defineElement } from './define-element.js';

/**
 * What every Fenqi element shares: its version, a guarded `define()` and the `emit()` helper.
 *
 * @example
 * ```ts
 * class ShopOffer extends FenqiOffer {}
 * ShopOffer.define('shop-offer') // never throws if the tag is taken
 * ```
 */
export abstract class FenqiElement extends LitElement {
  /** The widget version this class belongs to (compared on a double define). */
  static readonly version: string = FENQI_VERSION;

  /** Registers the class under `tag` once; a second copy only warns on a version mismatch (B17). */
  static define(tag: string): void {
    defineElement(tag, this as unknown as CustomElementConstructor & { readonly version?: string });
  }

  /** Dispatches a typed event that bubbles and crosses shadow roots (B21). */
  protected emit<K extends keyof FenqiEventDetails>(name: K, detail: FenqiEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, detail }));
  }
}
