import { parseMoney } from '@fenqi/core';
import type { Money, RateMarket } from '@fenqi/core';
import { Applicant, fromWire, parseResidentId } from '@fenqi/sdk';
import { expect } from 'chai';
import { assessApplication, identityOf } from '../scoring/assess-application.js';
import type { ApplicationFacts, Decision, PriorApplication } from '../scoring/assess-application.js';
import { dataFindings } from '../scoring/fraud-rules.js';
import { DECLINE_REASONS } from '../scoring/reasons.js';
import type { DeclineCode } from '../scoring/reasons.js';
import { HOUR, LI_LEI, NOW, TODAY, largestPayment, minAmountFor } from '../scoring/test-support/applications.js';
import { AMOUNT_TRIGGERS, disbursementBehaviour, loanBehaviour, PERSONA_REVIEW_MINUTES, PERSONAS, personaDecision, personaFor } from './personas.js';
import type { Persona } from './personas.js';

const PLAN = { termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' } as const;

function factsOf(example: Persona['example'], overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  const amount = fromWire(example.amount);
  return {
    applicant: example.applicant,
    amount,
    minAmount: minAmountFor(amount.currency),
    scenario: 'retail',
    market: example.market,
    termMonths: PLAN.termMonths,
    largestPayment: largestPayment(amount, PLAN),
    today: TODAY,
    now: NOW,
    ...overrides,
  };
}

const codes = (decision: Decision | undefined): DeclineCode[] => (decision?.kind === 'decline' ? decision.reasons.map((reason) => reason.code) : []);

/** Checks a decision against what the persona's row of the table promises. */
function expectDocumented(persona: Persona, decision: Decision, amount: Money): void {
  expect(decision.kind, persona.id).to.equal(persona.decision);
  const final = decision.kind === 'review' ? decision.then : decision;
  if (decision.kind === 'review') {
    expect(decision.afterMinutes, persona.id).to.equal(PERSONA_REVIEW_MINUTES);
    expect(final.kind, persona.id).to.equal(persona.then);
  }
  expect(codes(final), persona.id).to.deep.equal(persona.reasons);
  if (final.kind === 'approve') {
    expect(final.tier, persona.id).to.equal(persona.tier);
    expect(final.limit.minor >= amount.minor, persona.id).to.equal(true);
  }
  if (final.kind === 'counter_offer') {
    expect(final.tier, persona.id).to.equal(persona.tier);
    expect(final.amount.minor < amount.minor, persona.id).to.equal(true);
  }
}

describe('PERSONAS', () => {
  it('has unique ids and unique triggers', () => {
    expect(new Set(PERSONAS.map((persona) => persona.id)).size).to.equal(PERSONAS.length);
    expect(new Set(PERSONAS.map((persona) => `${persona.trigger.field}:${persona.trigger.value}`)).size).to.equal(PERSONAS.length);
  });

  it('covers instant approval, review both ways, a thin file, a fraud block, and a decline for every reason code', () => {
    const ids = PERSONAS.map((persona) => persona.id);
    expect(ids).to.include.members(['approve', 'review-approve', 'review-decline', 'thin-file', 'fraud-block']);
    for (const code of Object.keys(DECLINE_REASONS) as DeclineCode[]) {
      const persona = PERSONAS.find((candidate) => candidate.decision === 'decline' && candidate.reasons.length === 1 && candidate.reasons[0] === code && candidate.trigger.field === 'email');
      expect(persona?.id, code).to.equal(`decline-${code.replaceAll('_', '-')}`);
      expect(persona?.trigger.value, code).to.equal(persona?.id);
    }
  });

  it('gives examples that pass the SDK schema and every data rule, and trigger their own persona', () => {
    for (const persona of PERSONAS) {
      const { applicant, market } = persona.example;
      expect(Applicant.safeParse(applicant).success, persona.id).to.equal(true);
      expect(dataFindings(applicant, market, TODAY), persona.id).to.deep.equal([]);
      expect(personaFor(applicant)?.id, persona.id).to.equal(persona.id);
      if (persona.trigger.field === 'email') expect(applicant.email, persona.id).to.contain(`+${persona.trigger.value}@`);
    }
  });

  it('triggers national ID personas with valid resident IDs, whose birth date the example gives', () => {
    const byId = PERSONAS.filter((persona) => persona.trigger.field === 'nationalId');
    expect(byId.map((persona) => persona.id)).to.have.members(['approve-by-id', 'fraud-block']);
    for (const persona of byId) {
      const parsed = parseResidentId(persona.trigger.value);
      expect(parsed.valid, persona.id).to.equal(true);
      expect(parsed.valid && parsed.birthDate, persona.id).to.equal(persona.example.applicant.dateOfBirth);
    }
  });

  describe('each example through assessApplication yields its documented outcome', () => {
    for (const persona of PERSONAS) {
      it(`${persona.id}: ${persona.outcome}`, () => {
        const facts = factsOf(persona.example);
        const assessment = assessApplication(facts, []);
        expect(assessment.persona).to.equal(persona.id);
        expect(assessment.fraud).to.deep.equal([]);
        expectDocumented(persona, assessment.decision, facts.amount);
      });
    }
  });

  it('decides the same way in every market, on the second try and after a burst of applications', () => {
    const base: Record<RateMarket, { applicant: Applicant; amount: { value: string; currency: string } }> = {
      CN: { applicant: LI_LEI, amount: { value: '4999.00', currency: 'CNY' } },
      US: { applicant: { ...LI_LEI, mobile: '+12025550143', monthlyIncome: { value: '5000.00', currency: 'USD' }, existingMonthlyDebt: { value: '0', currency: 'USD' } }, amount: { value: '1200.00', currency: 'USD' } },
      UK: { applicant: { ...LI_LEI, mobile: '+447700900123', monthlyIncome: { value: '3000.00', currency: 'GBP' }, existingMonthlyDebt: { value: '0', currency: 'GBP' } }, amount: { value: '800.00', currency: 'GBP' } },
      EU: { applicant: { ...LI_LEI, mobile: '+33612345678', monthlyIncome: { value: '3000.00', currency: 'EUR' }, existingMonthlyDebt: { value: '0', currency: 'EUR' } }, amount: { value: '1500.00', currency: 'EUR' } },
      JP: { applicant: { ...LI_LEI, mobile: '+819012345678', monthlyIncome: { value: '400000', currency: 'JPY' }, existingMonthlyDebt: { value: '0', currency: 'JPY' } }, amount: { value: '150000', currency: 'JPY' } },
    };
    for (const persona of PERSONAS.filter((candidate) => candidate.trigger.field === 'email')) {
      for (const [market, { applicant, amount }] of Object.entries(base) as [RateMarket, (typeof base)[RateMarket]][]) {
        const tagged = { ...applicant, email: `ana+${persona.trigger.value}@example.com` };
        const facts = factsOf({ applicant: tagged, market, amount }, { device: { fingerprint: 'fp-test-runner' } });
        const burst: PriorApplication[] = Array.from({ length: 10 }, (_, index) => ({ at: NOW - index * HOUR, identity: identityOf(tagged), fingerprint: 'fp-test-runner', outcome: 'declined' }));
        const first = assessApplication(facts, []);
        expectDocumented(persona, first.decision, facts.amount);
        expect(assessApplication(facts, burst).decision, `${persona.id} ${market}`).to.deep.equal(first.decision);
      }
    }
  });

  it('is not rescued from invalid data by a tag', () => {
    const applicant = { ...LI_LEI, email: 'li.lei+approve@example.com', mobile: '+447700900123' };
    const assessment = assessApplication(factsOf({ applicant, market: 'CN', amount: { value: '4999.00', currency: 'CNY' } }), []);
    expect(codes(assessment.decision)).to.deep.equal(['identity_unverified']);
    expect(assessment.persona).to.equal(undefined);
  });
});

describe('personaFor', () => {
  it('reads the tag without regard to case, with _ for -', () => {
    expect(personaFor({ email: 'Ana+Decline-Affordability@Example.com' })?.id).to.equal('decline-affordability');
    expect(personaFor({ email: 'ana+decline_insufficient_income@example.com' })?.id).to.equal('decline-insufficient-income');
  });

  it('ignores addresses without a known tag', () => {
    expect(personaFor({ email: 'ana@example.com' })).to.equal(undefined);
    expect(personaFor({ email: 'ana+newsletter@example.com' })).to.equal(undefined);
    expect(personaFor({ email: 'ana+approve+x@example.com' })).to.equal(undefined);
    expect(personaFor({ email: 'approve@example.com' })).to.equal(undefined);
  });

  it('lets a national ID on the list win over an email tag, and reads a lower-case x or spaces around it', () => {
    expect(personaFor({ email: 'ana+approve@example.com', nationalId: '310104198811120031' })?.id).to.equal('fraud-block');
    expect(personaFor({ email: 'ana@example.com', nationalId: ' 110101199003074477 ' })?.id).to.equal('approve-by-id');
    expect(personaFor({ email: 'ana+approve@example.com', nationalId: '11010519491231002X' })?.id).to.equal('approve');
  });
});

describe('personaDecision', () => {
  const cny = (value: string) => parseMoney(value, 'CNY');
  const facts = (amount: string, income = '18000.00') => ({ amount: cny(amount), minAmount: cny('600.00'), monthlyIncome: cny(income) });

  it('approves any amount: the limit is raised to the amount when the tier\'s would be lower', () => {
    expect(personaDecision('approve', facts('4999.00'))).to.deep.equal({ kind: 'approve', tier: 'A', limit: cny('50000.00'), rateAddOn: '0' });
    expect(personaDecision('approve', facts('4999.00', '1000.00'))).to.deep.equal({ kind: 'approve', tier: 'A', limit: cny('4999.00'), rateAddOn: '0' });
  });

  it('turns review-approve into a tier B approval and review-decline into credit_history', () => {
    expect(personaDecision('review-approve', facts('4999.00'))).to.deep.equal({ kind: 'review', afterMinutes: 30, then: { kind: 'approve', tier: 'B', limit: cny('30000.00'), rateAddOn: '0.02' } });
    const reviewDecline = personaDecision('review-decline', facts('4999.00'));
    expect(reviewDecline.kind === 'review' && codes(reviewDecline.then)).to.deep.equal(['credit_history']);
  });

  it('gives a thin file half the amount in whole units, or just the amount when half is below the minimum', () => {
    expect(personaDecision('thin-file', facts('4999.99'))).to.deep.equal({ kind: 'counter_offer', amount: cny('2499.00'), tier: 'D', limit: cny('2499.00'), rateAddOn: '0.06' });
    expect(personaDecision('thin-file', facts('1200.00'))).to.deep.include({ kind: 'counter_offer', amount: cny('600.00') });
    expect(personaDecision('thin-file', facts('1199.00'))).to.deep.equal({ kind: 'approve', tier: 'D', limit: cny('1199.00'), rateAddOn: '0.06' });
    expect(personaDecision('thin-file', { amount: parseMoney('150001', 'JPY'), minAmount: parseMoney('10000', 'JPY'), monthlyIncome: parseMoney('400000', 'JPY') })).to.deep.include({ amount: parseMoney('75000', 'JPY') });
  });
});

describe('amount triggers', () => {
  it('fails disbursement once for minor units ending in 51, always for 52, in every currency', () => {
    expect(disbursementBehaviour(parseMoney('4999.51', 'CNY'))).to.equal('fail-once');
    expect(disbursementBehaviour(parseMoney('4999.52', 'CNY'))).to.equal('fail-always');
    expect(disbursementBehaviour(parseMoney('10051', 'JPY'))).to.equal('fail-once');
    expect(disbursementBehaviour(parseMoney('10052', 'JPY'))).to.equal('fail-always');
    expect(disbursementBehaviour(parseMoney('12.051', 'KWD'))).to.equal('fail-once');
    for (const value of ['4999.00', '4999.50', '4999.53', '4951.00', '4999.15', '0.51']) {
      expect(disbursementBehaviour(parseMoney(value, 'USD')), value).to.equal(value === '0.51' ? 'fail-once' : 'succeed');
    }
  });

  it('makes loans of minor units ending in 53 overdue and no others', () => {
    expect(loanBehaviour(parseMoney('4999.53', 'CNY'))).to.equal('overdue');
    expect(loanBehaviour(parseMoney('10053', 'JPY'))).to.equal('overdue');
    expect(loanBehaviour(parseMoney('4999.51', 'CNY'))).to.equal('normal');
    expect(loanBehaviour(parseMoney('5300.00', 'CNY'))).to.equal('normal');
  });

  it('documents each ending with an example that behaves as described', () => {
    expect(AMOUNT_TRIGGERS.map((trigger) => trigger.ending)).to.deep.equal(['51', '52', '53']);
    const [once, always, overdue] = AMOUNT_TRIGGERS.map((trigger) => {
      const [value = '', currency = ''] = trigger.example.split(' ');
      return parseMoney(value, currency);
    });
    expect([disbursementBehaviour(once!), disbursementBehaviour(always!), loanBehaviour(overdue!)]).to.deep.equal(['fail-once', 'fail-always', 'overdue']);
  });
});
