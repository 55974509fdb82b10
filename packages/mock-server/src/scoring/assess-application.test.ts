import { parseMoney } from '@fenqi/core';
import type { Money } from '@fenqi/core';
import { Applicant } from '@fenqi/sdk';
import { expect } from 'chai';
import { assessApplication, identityOf, REVIEW_MINUTES } from './assess-application.js';
import type { Decision, PriorApplication } from './assess-application.js';
import { HOUR, LI_LEI, NOW, factsFor, largestPayment, withCheckCharacter } from './test-support/applications.js';

const cny = (value: string): Money => parseMoney(value, 'CNY');
const codes = (decision: Decision) => (decision.kind === 'decline' ? decision.reasons.map((reason) => reason.code) : []);

/** A borderline file: 555 points (a student of 22 living with family, buying travel, with some debt). */
const BORDERLINE: Applicant = {
  ...LI_LEI,
  dateOfBirth: '2004-06-01',
  monthlyIncome: { value: '6000.00', currency: 'CNY' },
  existingMonthlyDebt: { value: '1500.00', currency: 'CNY' },
  employment: 'student',
  housing: 'family',
};
const borderline = (amount: Money, overrides: Parameters<typeof factsFor>[0] = {}) => factsFor({ applicant: BORDERLINE, scenario: 'travel', amount, ...overrides });

describe('identityOf', () => {
  it('is the national ID, trimmed and upper-cased, else the email in lower case with its tag', () => {
    expect(identityOf({ ...LI_LEI, email: 'Li.Lei+Approve@Example.COM' })).to.equal('li.lei+approve@example.com');
    expect(identityOf({ ...LI_LEI, nationalId: ' 11010519491231002x ' })).to.equal('11010519491231002X');
  });
});

