import { isMoneyError, parseMoney } from '@fenqi/core';
import { expect } from 'chai';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { Application, ApplicationCreate, CalendarDay, fromWire, Loan, parseContract, PositiveMoneyInput, QuoteRequest, RateCard, Timestamp, toJsonPointer, toProblemErrors, WireInstalment, WireMoney, WireMoneyInput } from '../index.js';
import { APPLICATION } from '../test-support/fixtures.js';
import { buildOpenApiDocument } from '../openapi.js';

/** The problem-details pointers a schema reports for `input`. */
function pointers(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : toProblemErrors(result.error).map((error) => error.pointer);
}

const quoteRequest = { merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } };
const plan = {
  planId: 'plan_12m0001',
  termMonths: 1,
  method: 'annuity',
  instalments: [
    {
      number: 1,
      payment: { value: '100.50', currency: 'CNY' },
      principal: { value: '100.00', currency: 'CNY' },
      interest: { value: '0.50', currency: 'CNY' },
      fee: { value: '0.00', currency: 'CNY' },
      balance: { value: '0.00', currency: 'CNY' },
    },
  ],
  totals: Object.fromEntries(['payment', 'principal', 'interest', 'fees', 'costOfCredit'].map((key) => [key, { value: '1.00', currency: 'CNY' }])),
  upfrontFee: { value: '0.00', currency: 'CNY' },
  annualRate: { market: 'CN', basis: 'nominal', percent: '6.00' },
};
const base = { id: 'app_0000001', object: 'application', sessionId: 'cs_0000001', planId: 'plan_0000001', createdAt: '2026-12-03T10:00:00Z' };

// The money and instalment schemas take a shortcut for plainly valid input; these plain zod
// schemas are the behaviour they keep.
const referenceMoney = (strict: boolean) =>
  (strict ? z.strictObject({ value: z.string(), currency: z.string() }) : z.object({ value: z.string(), currency: z.string() })).check(
    z.superRefine((money, context) => {
      try {
        parseMoney(money.value, money.currency);
      } catch (error) {
        if (!isMoneyError(error)) throw error;
        context.addIssue({ code: 'custom', path: [error.code === 'unknown-currency' ? 'currency' : 'value'], message: error.message, params: { code: error.code } });
      }
    }),
  );
