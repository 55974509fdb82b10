import { compareMoney, parseMoney, subtractMoney } from '@fenqi/core';
import { fromWire } from '@fenqi/sdk';
import type { Disbursement, DisbursementCreate, Loan } from '@fenqi/sdk';
import type { LoanRecord } from '../bank/bank-state.js';
import { invalidField, MockProblem } from '../http/problem-response.js';
import { disbursementBehaviour } from '../personas/personas.js';
import type { OperationCall, OperationContext, OperationResult } from './operation-context.js';
import { wire } from './quoted-plans.js';

const DAY_MS = 86_400_000;
/** The repayment reminder goes out this long before a due date. */
const REMINDER_DAYS = 3;

/** `POST /v1/disbursements`: pay the merchant for a confirmed loan (pending, then settled). */
export function createDisbursement(context: OperationContext, call: OperationCall): OperationResult {
  const request = call.body as DisbursementCreate;
  const record = context.state.loans.get(request.loanId);
  if (!record) throw new MockProblem(404, 'not-found', 'No such loan', `There is no loan ${request.loanId}.`, [{ pointer: '#/loanId', detail: 'Unknown loan.' }]);
  const amount = parseMoney(request.amount.value, request.amount.currency);
  const principal = fromWire(record.loan.principal);
  if (amount.currency !== principal.currency || compareMoney(amount, principal) !== 0) {
    throw invalidField('#/amount', `Must equal the loan's principal, ${record.loan.principal.value} ${record.loan.principal.currency}.`, 'amount-mismatch');
  }
  const earlier = [...context.state.disbursements.values()].find((candidate) => candidate.loanId === request.loanId && candidate.status !== 'failed');
  if (earlier) throw new MockProblem(409, 'loan-already-disbursed', 'Loan already disbursed', `Loan ${request.loanId} already has disbursement ${earlier.id} (${earlier.status}).`);

  const now = context.clock.iso();
  const disbursement: Disbursement = { id: context.ids.next('dsb'), object: 'disbursement', loanId: request.loanId, amount: wire(amount), status: 'pending', createdAt: now, updatedAt: now };
  context.state.disbursements.set(disbursement.id, disbursement);
  const behaviour = disbursementBehaviour(amount);
  const fails = behaviour === 'fail-always' || (behaviour === 'fail-once' && record.failedDisbursements === 0);
  context.schedule(context.clock.now() + context.disbursementSettleMs, () => settle(context, record, disbursement.id, fails ? (behaviour === 'fail-always' ? 'account_closed' : 'bank_unavailable') : undefined));
  return { status: 201, body: disbursement };
}

/** Settles a pending disbursement; a success starts the loan's life. */
function settle(context: OperationContext, record: LoanRecord, id: string, failureCode: string | undefined): void {
  const pending = context.state.disbursements.get(id)!;
  const settled: Disbursement = { ...pending, status: failureCode ? 'failed' : 'succeeded', ...(failureCode ? { failureCode } : {}), updatedAt: context.clock.iso() };
  context.state.disbursements.set(id, settled);
  if (failureCode) {
    record.failedDisbursements += 1;
    context.webhooks.emit({ type: 'disbursement.failed', data: settled });
    return;
  }
  record.loan = { ...record.loan, status: 'active' };
  context.webhooks.emit({ type: 'disbursement.succeeded', data: settled });
  for (const instalment of record.loan.instalments) {
    if (!instalment.dueDate) continue;
    const due = Date.parse(`${instalment.dueDate}T00:00:00Z`);
    context.schedule(due - REMINDER_DAYS * DAY_MS, () => fallDue(context, record, instalment.number));
    // The end of the due date: paid (the mock's shoppers pay on time) or overdue (the persona).
    context.schedule(due + DAY_MS, () => closeDueDate(context, record, instalment.number));
  }
}

function fallDue(context: OperationContext, record: LoanRecord, number: number): void {
  const instalment = update(record, number, 'due');
  if (instalment) context.webhooks.emit({ type: 'repayment.due', data: { loanId: record.loan.id, instalment: number, dueDate: instalment.dueDate!, amount: instalment.payment } });
}

function closeDueDate(context: OperationContext, record: LoanRecord, number: number): void {
  if (record.behaviour === 'overdue') {
    const instalment = update(record, number, 'overdue');
    if (!instalment) return;
    const wasOverdue = record.loan.status === 'overdue';
    record.loan = { ...record.loan, status: 'overdue' };
    if (!wasOverdue) context.webhooks.emit({ type: 'loan.overdue', data: { loanId: record.loan.id, instalment: number, overdueSince: instalment.dueDate!, amount: instalment.payment } });
    return;
  }
  const instalment = update(record, number, 'paid');
  if (!instalment) return;
  const outstanding = subtractMoney(fromWire(record.loan.outstanding), fromWire(instalment.payment));
  const paidOff = record.loan.instalments.every((row) => row.status === 'paid');
  record.loan = { ...record.loan, outstanding: wire(outstanding), status: paidOff ? 'paid' : record.loan.status };
  context.webhooks.emit({ type: 'repayment.paid', data: { loanId: record.loan.id, instalment: number, paidOn: instalment.dueDate!, amount: instalment.payment } });
  if (paidOff) context.webhooks.emit({ type: 'loan.paid', data: record.loan });
}

/** Moves one instalment to a new status, unless it is already settled (paid or overdue). */
function update(record: LoanRecord, number: number, status: Loan['instalments'][number]['status']): Loan['instalments'][number] | undefined {
  const current = record.loan.instalments.find((row) => row.number === number);
  if (!current || current.status === 'paid' || current.status === 'overdue') return undefined;
  const next = { ...current, status };
  record.loan = { ...record.loan, instalments: record.loan.instalments.map((row) => (row.number === number ? next : row)) };
  return next;
}

/** `GET /v1/disbursements/{id}`. */
export function retrieveDisbursement(context: OperationContext, call: OperationCall): OperationResult {
  const disbursement = context.state.disbursements.get(call.params['id']!);
  if (!disbursement) throw new MockProblem(404, 'not-found', 'No such disbursement', `There is no disbursement ${call.params['id']}.`);
  return { status: 200, body: disbursement };
}

/** `GET /v1/loans/{id}`. */
export function retrieveLoan(context: OperationContext, call: OperationCall): OperationResult {
  const record = context.state.loans.get(call.params['id']!);
  if (!record) throw new MockProblem(404, 'not-found', 'No such loan', `There is no loan ${call.params['id']}.`);
  return { status: 200, body: record.loan };
}
