// Calendar days (YYYY-MM-DD) without time or zone: dates of birth, ages and ID birth dates. Shared
// by the checkout (checking as the shopper types) and the mock bank (deciding).

/**
 * A calendar day without time or zone.
 *
 * @example
 * ```ts
 * const birthday: CalendarDate = { year: 1990, month: 3, day: 7 }
 * ```
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * True when the day exists in the proleptic Gregorian calendar (so 1999-02-30 and 1900-02-29 do not).
 *
 * @example
 * ```ts
 * isRealDate(2000, 2, 29) // true
 * isRealDate(1900, 2, 29) // false
 * ```
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Reads `YYYY-MM-DD`; `undefined` for anything else, including days that do not exist.
 *
 * @example
 * ```ts
 * parseCalendarDay('1990-03-07') // { year: 1990, month: 3, day: 7 }
 * parseCalendarDay('1990-02-30') // undefined
 * ```
 */
export function parseCalendarDay(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * `YYYY-MM-DD` for a calendar date.
 *
 * @example
 * ```ts
 * formatCalendarDay({ year: 1990, month: 3, day: 7 }) // '1990-03-07'
 * ```
 */
export function formatCalendarDay({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Negative, zero or positive as `a` is before, on or after `b`.
 *
 * @example
 * ```ts
 * compareDays(parseCalendarDay('2026-12-03')!, parseCalendarDay('2027-01-03')!) < 0 // true
 * ```
 */
export function compareDays(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole years completed between a birth date and `today` (negative when born after today).
 *
 * Someone born on 29 February turns a year older on 1 March in common years, not on 28 February:
 * the cautious reading for an age limit, since it never makes anyone an adult a day early. It falls
 * out of comparing (month, day) pairs, so there is no special case.
 *
 * @example
 * ```ts
 * ageOn(parseCalendarDay('2008-12-04')!, parseCalendarDay('2026-12-03')!) // 17
 * ageOn(parseCalendarDay('2008-12-04')!, parseCalendarDay('2026-12-04')!) // 18
 * ```
 */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const years = today.year - birth.year;
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return hadBirthday ? years : years - 1;
}