const referenceInstalment = z.object({
  number: z.int().check(z.minimum(1)),
  dueDate: z.optional(z.iso.date()),
  ...Object.fromEntries(['payment', 'principal', 'interest', 'fee', 'balance'].map((key) => [key, referenceMoney(false)])),
});
/** Everything a parse tells: the data (and its prototype), or the issues with their messages. */
function outcome(schema: z.ZodMiniType, input: unknown) {
  const result = parseContract(schema, input);
  return result.success ? { data: result.data, prototype: Object.getPrototypeOf(result.data) } : { issues: result.error.issues };
}
const digits = fc.stringMatching(/^(0|[1-9]\d{0,17})(\.\d{0,5})?$/);
const amountText = fc.oneof(digits, fc.constantFrom('', ' 1.00', '-1.00', '1e3', '1,000.00', '0.0', '00.10', 'NaN'), fc.string({ maxLength: 6 }));
const money = fc.record(
  {
    value: fc.oneof(amountText, fc.constantFrom(undefined, null, 4999, ['1.00'])),
    currency: fc.oneof(fc.constantFrom('CNY', 'JPY', 'KWD', 'CLF', 'cny', 'XXX', ''), fc.constantFrom(undefined, 156)),
    extra: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const oddInputs = fc.constantFrom(null, undefined, 'money', [], ['1.00', 'CNY'], JSON.parse('{"value":"1.00","currency":"CNY","__proto__":{"polluted":true}}'));

describe('contract: money on the wire', () => {
  it('takes decimal strings with the currency decimals and reads them exactly', () => {
    expect(WireMoney.parse({ value: '4999.00', currency: 'CNY' })).to.deep.equal({ value: '4999.00', currency: 'CNY' });
    expect(fromWire({ value: '500', currency: 'JPY' })).to.deep.equal({ minor: 500n, currency: 'JPY' });
    expect(fromWire({ value: '10.125', currency: 'KWD' }).minor).to.equal(10125n);
  });

  it('points at the bad field: decimals, currency, numbers, empty strings (B53, B55)', () => {
    expect(pointers(WireMoney, { value: '1.5', currency: 'JPY' })).to.deep.equal(['#/value']);
    expect(pointers(WireMoney, { value: '2.005', currency: 'EUR' })).to.deep.equal(['#/value']);
    expect(pointers(WireMoney, { value: '136.67', currency: 'EUR' })).to.deep.equal([]);
    expect(pointers(WireMoney, { value: '1.00', currency: 'XXX' })).to.deep.equal(['#/currency']);
    expect(pointers(WireMoney, { value: 4999, currency: 'CNY' })).to.deep.equal(['#/value']);
    expect(pointers(WireMoney, { value: '', currency: 'CNY' })).to.include('#/value');
    expect(pointers(WireMoney, { value: '  ', currency: 'CNY' })).to.include('#/value');
  });

  it('refuses an amount beyond the largest one @fenqi/core supports, as fromWire would', () => {
    expect(pointers(WireMoney, { value: '999999999999999.99', currency: 'CNY' })).to.deep.equal(['#/value']);
    expect(pointers(WireMoney, { value: '99999999999999.9999', currency: 'CLF' })).to.deep.equal(['#/value']);
    expect(pointers(WireMoney, { value: '90071992547409.91', currency: 'CNY' })).to.deep.equal([]);
    expect(fromWire({ value: '90071992547409.91', currency: 'CNY' }).minor).to.equal(9007199254740991n);
  });

  it('parses exactly as a zod object checked with parseMoney would: data, issues, messages (fast-check)', () => {
    const input = fc.oneof({ weight: 8, arbitrary: money }, oddInputs);
    fc.assert(
      fc.property(input, (value) => {
        expect(outcome(WireMoney, value)).to.deep.equal(outcome(referenceMoney(false), value));
        expect(outcome(WireMoneyInput, value)).to.deep.equal(outcome(referenceMoney(true), value));
      }),
      { numRuns: 2000 },
    );
    expect(outcome(WireMoney, { value: '1.00', currency: 'CNY', note: 'x' })).to.deep.equal({ data: { value: '1.00', currency: 'CNY' }, prototype: Object.prototype });
    expect(toProblemErrors(parseContract(WireMoneyInput, { value: '1.00', currency: 'CNY', note: 'x' }).error!)).to.deep.equal([{ pointer: '#/note', detail: 'Unknown field "note".' }]);
    const zero = parseContract(PositiveMoneyInput, { value: '0.000', currency: 'CNY' });
    expect(toProblemErrors(zero.error!).map((issue) => issue.detail)).to.deep.equal(['"0.000" has 3 decimals but CNY has at most 2.', 'The amount must be above zero.']);
  });

  it('reads instalment rows exactly as a plain zod object would (fast-check)', () => {
    // Mostly rows the shortcut takes, each with a chance of one thing zod would refuse or change.
    const plainMoney = fc.record({ value: fc.constantFrom('0.00', '416.58', '4999.00', '1'), currency: fc.constantFrom('CNY', 'JPY') });
    const amount = fc.oneof({ weight: 12, arbitrary: plainMoney }, money, oddInputs);
    const row = fc.record(
      {
        number: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 600 }) }, fc.constantFrom(0, -1, -0, 1.5, Number.NaN, Infinity, 2 ** 53, '1', null)),
        dueDate: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('2026-12-31', '2028-02-29') },
          fc.constantFrom('2027-02-29', '2026-13-01', '2026-12-03T00:00:00Z', '', 20261231, null, undefined),
        ),
        payment: amount,
        principal: amount,
        interest: amount,
        fee: amount,
        balance: amount,
        status: fc.constantFrom('due', 'paid'),
      },
      { requiredKeys: ['number', 'payment', 'principal', 'interest', 'fee', 'balance'] },
    );
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: row }, oddInputs), (value) => {
        expect(outcome(WireInstalment, value)).to.deep.equal(outcome(referenceInstalment, value));
      }),
      { numRuns: 3000 },
    );
    const loanRow = Loan.shape.instalments.def.element;
    expect(loanRow.shape).to.have.property('status');
    expect(pointers(loanRow, { number: 1, payment: { value: '1.00', currency: 'CNY' }, principal: { value: '1.00', currency: 'CNY' }, interest: { value: '0.00', currency: 'CNY' }, fee: { value: '0.00', currency: 'CNY' }, balance: { value: '0.00', currency: 'CNY' } })).to.deep.equal(['#/status']);
  });

  it('refuses a zero amount where a positive one is needed', () => {
    expect(pointers(QuoteRequest, { ...quoteRequest, amount: { value: '0.00', currency: 'CNY' } })).to.deep.equal(['#/amount/value']);
  });
});

