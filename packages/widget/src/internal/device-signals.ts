import type { ApplicationCreate } from '@fenqi/sdk';

type DeviceSignals = NonNullable<ApplicationCreate['device']>;

/**
 * The device signals sent with an application, gathered by this code alone (no third-party
 * script) and only once the shopper has consented: the language, the time zone, the screen
 * size, and a fingerprint that is a SHA-256 of those and a few more properties the browser shows
 * every page anyway. Nothing is stored. Undefined where Web Crypto is missing (insecure origins):
 * the bank then decides without them.
 */
export async function deviceSignals(): Promise<DeviceSignals | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const nav = globalThis.navigator;
  const screenSize = globalThis.screen ? `${globalThis.screen.width}x${globalThis.screen.height}` : undefined;
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const traits = [nav?.userAgent, nav?.language, (nav?.languages ?? []).join(','), nav?.hardwareConcurrency, timezone, screenSize, globalThis.screen?.colorDepth, globalThis.devicePixelRatio];
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(traits))));
  const fingerprint = Array.from(digest.slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return {
    fingerprint,
    ...(nav?.language ? { language: nav.language.slice(0, 35) } : {}),
    ...(timezone ? { timezone: timezone.slice(0, 64) } : {}),
    ...(screenSize && /^\d{2,5}x\d{2,5}$/.test(screenSize) ? { screen: screenSize } : {}),
  };
}
