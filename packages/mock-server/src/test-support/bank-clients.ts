import { createClient } from '@fenqi/sdk';
import { createServerClient } from '@fenqi/sdk/server';
import { createMockBank } from '../bank/create-mock-bank.js';
import type { MockBankOptions } from '../bank/create-mock-bank.js';

export const PUBLISHABLE_KEY = 'pk_test_shop1publishable';
export const SECRET_KEY = 'sk_test_shop1secret0001';

/** A frozen-clock bank and the two SDK clients a partner would use, wired to it without a server. */
export function bankWithClients(options: MockBankOptions = {}) {
  const bank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true }, ...options });
  const common = { baseUrl: bank.baseUrl, fetch: bank.fetch, maxRetries: 0 } as const;
  const browser = createClient({ publishableKey: PUBLISHABLE_KEY, ...common });
  // dangerouslyAllowBrowser: these tests also run in Chromium, where the partner server is simulated.
  const server = createServerClient({ secretKey: SECRET_KEY, ...common, dangerouslyAllowBrowser: true });
  return { bank, browser, server };
}

/** A raw request to the bank, as any HTTP client could send it. */
export function raw(bank: { baseUrl: string; fetch: typeof fetch }, method: string, path: string, init: { body?: string; headers?: Record<string, string>; key?: string | null } = {}) {
  const headers: Record<string, string> = { ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? SECRET_KEY}` }), ...init.headers };
  return bank.fetch(`${bank.baseUrl}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
}

/** An applicant who passes every rule and scores well, in China. */
export const GOOD_APPLICANT = {
  name: '李华',
  dateOfBirth: '1990-03-07',
  email: 'li.hua@example.com',
  mobile: '+8613800138000',
  monthlyIncome: { value: '25000.00', currency: 'CNY' },
  employment: 'employed',
  housing: 'own',
  existingMonthlyDebt: { value: '1000.00', currency: 'CNY' },
} as const;

export const CONSENT = { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00Z' } as const;

/** The error a call failed with; fails the test when the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail.');
}