describe('contract: requests are strict, responses tolerant', () => {
  it('names every unknown or missing request key with a JSON pointer', () => {
    expect(pointers(QuoteRequest, { ...quoteRequest, discount: '10', coupon: 'x' })).to.deep.equal(['#/discount', '#/coupon']);
    expect(pointers(QuoteRequest, { ...quoteRequest, amount: { ...quoteRequest.amount, minor: 1 } })).to.deep.equal(['#/amount/minor']);
    expect(pointers(QuoteRequest, {})).to.have.members(['#/merchant', '#/scenario', '#/amount']);
  });

  it('drops unknown response fields so the bank can add them', () => {
    const card = RateCard.parse({ id: 'rc_000001', object: 'rate_card', merchant: 'm', scenario: 'retail', currency: 'CNY', market: 'CN', plans: [], updatedAt: '2026-12-01T00:00:00Z', brandNew: true });
    expect(card).not.to.have.property('brandNew');
  });

  it('is safe against __proto__ keys in JSON bodies', () => {
    const hostile = JSON.parse('{"merchant":"m","scenario":"retail","amount":{"value":"1.00","currency":"CNY"},"__proto__":{"polluted":true}}');
    expect(QuoteRequest.safeParse(hostile).success).to.equal(false);
    const response = RateCard.parse(JSON.parse('{"id":"rc_000001","object":"rate_card","merchant":"m","scenario":"retail","currency":"CNY","market":"CN","plans":[],"updatedAt":"2026-12-01T00:00:00Z","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.getPrototypeOf(response)).to.equal(Object.prototype);
    expect((response as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('checks an application body in depth: consent, E.164 mobile, email, money', () => {
    const body = APPLICATION;
    expect(pointers(ApplicationCreate, body)).to.deep.equal([]);
    const bad = { ...body, applicant: { ...body.applicant, email: 'nope', mobile: '13800138000' }, consent: { ...body.consent, creditCheck: false } };
    expect(pointers(ApplicationCreate, bad)).to.have.members(['#/applicant/email', '#/applicant/mobile', '#/consent/creditCheck']);
  });
});

describe('contract: messages', () => {
  it('explains each issue in plain English (zod/mini has none of its own)', () => {
    const result = parseContract(QuoteRequest, { merchant: '', scenario: 'grocery', amount: { value: '1.005', currency: 'CNY' }, extra: 1 });
    const details = result.success ? [] : toProblemErrors(result.error).map((issue) => `${issue.pointer} ${issue.detail}`);
    expect(details).to.have.members([
      '#/merchant At least 1 character.',
      '#/scenario Expected "retail" or "travel" or "education" or "medical".',
      '#/amount/value "1.005" has 3 decimals but CNY has at most 2.',
      '#/extra Unknown field "extra".',
    ]);
    const missing = parseContract(QuoteRequest, {});
    expect(missing.success ? [] : toProblemErrors(missing.error).map((issue) => issue.detail)).to.deep.equal(['Required.', 'Required.', 'Required.']);
  });
});

describe('contract: dates', () => {
  it("are zod's ISO formats, built without reading the z.iso namespace", () => {
    expect(Timestamp).to.be.instanceOf(z.ZodMiniISODateTime);
    expect(Timestamp._zod.def).to.deep.equal(z.iso.datetime({ offset: true })._zod.def);
    expect(CalendarDay).to.be.instanceOf(z.ZodMiniISODate);
    expect(CalendarDay._zod.def).to.deep.equal(z.iso.date()._zod.def);
    expect(parseContract(Timestamp, '2026-12-03 10:00').error?.issues[0]?.message).to.equal('Not a valid datetime.');
  });
});

describe('contract: decisions are a discriminated union', () => {
  it('parses each outcome, and only the approved one carries a plan', () => {
    const approved = Application.parse({ ...base, status: 'approved', plan, limit: { value: '20000.00', currency: 'CNY' }, expiresAt: '2026-12-10T00:00:00Z' });
    const declined = Application.parse({ ...base, status: 'declined', reasons: [{ code: 'affordability', message: 'Income too low for this amount.' }] });
    const review = Application.parse({ ...base, status: 'review' });
    expect(approved.status === 'approved' && approved.plan.planId).to.equal('plan_12m0001');
    expect(declined).not.to.have.property('plan');
    expect(review.status).to.equal('review');
    expect(pointers(Application, { ...base, status: 'declined', reasons: [] })).to.deep.equal(['#/reasons']);
    expect(pointers(Application, { ...base, status: 'maybe' })).to.deep.equal(['#/status']);
  });
});

describe('toJsonPointer', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(toJsonPointer([])).to.equal('#');
    expect(toJsonPointer(['a/b', 'c~d', 0])).to.equal('#/a~1b/c~0d/0');
  });
});

describe('docs/openapi.json', () => {
  it('is the document generated from the schemas (run `npm run openapi` after changing them)', async function () {
    if (typeof globalThis.process?.versions?.node !== 'string') return this.skip();
    const { readFile } = await import('node:fs/promises');
    const committed = JSON.parse(await readFile(new URL('../../../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument()))).to.deep.equal(committed);
  });

  it('describes every operation with its request, response and problem answer', () => {
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(document.paths)).to.include.members(['/v1/products', '/v1/quotes', '/v1/checkout-sessions', '/v1/applications', '/v1/disbursements', '/v1/loans/{id}']);
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) expect(operation.responses).to.have.property('default');
    }
  });
});