describe('assessApplication', () => {
  it('approves the SDK fixtures\' applicant at tier A with three months\' income as the limit', () => {
    const assessment = assessApplication(factsFor(), []);
    expect(assessment.decision).to.deep.equal({ kind: 'approve', tier: 'A', limit: cny('45000.00'), rateAddOn: '0' });
    expect(assessment.score.points).to.equal(685);
    expect(assessment.fraud).to.deep.equal([]);
    expect(assessment).not.to.have.property('persona');
  });

  it('counter-offers the limit when the amount is above it', () => {
    const amount = cny('50000.00');
    expect(assessApplication(factsFor({ amount }), []).decision).to.deep.equal({ kind: 'counter_offer', amount: cny('45000.00'), tier: 'A', limit: cny('45000.00'), rateAddOn: '0' });
  });

  it('prices a weaker file at a lower tier', () => {
    const applicant: Applicant = { ...LI_LEI, monthlyIncome: { value: '7000.00', currency: 'CNY' }, existingMonthlyDebt: { value: '900.00', currency: 'CNY' }, dateOfBirth: '2003-01-10' };
    const { decision, score } = assessApplication(factsFor({ applicant }), []);
    expect(score.points).to.equal(615);
    expect(decision).to.deep.equal({ kind: 'approve', tier: 'C', limit: cny('10500.00'), rateAddOn: '0.04' });
  });

  it('sends a borderline file to review, approved at tier D when the amount fits tier D', () => {
    const { decision, score } = assessApplication(borderline(cny('3000.00'), { plan: { termMonths: 6, method: 'flat-fee' } }), []);
    expect(score.points).to.equal(555);
    expect(decision).to.deep.equal({ kind: 'review', afterMinutes: REVIEW_MINUTES, then: { kind: 'approve', tier: 'D', limit: cny('6000.00'), rateAddOn: '0.06' } });
  });

  it('sends a borderline file to review, declined when the amount does not fit tier D', () => {
    const { decision, score } = assessApplication(borderline(cny('6600.00'), { plan: { termMonths: 12, method: 'flat-fee' } }), []);
    expect(score.points).to.equal(555);
    expect(decision.kind).to.equal('review');
    const then = decision.kind === 'review' ? decision.then : decision;
    expect(codes(then)).to.deep.equal(['limit_exceeded', 'employment', 'insufficient_income']);
  });

  it('declines a low score with the characteristics that cost the most points', () => {
    const history: PriorApplication[] = [1, 2].map((days) => ({ at: NOW - days * 48 * HOUR, identity: identityOf(BORDERLINE), outcome: 'declined' }));
    const { decision, score } = assessApplication(borderline(cny('3000.00'), { plan: { termMonths: 6, method: 'flat-fee' } }), history);
    expect(score.points).to.equal(525);
    expect(codes(decision)).to.deep.equal(['credit_history', 'employment']);
  });

  it('applies the policy rules whatever the points', () => {
    const rich = { ...LI_LEI, monthlyIncome: { value: '90000.00', currency: 'CNY' } };
    expect(codes(assessApplication(factsFor({ applicant: { ...rich, employment: 'unemployed' } }), []).decision)).to.deep.equal(['employment']);
    expect(codes(assessApplication(factsFor({ applicant: { ...LI_LEI, existingMonthlyDebt: { value: '6500.00', currency: 'CNY' } } }), []).decision)).to.deep.equal(['high_existing_debt']);
    expect(codes(assessApplication(factsFor({ applicant: { ...LI_LEI, monthlyIncome: { value: '1800.00', currency: 'CNY' } } }), []).decision)).to.deep.equal(['insufficient_income']);
  });

  it('lets an invalid resident ID beat a persona tag', () => {
    const applicant = { ...LI_LEI, email: 'li.lei+approve@example.com', nationalId: '110105199005010011' };
    const assessment = assessApplication(factsFor({ applicant }), []);
    expect(codes(assessment.decision)).to.deep.equal(['identity_unverified']);
    expect(assessment.fraud.map((found) => found.rule)).to.deep.equal(['resident-id-invalid']);
    expect(assessment).not.to.have.property('persona');
  });

  it('accepts a valid resident ID that matches the date of birth', () => {
    const applicant = { ...LI_LEI, nationalId: withCheckCharacter('11010519900501001') };
    expect(assessApplication(factsFor({ applicant }), []).decision.kind).to.equal('approve');
  });

  it('reports every data problem at once, and only the blocks when there is a fraud stop', () => {
    const sloppy = { ...LI_LEI, email: 'li..lei@example.com', mobile: '+12025550143' };
    expect(codes(assessApplication(factsFor({ applicant: sloppy }), []).decision)).to.deep.equal(['identity_unverified']);
    const underageAndDisposable = { ...LI_LEI, dateOfBirth: '2010-01-01', email: 'li@yopmail.com' };
    const assessment = assessApplication(factsFor({ applicant: underageAndDisposable }), []);
    expect(assessment.fraud.map((found) => found.rule)).to.deep.equal(['underage', 'email-disposable']);
    expect(codes(assessment.decision)).to.deep.equal(['fraud_suspected']);
  });

  it('blocks velocity for an ordinary applicant but never for a persona', () => {
    const fingerprint = 'fp-0123456789';
    const recent = (identity: string): PriorApplication[] => [1, 2, 3].map((hours) => ({ at: NOW - hours * HOUR, identity, fingerprint, outcome: 'approved' }));
    const device = { fingerprint };
    expect(codes(assessApplication(factsFor({ device }), recent(identityOf(LI_LEI))).decision)).to.deep.equal(['velocity']);
    const persona = { ...LI_LEI, email: 'li.lei+approve@example.com' };
    const assessment = assessApplication(factsFor({ applicant: persona, device }), recent(identityOf(persona)));
    expect(assessment.decision.kind).to.equal('approve');
    expect(assessment.persona).to.equal('approve');
  });

  it('blocks a device that a third identity uses within a day', () => {
    const fingerprint = 'fp-shared-0001';
    const others: PriorApplication[] = ['bo@example.com', 'cy@example.com'].map((identity, index) => ({ at: NOW - (index + 1) * HOUR, identity, fingerprint, outcome: 'declined' }));
    const assessment = assessApplication(factsFor({ device: { fingerprint } }), others);
    expect(codes(assessment.decision)).to.deep.equal(['fraud_suspected']);
    expect(assessment.fraud.map((found) => found.rule)).to.deep.equal(['device-shared']);
  });

  it('declines income in another currency than the purchase, and a currency the mock does not lend in', () => {
    const dollars = { ...LI_LEI, monthlyIncome: { value: '5000.00', currency: 'USD' } };
    const mismatch = assessApplication(factsFor({ applicant: dollars }), []);
    expect(codes(mismatch.decision)).to.deep.equal(['currency_mismatch']);
    expect(mismatch.score).to.deep.equal({ points: 0, probabilityOfDefault: 1, factors: [] });
    const won = parseMoney('1000000', 'KRW');
    const korean = { ...LI_LEI, monthlyIncome: { value: '5000000', currency: 'KRW' }, existingMonthlyDebt: { value: '0', currency: 'KRW' } };
    expect(codes(assessApplication(factsFor({ applicant: korean, amount: won, minAmount: won, largestPayment: won }), []).decision)).to.deep.equal(['currency_unsupported']);
  });

  it('decides the same way every time, whatever the order of the history', () => {
    const history: PriorApplication[] = [
      { at: NOW - 30 * HOUR, identity: identityOf(LI_LEI), outcome: 'approved' },
      { at: NOW - 5 * HOUR, identity: 'other@example.com', fingerprint: 'fp-9999999999', outcome: 'declined' },
      { at: NOW - 50 * HOUR, identity: identityOf(LI_LEI), outcome: 'declined' },
    ];
    const facts = Object.freeze(factsFor({ device: { fingerprint: 'fp-9999999999' } }));
    const first = assessApplication(facts, Object.freeze([...history]));
    expect(assessApplication(facts, history)).to.deep.equal(first);
    expect(assessApplication(facts, [...history].reverse())).to.deep.equal(first);
    expect(first.score.factors.find((factor) => factor.characteristic === 'history')?.attribute).to.equal('declined-once');
  });

  it('uses the mock clock, not the real one', () => {
    const applicant = { ...LI_LEI, dateOfBirth: '2008-12-04' };
    expect(codes(assessApplication(factsFor({ applicant, today: '2026-12-03' }), []).decision)).to.deep.equal(['underage']);
    expect(assessApplication(factsFor({ applicant, today: '2026-12-04' }), []).decision.kind).not.to.equal('decline');
  });

  it('takes applicants exactly as the SDK schema passes them', () => {
    expect(Applicant.safeParse(LI_LEI).success).to.equal(true);
    expect(Applicant.safeParse(BORDERLINE).success).to.equal(true);
    expect(largestPayment(cny('4999.00')).minor).to.equal(44661n);
  });
});
