/** A calendar date as days since 1970-01-01 plus its parts (UTC, no time of day). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly epochDay: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, for any year. Not `Date.UTC`, which reads
 * years 0–99 as 1900–1999.
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year; // count years from March, so leap days come last
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Reads `YYYY-MM-DD`, or returns `undefined` for anything else, including 2025-02-30. */
export function parseIsoDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, epochDay: epochDayOf(year, month, day) };
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The date `months` months after `date`, on `anchorDay` (default: the date's own day) or the last
 * day of the month when that month is shorter (Jan 31 + 1 month → Feb 28/29).
 */
export function addMonths(date: CalendarDate, months: number, anchorDay = date.day): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(anchorDay, daysInMonth(year, month));
  return { year, month, day, epochDay: epochDayOf(year, month, day) };
}

/**
 * Whole months from `from` to `to` counted back from `to`, and the days left over at the start.
 * A month-end `to` stands for the later day of `from` (Jan 31 → Feb 28 is one month, and so is
 * Jan 30 → Feb 28), since a shorter month has no such day.
 */
export function monthsAndDaysBetween(from: CalendarDate, to: CalendarDate): { months: number; days: number } {
  const anchorDay = isMonthEnd(to) ? Math.max(to.day, from.day) : to.day;
  let months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  let start: CalendarDate;
  do {
    months -= 1;
    start = addMonths(to, -months, anchorDay);
  } while (months > 0 && start.epochDay < from.epochDay);
  return { months, days: start.epochDay - from.epochDay };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isMonthEnd(date: CalendarDate): boolean {
  return date.day === daysInMonth(date.year, date.month);
}
