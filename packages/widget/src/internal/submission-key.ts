/**
 * The idempotency key of a checkout session's application: made once, reused by every retry, a
 * second click and a reload, so one session can never create two applications. It is kept in
 * sessionStorage (this tab only, gone when the tab closes) under the session id; it is a random
 * UUID and says nothing about the shopper, whose details are never stored. Where storage is
 * blocked, the key lives as long as the page.
 */
const memory = new Map<string, string>();

export function submissionKey(sessionId: string): string {
  const name = `fenqi-checkout:${sessionId}`;
  const stored = read(name);
  const key = stored ?? memory.get(name) ?? `fenqi-app-${globalThis.crypto.randomUUID()}`;
  if (stored !== key) write(name, key);
  memory.set(name, key);
  return key;
}

function read(name: string): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(name: string, key: string): void {
  try {
    globalThis.sessionStorage?.setItem(name, key);
  } catch {
    // Storage blocked (privacy mode, sandboxed frame): the in-memory key still covers retries and clicks.
  }
}
