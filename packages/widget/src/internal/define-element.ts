/**
 * Registers a custom element unless the tag is already taken, so a page that loads the widget
 * twice (two micro-frontends, the npm build beside the CDN build) never throws
 * "name already used" (B17). A copy of another version is not registered: the first one wins,
 * and a console warning names both versions. Does nothing where there is no registry (SSR).
 */
export function defineElement(tag: string, constructor: CustomElementConstructor & { readonly version?: string }): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & { readonly version?: string }) | undefined;
  if (!existing) {
    registry.define(tag, constructor);
    return;
  }
  if (existing === constructor || existing.version === constructor.version) return;
  console.warn(
    `[fenqi] <${tag}> is already defined by @fenqi/widget ${existing.version ?? '(unknown version)'}; ` +
      `this copy (${constructor.version ?? 'unknown'}) is not registered and every <${tag}> uses the first one. Load one copy per page.`,
  );
}
