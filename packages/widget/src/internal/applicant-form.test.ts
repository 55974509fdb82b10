import { expect } from 'chai';
import { Applicant } from '@fenqi/sdk';
import type { ApplicantFormValues } from './applicant-form.js';
import { checkApplicant, EMPTY_FORM, fieldsFor, normaliseMobile } from './applicant-form.js';

const CN = { market: 'CN', currency: 'CNY', today: '2026-12-04' } as const;
const GOOD: ApplicantFormValues = {
  name: ' 李华 ',
  dateOfBirth: '1990-03-07',
  email: 'li.hua@example.com',
  mobile: '138 0013 8000',
  nationalId: '110105199003071239',
  monthlyIncome: '25,000.00',
  employment: 'employed',
  housing: 'own',
  existingMonthlyDebt: '0',
};

function problems(values: Partial<ApplicantFormValues>, context: Parameters<typeof checkApplicant>[1] = CN) {
  const check = checkApplicant({ ...GOOD, ...values }, context);
  return check.ok ? {} : check.problems;
}

describe('the applicant form', () => {
  it('turns what a shopper types into the applicant the SDK schema accepts', () => {
    const check = checkApplicant(GOOD, CN);
    expect(check.ok).to.equal(true);
    if (!check.ok) return;
    expect(check.applicant).to.deep.equal({
      name: '李华',
      dateOfBirth: '1990-03-07',
      email: 'li.hua@example.com',
      mobile: '+8613800138000',
      nationalId: '110105199003071239',
      monthlyIncome: { value: '25000.00', currency: 'CNY' },
      employment: 'employed',
      housing: 'own',
      existingMonthlyDebt: { value: '0', currency: 'CNY' },
    });
    expect(Applicant.safeParse(check.applicant).success).to.equal(true);
  });

  it('asks for a resident ID in China only', () => {
    expect(fieldsFor('CN')).to.include('nationalId');
    expect(fieldsFor('US')).not.to.include('nationalId');
    const us = checkApplicant({ ...GOOD, nationalId: '', mobile: '(202) 555-0143', monthlyIncome: '5200', existingMonthlyDebt: '300.50' }, { market: 'US', currency: 'USD', today: '2026-12-04' });
    expect(us.ok && us.applicant).to.deep.include({ mobile: '+12025550143', monthlyIncome: { value: '5200', currency: 'USD' } });
    expect(us.ok && 'nationalId' in us.applicant).to.equal(false);
  });

  it('says "required" for every empty field, and nothing else for them', () => {
    const check = checkApplicant(EMPTY_FORM, CN);
    expect(check.ok).to.equal(false);
    if (check.ok) return;
    expect(Object.keys(check.problems).sort()).to.deep.equal([...fieldsFor('CN')].sort());
    expect(new Set(Object.values(check.problems))).to.deep.equal(new Set(['required']));
    expect(problems({ name: '   ' })).to.deep.equal({ name: 'required' });
  });

  it('counts the age on the shopper\'s day: 18 on the birthday, not the day before; never a future date', () => {
    expect(problems({ dateOfBirth: '2008-12-04', nationalId: '' }).dateOfBirth).to.equal(undefined);
    expect(problems({ dateOfBirth: '2008-12-05', nationalId: '' }).dateOfBirth).to.equal('underage');
    expect(problems({ dateOfBirth: '2027-01-01', nationalId: '' }).dateOfBirth).to.equal('future');
    expect(problems({ dateOfBirth: '1890-01-01', nationalId: '' }).dateOfBirth).to.equal('too-old');
    expect(problems({ dateOfBirth: '1990-02-30' }).dateOfBirth).to.equal('invalid');
  });

  it('checks the resident ID: its check character, its shape, and its birth date against the date of birth', () => {
    expect(problems({ nationalId: '110105199003071238' }).nationalId).to.equal('id-checksum');
    expect(problems({ nationalId: '11010519900307123' }).nationalId).to.equal('id-format');
    expect(problems({ nationalId: '110105199003071239', dateOfBirth: '1990-03-08' }).nationalId).to.equal('id-birth-date');
    expect(problems({ nationalId: '11010519491231002x', dateOfBirth: '1949-12-31' })).to.deep.equal({});
  });

  it('takes national and international mobile numbers, and refuses one from another market', () => {
    expect(normaliseMobile('138-0013-8000', 'CN')).to.equal('+8613800138000');
    expect(normaliseMobile('0086 138 0013 8000', 'CN')).to.equal('+8613800138000');
    expect(normaliseMobile('07700 900123', 'UK')).to.equal('+447700900123');
    expect(normaliseMobile('090-1234-5678', 'JP')).to.equal('+819012345678');
    expect(normaliseMobile('1 202 555 0143', 'US')).to.equal('+12025550143');
    expect(normaliseMobile('151 1234 5678', 'EU')).to.equal('15112345678');
    expect(problems({ mobile: '+12025550143' }).mobile).to.equal('mobile-market');
    expect(problems({ mobile: '123' }).mobile).to.equal('invalid');
    expect(problems({ mobile: '+4915112345678' }, { market: 'EU', currency: 'EUR', today: '2026-12-04' }).mobile).to.equal(undefined);
  });

  it('reads amounts exactly: grouping commas in threes only, the currency\'s decimals, never negative (B53, B55)', () => {
    expect(problems({ monthlyIncome: '136.67' }).monthlyIncome).to.equal(undefined);
    expect(problems({ monthlyIncome: '1,000.50' }).monthlyIncome).to.equal(undefined);
    expect(problems({ monthlyIncome: '15,38' }).monthlyIncome).to.equal('invalid');
    expect(problems({ monthlyIncome: '2.005' }).monthlyIncome).to.equal('amount-decimals');
    expect(problems({ monthlyIncome: '-5' }).monthlyIncome).to.equal('amount-negative');
    expect(problems({ monthlyIncome: '1e5' }).monthlyIncome).to.equal('invalid');
    expect(problems({ monthlyIncome: 'abc' }).monthlyIncome).to.equal('invalid');
    expect(problems({ monthlyIncome: '   ' }).monthlyIncome).to.equal('required');
    expect(problems({ existingMonthlyDebt: '0.5' }, { market: 'JP', currency: 'JPY', today: '2026-12-04' }).existingMonthlyDebt).to.equal('amount-decimals');
  });

  it('refuses what the schema refuses: a bad email, an unknown employment', () => {
    expect(problems({ email: 'li.hua@' }).email).to.equal('invalid');
    expect(problems({ employment: 'astronaut' }).employment).to.equal('invalid');
    expect(problems({ name: 'x'.repeat(101) }).name).to.equal('invalid');
  });
});
