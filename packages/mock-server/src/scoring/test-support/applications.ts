import { buildSchedule, parseMoney } from '@fenqi/core';
import type { Money, ScheduleInput } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import type { ApplicationFacts } from '../assess-application.js';

/**
 * Appends the GB 11643 check character to 17 digits. Written apart from the code under test
 * (weights computed as 2^(17−i) mod 11, the check value solved from "sum ≡ 1 mod 11") so the two
 * can check each other.
 */
export function withCheckCharacter(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new Error(`17 digits expected, got ${body}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
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
