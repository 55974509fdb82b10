import { expect } from 'chai';
import fc from 'fast-check';
import { ageOn, mobileNumberProblem, parseCalendarDay, parseResidentId, residentIdCheckCharacter } from '../index.js';
import type { CalendarDate } from '../index.js';

// The check character computed the other way round from the code under test (2^(17−i) mod 11
// weights, then the character that brings the sum to 1 mod 11), as an independent oracle.
function withCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

const day = (text: string): CalendarDate => {
  const parsed = parseCalendarDay(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};

describe('parseResidentId (GB 11643-1999)', () => {
  it('reads the standard\'s own example, whose check character is X', () => {
    expect(parseResidentId('11010519491231002X')).to.deep.equal({ valid: true, id: '11010519491231002X', region: '110105', birthDate: '1949-12-31', sex: 'female' });
  });

  it('accepts a lower-case x and returns the number upper-cased', () => {
    const result = parseResidentId('11010519491231002x');
    expect(result.valid && result.id).to.equal('11010519491231002X');
  });

  it('reads sex from the 17th digit: odd is male, even is female', () => {
    const male = parseResidentId(withCheckCharacter('44030519950618511'));
    const female = parseResidentId(withCheckCharacter('44030519950618512'));
    expect(male.valid && male.sex).to.equal('male');
    expect(female.valid && female.sex).to.equal('female');
  });

  it('refuses a wrong check character, including an X where a digit belongs and the reverse', () => {
    expect(parseResidentId('110105194912310021')).to.include({ valid: false, failure: 'checksum' });
    const withDigit = withCheckCharacter('11010119900307447');
    expect(withDigit).to.equal('110101199003074477');
    expect(parseResidentId(`${withDigit.slice(0, 17)}X`)).to.include({ valid: false, failure: 'checksum' });
    expect(parseResidentId('110105194912310020')).to.deep.include({ valid: false, failure: 'checksum', message: 'The check character should be X, not 0.' });
  });

  it('catches every single-digit typo and every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (born, sequence, position, shift) => {
        const birth = born.toISOString().slice(0, 10).replaceAll('-', '');
        const id = withCheckCharacter(`310104${birth}${String(sequence).padStart(3, '0')}`);
        expect(parseResidentId(id).valid, id).to.equal(true);
        const typo = id.slice(0, position) + String((Number(id[position]) + shift) % 10) + id.slice(position + 1);
        expect(parseResidentId(typo).valid, typo).to.equal(false);
        if (position < 16 && id[position] !== id[position + 1]) {
          const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
          expect(parseResidentId(swapped).valid, swapped).to.equal(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses birth dates that do not exist, even with a correct check character', () => {
    for (const date of ['19990230', '19000229', '20230229', '19991301', '19990000', '19990431', '18991231']) {
      const id = withCheckCharacter(`110105${date}001`);
      expect(parseResidentId(id), date).to.include({ valid: false, failure: 'birth-date' });
    }
    expect(parseResidentId(withCheckCharacter('11010520000229001'))).to.include({ valid: true, birthDate: '2000-02-29' });
  });

  it('refuses the wrong length or characters before looking further', () => {
    expect(parseResidentId('11010519491231002')).to.deep.include({ valid: false, failure: 'length', message: 'A resident ID has 18 characters; this one has 17.' });
    expect(parseResidentId('11010519491231002X1')).to.include({ valid: false, failure: 'length' });
    expect(parseResidentId('')).to.include({ valid: false, failure: 'length' });
    expect(parseResidentId('1101051949123100X2')).to.include({ valid: false, failure: 'characters' });
    expect(parseResidentId('11010519491231002Y')).to.include({ valid: false, failure: 'characters' });
    expect(parseResidentId('１１０１０５１９４９１２３１００２Ｘ')).to.include({ valid: false, failure: 'characters' }); // full-width digits
  });
});

describe('age', () => {
  it('counts whole years: 17 years 364 days is 17, the 18th birthday is 18', () => {
    expect(ageOn(day('2008-12-04'), day('2026-12-03'))).to.equal(17);
    expect(ageOn(day('2008-12-03'), day('2026-12-03'))).to.equal(18);
  });

  it('makes someone born on 29 February a year older on 1 March in common years, on 29 February in leap years', () => {
    expect(ageOn(day('2008-02-29'), day('2026-02-28'))).to.equal(17);
    expect(ageOn(day('2008-02-29'), day('2026-03-01'))).to.equal(18);
    expect(ageOn(day('2010-02-28'), day('2028-02-28'))).to.equal(18);
    expect(ageOn(day('2012-02-29'), day('2032-02-28'))).to.equal(19);
    expect(ageOn(day('2012-02-29'), day('2032-02-29'))).to.equal(20);
  });
});

describe('mobileNumberProblem', () => {
  it('says why a number does not fit the market, and nothing when it does', () => {
    expect(mobileNumberProblem('+8613912345678', 'CN')).to.equal(undefined);
    expect(mobileNumberProblem('+8612912345678', 'CN')).to.equal('+8612912345678 is not a CN mobile number (+86 1[3-9]XX XXXX XXXX).');
    expect(mobileNumberProblem('+4915112345678', 'EU')).to.equal(undefined);
    expect(mobileNumberProblem('+491511234', 'EU')).to.match(/10–11 digits a \+49 mobile/);
    expect(mobileNumberProblem('+12025550123', 'EU')).to.match(/not a number of an EU member state/);
  });
});

describe('residentIdCheckCharacter', () => {
  it('completes 17 digits as the independent oracle does, and refuses anything else', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (body) => body + residentIdCheckCharacter(body) === withCheckCharacter(body)), { numRuns: 300 });
    expect(() => residentIdCheckCharacter('1101051990030712')).to.throw(RangeError);
    expect(() => residentIdCheckCharacter('1101051990030712X')).to.throw(RangeError);
  });
});
