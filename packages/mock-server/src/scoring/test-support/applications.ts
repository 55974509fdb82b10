import { buildSchedule, parseMoney } from '@fenqi/core';
import type { Money, ScheduleInput } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import { residentIdCheckCharacter } from '@fenqi/sdk';
import type { ApplicationFacts } from '../assess-application.js';

/** Appends the GB 11643 check character to 17 digits (the SDK's own check is tested against an independent oracle). */
export function withCheckCharacter(body: string): string {
  return body + residentIdCheckCharacter(body);
}

/** The mock clock the tests run at: 3 December 2026, 10:00 in Beijing. */
export const TODAY = '2026-12-03';
export const NOW = Date.parse('2026-12-03T10:00:00+08:00');
export const HOUR = 3_600_000;

/** The SDK fixtures' shopper: a salaried 36-year-old in Beijing, no debts. */
export const LI_LEI: Applicant = {
  name: '李雷',
  dateOfBirth: '1990-05-01',
  email: 'li.lei@example.com',
  mobile: '+8613800138000',
  monthlyIncome: { value: '15000.00', currency: 'CNY' },
  employment: 'employed',
  housing: 'rent',
  existingMonthlyDebt: { value: '0', currency: 'CNY' },
};

/** A plan as the catalogue would offer it; the default is the SDK tests' 12-month 0.6 % fee plan. */
export type TestPlan = Omit<ScheduleInput, 'principal'>;
export const TWELVE_MONTHS_FEE: TestPlan = { termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' };

/** The largest instalment of `plan` for `amount`, from @fenqi/core as the mock bank computes it. */
export function largestPayment(amount: Money, plan: TestPlan = TWELVE_MONTHS_FEE): Money {
  const { instalments } = buildSchedule({ ...plan, principal: amount });
  return instalments.reduce((largest, row) => (row.payment.minor > largest.minor ? row.payment : largest), { minor: 0n, currency: amount.currency });
}

/** A plan minimum like the catalogue's: ¥600, 100 of the dollar, euro and pound, ¥10,000. */
export function minAmountFor(currency: string): Money {
  const minimum: Record<string, string> = { CNY: '600', USD: '100', EUR: '100', GBP: '100', JPY: '10000' };
  return parseMoney(minimum[currency] ?? '100', currency);
}

/** Facts for an application in CNY with Li Lei as the default applicant. */
export function factsFor(overrides: Partial<ApplicationFacts> & { plan?: TestPlan } = {}): ApplicationFacts {
  const { plan = TWELVE_MONTHS_FEE, ...rest } = overrides;
  const amount = rest.amount ?? parseMoney('4999.00', 'CNY');
  return {
    applicant: LI_LEI,
    amount,
    minAmount: minAmountFor(amount.currency),
    scenario: 'retail',
    market: 'CN',
    termMonths: plan.termMonths,
    largestPayment: largestPayment(amount, plan),
    today: TODAY,
    now: NOW,
    ...rest,
  };
}
