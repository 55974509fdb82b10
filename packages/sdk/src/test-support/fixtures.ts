import type { ApplicationCreate } from '../contract/application.js';

/** A complete, valid application body (the shopper of the Chinese-market tests). */
export const APPLICATION: ApplicationCreate = {
  clientSecret: 'cs_abc123_secret_xyz789',
  planId: 'plan_12m0000',
  applicant: {
    name: '李雷',
    dateOfBirth: '1990-05-01',
    email: 'li.lei@example.com',
    mobile: '+8613800138000',
    monthlyIncome: { value: '15000.00', currency: 'CNY' },
    employment: 'employed',
    housing: 'rent',
    existingMonthlyDebt: { value: '0', currency: 'CNY' },
  },
  consent: { creditCheck: true, termsVersion: '2026-11', privacyVersion: '2026-11', acceptedAt: '2026-12-03T10:00:00+08:00' },
};

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
