import type { RateMarket } from '@fenqi/core';

// Whether a mobile number fits the lending market. The checkout checks it as the shopper types and
// the bank checks it again, with this one implementation.

/**
 * EU member states' calling codes and the number of digits after the code a mobile number has
 * there (national significant number, without the trunk 0). E.164 codes are prefix-free, so the
 * first code that matches is the only one.
 */
const EU_MOBILE_NUMBER_LENGTHS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  '30': [10, 10], // Greece
  '31': [9, 9], // Netherlands
  '32': [9, 9], // Belgium
  '33': [9, 9], // France
  '34': [9, 9], // Spain
  '36': [9, 9], // Hungary
  '39': [9, 10], // Italy
  '40': [9, 9], // Romania
  '43': [10, 13], // Austria
  '45': [8, 8], // Denmark
  '46': [9, 9], // Sweden
  '48': [9, 9], // Poland
  '49': [10, 11], // Germany
  '351': [9, 9], // Portugal
  '352': [9, 9], // Luxembourg
  '353': [9, 9], // Ireland
  '356': [8, 8], // Malta
  '357': [8, 8], // Cyprus
  '358': [9, 10], // Finland
  '359': [9, 9], // Bulgaria
  '370': [8, 8], // Lithuania
  '371': [8, 8], // Latvia
  '372': [7, 8], // Estonia
  '385': [8, 9], // Croatia
  '386': [8, 8], // Slovenia
  '420': [9, 9], // Czechia
  '421': [9, 9], // Slovakia
};

// Mainland China: 1, then 3–9, then 9 digits. NANP: area code and exchange both start 2–9.
// UK mobiles are 07… nationally. Japanese mobiles are 070, 080 or 090 and 8 more digits.
const MOBILE_PATTERNS: Readonly<Record<Exclude<RateMarket, 'EU'>, { pattern: RegExp; shape: string }>> = {
  CN: { pattern: /^\+861[3-9]\d{9}$/, shape: '+86 1[3-9]XX XXXX XXXX' },
  US: { pattern: /^\+1[2-9]\d{2}[2-9]\d{6}$/, shape: '+1 NXX NXX XXXX' },
  UK: { pattern: /^\+447\d{9}$/, shape: '+44 7XXX XXXXXX' },
  JP: { pattern: /^\+81[789]0\d{8}$/, shape: '+81 [789]0 XXXX XXXX' },
};

/**
 * Why a mobile number (E.164, `+` and digits) is not a plausible mobile number in the market, or
 * `undefined` when it is: a Chinese mobile in CN, a NANP number in the US, a +44 7 number in the
 * UK, a Japanese mobile in JP, and in the EU a number of an EU member state with the length that
 * country's mobiles have. The reason is for developers and logs, in English.
 *
 * @example
 * ```ts
 * mobileNumberProblem('+8613912345678', 'CN') // undefined
 * mobileNumberProblem('+8612912345678', 'CN') // '+8612912345678 is not a CN mobile number (+86 1[3-9]XX XXXX XXXX).'
 * mobileNumberProblem('+4915112345678', 'EU') // undefined
 * ```
 */
export function mobileNumberProblem(mobile: string, market: RateMarket): string | undefined {
  if (market === 'EU') {
    const digits = mobile.startsWith('+') ? mobile.slice(1) : '';
    const code = Object.keys(EU_MOBILE_NUMBER_LENGTHS).find((candidate) => digits.startsWith(candidate));
    const lengths = code === undefined ? undefined : EU_MOBILE_NUMBER_LENGTHS[code];
    if (code === undefined || lengths === undefined) return `${mobile} is not a number of an EU member state.`;
    const national = digits.slice(code.length);
    const [min, max] = lengths;
    if (!/^[1-9]\d*$/.test(national) || national.length < min || national.length > max) {
      return `${mobile} does not have the ${min === max ? min : `${min}–${max}`} digits a +${code} mobile has after the country code.`;
    }
    return undefined;
  }
  const { pattern, shape } = MOBILE_PATTERNS[market];
  return pattern.test(mobile) ? undefined : `${mobile} is not a ${market} mobile number (${shape}).`;
}
