import type { RateMarket } from '@fenqi/core';
import { isMoneyError, parseMoney } from '@fenqi/core';
import type { Applicant } from '@fenqi/sdk';
import { ageOn, Applicant as ApplicantSchema, mobileNumberProblem, parseCalendarDay, parseResidentId } from '@fenqi/sdk';

/** The fields of the applicant form, in the order they are shown (and focused on error). */
export const APPLICANT_FIELDS = ['name', 'dateOfBirth', 'email', 'mobile', 'nationalId', 'monthlyIncome', 'employment', 'housing', 'existingMonthlyDebt'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

/** What the shopper typed, as text, before any checking. */
export type ApplicantFormValues = Readonly<Record<ApplicantField, string>>;

/**
 * Why a field is not accepted. Each has a localised message; none reaches the shopper in English.
 * `invalid` is the field's own "enter it like this" message.
 */
export type FieldProblem =
  | 'required'
  | 'invalid'
  | 'future'
  | 'underage'
  | 'too-old'
  | 'mobile-market'
  | 'id-format'
  | 'id-checksum'
  | 'id-birth-date'
  | 'amount-decimals'
  | 'amount-negative';

export const EMPTY_FORM: ApplicantFormValues = Object.fromEntries(APPLICANT_FIELDS.map((field) => [field, ''])) as ApplicantFormValues;

/** The fields a market asks for: a Chinese loan needs the resident ID; elsewhere none is asked. */
export function fieldsFor(market: RateMarket): readonly ApplicantField[] {
  return market === 'CN' ? APPLICANT_FIELDS : APPLICANT_FIELDS.filter((field) => field !== 'nationalId');
}

const OLDEST_AGE = 120;

/** Calling codes the form adds when the shopper types a national number (EU numbers need their own +code). */
const CALLING_CODES: Partial<Record<RateMarket, { code: string; trunk?: string }>> = {
  CN: { code: '86' },
  US: { code: '1' },
  UK: { code: '44', trunk: '0' },
  JP: { code: '81', trunk: '0' },
};

/**
 * A mobile number as E.164: separators dropped, `00` read as `+`, and a national number given the
 * market's calling code (without its trunk 0), so "138 0013 8000" and "07700 900123" both work.
 */
export function normaliseMobile(text: string, market: RateMarket): string {
  let digits = text.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+') || digits === '') return digits;
  const calling = CALLING_CODES[market];
  if (!calling) return digits;
  if (market === 'US' && digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  if (calling.trunk && digits.startsWith(calling.trunk)) digits = digits.slice(calling.trunk.length);
  return `+${calling.code}${digits}`;
}

/**
 * An amount the shopper typed, as the wire's decimal string. Grouping commas in threes are
 * dropped ("15,000.00": every shipped locale writes them so), any other comma is left for
 * @fenqi/core to refuse, so "15,38" is never read as 1538.
 */
function readAmount(text: string, currency: string): { value: string } | { problem: FieldProblem } {
  let plain = text.trim();
  if (plain === '') return { problem: 'required' };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain)) plain = plain.replaceAll(',', '');
  if (plain.startsWith('-')) return { problem: 'amount-negative' };
  try {
    parseMoney(plain, currency);
    return { value: plain };
  } catch (error) {
    if (!isMoneyError(error)) throw error;
    return { problem: error.code === 'too-many-decimals' ? 'amount-decimals' : 'invalid' };
  }
}

/** The outcome of checking the form: the applicant to send, or a problem per field. */
export type ApplicantCheck =
  | { readonly ok: true; readonly applicant: Applicant }
  | { readonly ok: false; readonly problems: Partial<Record<ApplicantField, FieldProblem>> };

/**
 * Checks the form the way the bank will: the SDK's `Applicant` schema for shape, then the rules
 * the bank declines on that a shopper can fix while typing (age 18+, a real date of birth, a
 * resident ID with its check character and the same birth date, a mobile number of the market).
 * `today` is the shopper's calendar day, `YYYY-MM-DD`.
 */
export function checkApplicant(values: ApplicantFormValues, context: { readonly market: RateMarket; readonly currency: string; readonly today: string }): ApplicantCheck {
  const problems: Partial<Record<ApplicantField, FieldProblem>> = {};
  const fields = fieldsFor(context.market);
  for (const field of fields) if (values[field].trim() === '') problems[field] = 'required';

  const income = readAmount(values.monthlyIncome, context.currency);
  const debt = readAmount(values.existingMonthlyDebt, context.currency);
  if ('problem' in income) problems.monthlyIncome = income.problem;
  if ('problem' in debt) problems.existingMonthlyDebt = debt.problem;

  const candidate: Record<string, unknown> = {
    name: values.name.trim(),
    dateOfBirth: values.dateOfBirth,
    email: values.email.trim(),
    mobile: normaliseMobile(values.mobile, context.market),
    monthlyIncome: { value: 'value' in income ? income.value : '0', currency: context.currency },
    employment: values.employment,
    housing: values.housing,
    existingMonthlyDebt: { value: 'value' in debt ? debt.value : '0', currency: context.currency },
  };
  if (fields.includes('nationalId')) candidate['nationalId'] = values.nationalId.trim().toUpperCase();

  const parsed = ApplicantSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ApplicantField;
      problems[field] ??= 'invalid';
    }
  }

  const birth = parseCalendarDay(values.dateOfBirth);
  const today = parseCalendarDay(context.today);
  if (!problems.dateOfBirth && birth && today) {
    const age = ageOn(birth, today);
    if (age < 0) problems.dateOfBirth = 'future';
    else if (age < 18) problems.dateOfBirth = 'underage';
    else if (age > OLDEST_AGE) problems.dateOfBirth = 'too-old';
  }
  if (!problems.mobile && mobileNumberProblem(candidate['mobile'] as string, context.market) !== undefined) problems.mobile = 'mobile-market';
  if (fields.includes('nationalId') && values.nationalId.trim() !== '') {
    const id = parseResidentId(values.nationalId.trim());
    if (!id.valid) problems.nationalId = id.failure === 'checksum' ? 'id-checksum' : 'id-format';
    else if (!problems.dateOfBirth && id.birthDate !== values.dateOfBirth) problems.nationalId = 'id-birth-date';
    else delete problems.nationalId;
  }

  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, applicant: parsed.data };
}

/** The problem of one field alone (shown when the shopper leaves it). */
export function fieldProblem(field: ApplicantField, values: ApplicantFormValues, context: Parameters<typeof checkApplicant>[1]): FieldProblem | undefined {
  const check = checkApplicant(values, context);
  return check.ok ? undefined : check.problems[field];
}
