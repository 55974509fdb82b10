import type { RateMarket } from '@fenqi/core';
import { ageOn, compareDays, mobileNumberProblem, parseCalendarDay, parseResidentId } from '@fenqi/sdk';
import type { Applicant } from '@fenqi/sdk';
import type { DeclineCode } from './reasons.js';

/** The minimum age to borrow, in every market the mock serves. */
export const MINIMUM_AGE = 18;
/** Older than this, a date of birth is taken for a typing mistake. */
const OLDEST_PLAUSIBLE_AGE = 120;

/**
 * The checks the mock bank runs before and beside its scorecard.
 *
 * `data` rules look only at what the applicant typed, so they give the same answer every time and
 * run before personas: a persona tag never rescues an impossible ID number. `history` rules look
 * at earlier applications, so they run after personas: a partner's test suite can use the same
 * persona a hundred times without tripping velocity.
 *
 * A `block` is a fraud stop (the application is not assessed further); a `decline` is an ordinary
 * decline with the given reason.
 *
 * @example
 * ```ts
 * Object.keys(FRAUD_RULES) // every rule the mock applies, for a docs table
 * ```
 */
export const FRAUD_RULES = {
  'resident-id-invalid': { stage: 'data', severity: 'decline', reason: 'identity_unverified', summary: 'A Chinese resident ID fails GB 11643: length, characters, birth date or check character.' },
  'resident-id-birth-date-mismatch': { stage: 'data', severity: 'decline', reason: 'identity_unverified', summary: 'The birth date inside the resident ID is not the date of birth given.' },
  'date-of-birth-implausible': { stage: 'data', severity: 'decline', reason: 'identity_unverified', summary: `The date of birth is in the future or more than ${OLDEST_PLAUSIBLE_AGE} years ago.` },
  underage: { stage: 'data', severity: 'decline', reason: 'underage', summary: 'The applicant is younger than 18 today.' },
  'email-invalid': { stage: 'data', severity: 'decline', reason: 'identity_unverified', summary: 'The email address cannot receive mail (consecutive dots, a domain without a dot, a bad label…).' },
  'email-disposable': { stage: 'data', severity: 'block', reason: 'fraud_suspected', summary: 'The email address is at a disposable-mailbox service.' },
  'mobile-invalid': { stage: 'data', severity: 'decline', reason: 'identity_unverified', summary: 'The mobile number is not a plausible mobile number for the market.' },
  'velocity-identity': { stage: 'history', severity: 'block', reason: 'velocity', summary: 'More than 3 applications by one identity within 24 hours.' },
  'velocity-device': { stage: 'history', severity: 'block', reason: 'velocity', summary: 'More than 3 applications from one device within 24 hours.' },
  'device-shared': { stage: 'history', severity: 'block', reason: 'fraud_suspected', summary: 'One device used by 3 or more identities within 24 hours.' },
} as const satisfies Record<string, { stage: 'data' | 'history'; severity: 'block' | 'decline'; reason: DeclineCode; summary: string }>;

/** The stable code of a fraud rule, e.g. `'velocity-identity'` (see {@link FRAUD_RULES}). */
export type FraudRule = keyof typeof FRAUD_RULES;

/**
 * One rule that fired. `detail` is for logs and the partner dashboard, never for the shopper,
 * who only sees the message of `reason`.
 */
export interface FraudFinding {
  readonly rule: FraudRule;
  readonly detail: string;
  readonly severity: 'block' | 'decline';
  readonly reason: DeclineCode;
}

function finding(rule: FraudRule, detail: string): FraudFinding {
  const { severity, reason } = FRAUD_RULES[rule];
  return { rule, detail, severity, reason };
}

// ---------------------------------------------------------------------------------------------
// Chinese resident identity card number (GB 11643-1999): parseResidentId, from @fenqi/sdk
// ---------------------------------------------------------------------------------------------

/** True for text shaped like a resident ID (17 digits and a digit or X), checksum aside. */
function looksLikeResidentId(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id);
}

/**
 * Identity and age: the date of birth must be plausible and make the applicant at least 18
 * `today`; a national ID is read as a Chinese resident ID in the CN market (and elsewhere when it
 * has that shape, for Chinese citizens shopping abroad), and its birth date must be the date of
 * birth given. Other countries' ID schemes are accepted as typed.
 *
 * @example
 * ```ts
 * checkIdentity({ ...applicant, dateOfBirth: '2010-06-01' }, 'CN', '2026-12-03')
 * // [{ rule: 'underage', severity: 'decline', reason: 'underage', detail: 'Age 16 on 2026-12-03.' }]
 * ```
 */
