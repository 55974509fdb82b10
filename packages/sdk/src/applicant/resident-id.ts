import { formatCalendarDay, isRealDate } from './calendar-day.js';

// Chinese resident identity card number (GB 11643-1999). The browser checks it as the shopper
// types and the bank checks it again, with this one implementation.

/**
 * Why {@link parseResidentId} refused a number.
 *
 * @example
 * ```ts
 * const result = parseResidentId(text)
 * const failure: ResidentIdFailure | undefined = result.valid ? undefined : result.failure // 'checksum', …
 * ```
 */
export type ResidentIdFailure = 'length' | 'characters' | 'birth-date' | 'checksum';

/**
 * What {@link parseResidentId} reads from a valid number, or why it is not one.
 *
 * @example
 * ```ts
 * const result: ResidentIdResult = parseResidentId('110101199003074477')
 * ```
 */
export type ResidentIdResult =
  | {
      readonly valid: true;
      /** The number with a lower-case check character upper-cased. */
      readonly id: string;
      /** The six-digit administrative division code of the place of first registration. */
      readonly region: string;
      /** `YYYY-MM-DD` from digits 7–14. */
      readonly birthDate: string;
      /** From digit 17: odd is male, even is female. */
      readonly sex: 'male' | 'female';
    }
  | { readonly valid: false; readonly failure: ResidentIdFailure; readonly message: string };

// ISO 7064 MOD 11-2: digit i (0-based, left to right) weighs 2^(17−i) mod 11, and the check
// character is the one that makes the weighted sum of all 18 congruent to 1 mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/**
 * Reads an 18-character Chinese resident identity number (GB 11643-1999): 6 digits of region,
 * 8 of birth date, 3 of sequence (odd for men) and an ISO 7064 MOD 11-2 check character, `0`–`9`
 * or `X`. A lower-case `x` is accepted as `X`, as most forms do. The birth date must exist (no
 * 30 February, no 29 February 1900) and be in 1900 or later; whether it lies in the future is
 * for the caller, who knows today's date. The region code is not checked against the national
 * table, which changes every year.
 *
 * @example
 * ```ts
 * parseResidentId('11010519491231002X')
 * // { valid: true, id: '11010519491231002X', region: '110105', birthDate: '1949-12-31', sex: 'female' }
 * parseResidentId('110105199902300012')
 * // { valid: false, failure: 'birth-date', message: 'The birth date 19990230 in the ID does not exist.' }
 * ```
 */
export function parseResidentId(id: string): ResidentIdResult {
  if (id.length !== 18) {
    return { valid: false, failure: 'length', message: `A resident ID has 18 characters; this one has ${id.length}.` };
  }
  const normalised = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalised)) {
    return { valid: false, failure: 'characters', message: 'A resident ID is 17 digits followed by a digit or X.' };
  }
  const year = Number(normalised.slice(6, 10));
  const month = Number(normalised.slice(10, 12));
  const day = Number(normalised.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) {
    return { valid: false, failure: 'birth-date', message: `The birth date ${normalised.slice(6, 14)} in the ID does not exist.` };
  }
  const expected = residentIdCheckCharacter(normalised.slice(0, 17));
  if (normalised[17] !== expected) {
    return { valid: false, failure: 'checksum', message: `The check character should be ${expected}, not ${normalised[17]}.` };
  }
  return {
    valid: true,
    id: normalised,
    region: normalised.slice(0, 6),
    birthDate: formatCalendarDay({ year, month, day }),
    sex: Number(normalised[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * The check character (`0`–`9` or `X`) that completes the first 17 digits of a resident ID: for
 * test data that passes GB 11643, such as an ID for a persona's date of birth.
 *
 * @example
 * ```ts
 * const id = `11010519900307123${residentIdCheckCharacter('11010519900307123')}` // '110105199003071239'
 * ```
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`17 digits expected, not ${JSON.stringify(first17)}.`);
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index++) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11]!;
}
