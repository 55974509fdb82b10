/**
 * `@fenqi/core`: exact money, instalment schedules and disclosed annual rates. No runtime
 * dependencies; runs in browsers and Node.
 *
 * @packageDocumentation
 * @module @fenqi/core
 */

// money
export { currencyCodes, currencyExponent, isCurrencyCode } from './money/currency.js';
export { addMoney, compareMoney, MAX_MINOR_UNITS, moneyFromMinor, parseMoney, subtractMoney, toDecimalString } from './money/money.js';
export type { Money } from './money/money.js';
export { formatMoney } from './money/format-money.js';
export type { FormatMoneyOptions } from './money/format-money.js';
export { allocate } from './money/allocate.js';

// rounding
export type { RoundingMode } from './arithmetic/rounding.js';

// schedules
export { buildSchedule, dueDates, scheduleCashFlows } from './schedule/build-schedule.js';
export type { DayCount, Instalment, Schedule, ScheduleInput, ScheduleMethod, ScheduleTotals } from './schedule/schedule-types.js';
export { feePer100 } from './schedule/fee-per-hundred.js';

// annual rates
export { annualRate } from './annual-rate/annual-rate.js';
export type { AnnualRateInput, AnnualRates, CashFlow, TimeBasis } from './annual-rate/annual-rate.js';
export { disclosedRate, roundPercent } from './annual-rate/disclosed-rate.js';
export type { DisclosedRate, RateMarket } from './annual-rate/disclosed-rate.js';

// errors
export { FenqiCoreError } from './errors/fenqi-core-error.js';
export { isMoneyError, MoneyError } from './errors/money-error.js';
export type { MoneyErrorCode } from './errors/money-error.js';
export { isScheduleError, ScheduleError } from './errors/schedule-error.js';
export type { ScheduleErrorCode } from './errors/schedule-error.js';
export { AnnualRateError, isAnnualRateError } from './errors/annual-rate-error.js';
export type { AnnualRateErrorCode } from './errors/annual-rate-error.js';
export { FENQI_VERSION } from './version.js';