export function checkIdentity(applicant: Pick<Applicant, 'dateOfBirth' | 'nationalId'>, market: RateMarket, today: string): FraudFinding[] {
  const findings: FraudFinding[] = [];
  const day = parseCalendarDay(today);
  const birth = parseCalendarDay(applicant.dateOfBirth);
  if (!day) throw new RangeError(`today must be a real YYYY-MM-DD date, not ${JSON.stringify(today)}.`);

  if (!birth) {
    findings.push(finding('date-of-birth-implausible', `${applicant.dateOfBirth} is not a real date.`));
  } else if (compareDays(birth, day) > 0) {
    findings.push(finding('date-of-birth-implausible', `${applicant.dateOfBirth} is after today (${today}).`));
  } else {
    const age = ageOn(birth, day);
    if (age > OLDEST_PLAUSIBLE_AGE) findings.push(finding('date-of-birth-implausible', `Age ${age} on ${today}.`));
    else if (age < MINIMUM_AGE) findings.push(finding('underage', `Age ${age} on ${today}.`));
  }

  const { nationalId } = applicant;
  if (nationalId !== undefined && (market === 'CN' || looksLikeResidentId(nationalId))) {
    const parsed = parseResidentId(nationalId);
    if (!parsed.valid) findings.push(finding('resident-id-invalid', parsed.message));
    else if (parsed.birthDate !== applicant.dateOfBirth) {
      findings.push(finding('resident-id-birth-date-mismatch', `The ID says ${parsed.birthDate}; the date of birth given is ${applicant.dateOfBirth}.`));
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------------------------

/**
 * Disposable-mailbox services: a short list of well-known ones, enough to test the rule. A real
 * bank subscribes to a maintained feed with thousands of domains. Subdomains count too.
 *
 * @example
 * ```ts
 * DISPOSABLE_EMAIL_DOMAINS.includes('mailinator.com') // true
 * ```
 */
export const DISPOSABLE_EMAIL_DOMAINS: readonly string[] = [
  '10minutemail.com',
  'dispostable.com',
  'emailondeck.com',
  'fakeinbox.com',
  'getnada.com',
  'guerrillamail.com',
  'mailinator.com',
  'maildrop.cc',
  'mailnesia.com',
  'mintemail.com',
  'sharklasers.com',
  'spamgourmet.com',
  'temp-mail.org',
  'throwawaymail.com',
  'trashmail.com',
  'yopmail.com',
];

// RFC 5322 "atext" plus the dot; quoted local parts are legal but no bank accepts them.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
// A top-level domain is letters, or an internationalised one in its xn-- form.
const TOP_LEVEL_DOMAIN = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Email validity beyond syntax, and disposable domains. The SDK schema has already checked the
 * general shape; this catches addresses that pass a pattern but cannot receive mail: dots at the
 * ends of the local part or doubled, a domain without a dot, an empty or over-long label, a
 * label starting or ending with a hyphen, a numeric top-level domain.
 *
 * @example
 * ```ts
 * checkEmail('ana@example.com')    // []
 * checkEmail('ana..b@example.com') // [{ rule: 'email-invalid', … }]
 * checkEmail('ana@mailinator.com') // [{ rule: 'email-disposable', severity: 'block', … }]
 * ```
 */
export function checkEmail(email: string): FraudFinding[] {
  const problem = emailProblem(email);
  if (problem) return [finding('email-invalid', problem)];
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const disposable = DISPOSABLE_EMAIL_DOMAINS.find((listed) => domain === listed || domain.endsWith(`.${listed}`));
  return disposable ? [finding('email-disposable', `${domain} is a disposable-mailbox service.`)] : [];
}

function emailProblem(email: string): string | undefined {
  const at = email.indexOf('@');
  if (at === -1 || at !== email.lastIndexOf('@')) return 'An address has exactly one @.';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length === 0 || local.length > 64) return 'The part before the @ must have 1 to 64 characters.';
  if (!LOCAL_PART.test(local)) return 'The part before the @ has a character mail servers do not accept.';
  if (local.startsWith('.') || local.endsWith('.')) return 'The part before the @ starts or ends with a dot.';
  if (local.includes('..')) return 'The part before the @ has two dots in a row.';
  if (domain.length === 0 || domain.length > 253) return 'The domain must have 1 to 253 characters.';
  if (!domain.includes('.')) return `The domain ${domain} has no dot, so it is not on the public internet.`;
  const labels = domain.split('.');
  if (labels.some((label) => label === '')) return `The domain ${domain} has an empty part (two dots in a row, or a dot at an end).`;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return `The domain ${domain} has a part with a character other than letters, digits and inner hyphens.`;
  if (!TOP_LEVEL_DOMAIN.test(labels.at(-1) ?? '')) return `The domain ${domain} does not end in a real top-level domain.`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers
// ---------------------------------------------------------------------------------------------

/**
 * Whether the mobile number is plausible for the market (`mobileNumberProblem` of `@fenqi/sdk`,
 * which the checkout applies too).
 *
 * @example
 * ```ts
 * checkMobile('+8613912345678', 'CN') // []
 * checkMobile('+8612912345678', 'CN') // [{ rule: 'mobile-invalid', … }]: no Chinese mobile starts 12
 * ```
 */
export function checkMobile(mobile: string, market: RateMarket): FraudFinding[] {
  const problem = mobileNumberProblem(mobile, market);
  return problem === undefined ? [] : [finding('mobile-invalid', problem)];
}

// ---------------------------------------------------------------------------------------------
// Velocity and shared devices
// ---------------------------------------------------------------------------------------------

/** The velocity window: 24 hours, in milliseconds. */
export const VELOCITY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Applications allowed per identity, and per device, inside the window; one more is blocked. */
export const MAX_APPLICATIONS_PER_WINDOW = 3;
/** Distinct identities on one device inside the window at which the device is blocked. */
export const MAX_IDENTITIES_PER_DEVICE = 3;

/** What the velocity rules need to know about an earlier application. */
export interface VelocityRecord {
  /** When it was made, epoch milliseconds on the mock clock. */
  readonly at: number;
  /** See `identityOf` in assess-application.ts. */
  readonly identity: string;
  readonly fingerprint?: string;
}

/**
 * True when an application made `at` is inside the window ending `now`. The window is half-open:
 * an application exactly 24 hours old has left it, one made a millisecond later has not. Records
 * from after `now` are ignored.
 */
export function withinVelocityWindow(at: number, now: number): boolean {
  return at <= now && now - at < VELOCITY_WINDOW_MS;
}

/**
 * Velocity: more than {@link MAX_APPLICATIONS_PER_WINDOW} applications (this one included) from one
 * identity or one device fingerprint within 24 hours, and one fingerprint used by
 * {@link MAX_IDENTITIES_PER_DEVICE} or more distinct identities (this one included) within 24
 * hours. Every application in `history` counts, whatever its outcome.
 *
 * @example
 * ```ts
 * const hour = 3_600_000
 * const history = [1, 2, 3].map((h) => ({ at: now - h * hour, identity: 'ana@example.com' }))
 * checkVelocity({ identity: 'ana@example.com', now }, history) // [{ rule: 'velocity-identity', … }]: the 4th in a day
 * ```
 */
export function checkVelocity(current: { readonly identity: string; readonly fingerprint?: string | undefined; readonly now: number }, history: readonly VelocityRecord[]): FraudFinding[] {
  const recent = history.filter((record) => withinVelocityWindow(record.at, current.now));
  const findings: FraudFinding[] = [];

  const byIdentity = recent.filter((record) => record.identity === current.identity).length + 1;
  if (byIdentity > MAX_APPLICATIONS_PER_WINDOW) {
    findings.push(finding('velocity-identity', `${byIdentity} applications by this identity within 24 hours.`));
  }

  const { fingerprint } = current;
  if (fingerprint !== undefined) {
    const onDevice = recent.filter((record) => record.fingerprint === fingerprint);
    if (onDevice.length + 1 > MAX_APPLICATIONS_PER_WINDOW) {
      findings.push(finding('velocity-device', `${onDevice.length + 1} applications from this device within 24 hours.`));
    }
    const identities = new Set([current.identity, ...onDevice.map((record) => record.identity)]).size;
    if (identities >= MAX_IDENTITIES_PER_DEVICE) {
      findings.push(finding('device-shared', `This device applied for ${identities} different identities within 24 hours.`));
    }
  }
  return findings;
}

/**
 * Every `data`-stage rule for one applicant in one market (see {@link FRAUD_RULES}).
 *
 * @example
 * ```ts
 * dataFindings(applicant, 'CN', '2026-12-03') // [] for a clean applicant
 * ```
 */
export function dataFindings(applicant: Applicant, market: RateMarket, today: string): FraudFinding[] {
  return [...checkIdentity(applicant, market, today), ...checkEmail(applicant.email), ...checkMobile(applicant.mobile, market)];
}
