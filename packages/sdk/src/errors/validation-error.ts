import { FenqiError, isNamed } from './fenqi-error.js';

/**
 * One invalid field, as a JSON pointer into the request (or response) body.
 *
 * @example
 * ```ts
 * const byField = new Map(error.issues.map((issue: FieldIssue) => [issue.pointer, issue.detail]))
 * byField.get('#/applicant/email') // e.g. "Invalid email address"
 * ```
 */
export interface FieldIssue {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * Input failed the contract before anything was sent (`source: 'request'`), listing every issue;
 * or the bank's answer did not match the contract (`source: 'response'`).
 *
 * @example
 * ```ts
 * if (isValidationError(error)) for (const issue of error.issues) markField(issue.pointer, issue.detail)
 * ```
 */
export class ValidationError extends FenqiError {
  override name = 'ValidationError';
  /** Which side broke the contract. */
  readonly source: 'request' | 'response';
  /** Every invalid field. */
  readonly issues: readonly FieldIssue[];

  constructor(source: 'request' | 'response', issues: readonly FieldIssue[], requestId?: string) {
    const list = issues.map((issue) => `${issue.pointer}: ${issue.detail.replace(/\.$/, '')}`).join('; ');
    super(source === 'request' ? `Invalid request, nothing was sent — ${list}` : `The bank's answer does not match the contract — ${list}`, { requestId });
    this.source = source;
    this.issues = issues;
  }
}

/**
 * True when a request or response broke the contract.
 *
 * @example
 * ```ts
 * if (isValidationError(error) && error.source === 'request') highlight(error.issues)
 * ```
 */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError || isNamed(error, ['ValidationError']);
}
