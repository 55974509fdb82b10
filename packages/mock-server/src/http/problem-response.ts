import type { Problem } from '@fenqi/sdk';

/**
 * Where each problem type is explained; partners can open the `type` of any error they get.
 *
 * @example
 * ```ts
 * if (error.problem.type === `${PROBLEM_BASE}idempotency-key-reused`) useANewKey()
 * ```
 */
export const PROBLEM_BASE = 'https://docs.fenqi.com/problems/';

/**
 * An error the mock answers with, before it becomes an RFC 9457 problem-details response.
 *
 * @example
 * ```ts
 * throw new MockProblem(409, 'checkout-session-expired', 'Checkout session expired', 'Create a new session for this order.')
 * ```
 */
export class MockProblem extends Error {
  constructor(
    readonly status: number,
    /** The last part of the problem `type`, e.g. `idempotency-key-missing`. */
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly { pointer: string; detail: string }[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(`${title}${detail ? `: ${detail}` : ''}`);
    this.name = 'MockProblem';
  }

  /** The problem document, with the request id it answers. */
  toProblem(requestId: string): Problem {
    return {
      type: `${PROBLEM_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      requestId,
      ...(this.errors?.length ? { errors: [...this.errors] } : {}),
    };
  }
}

/**
 * A 422 for one field of the request body, named by its JSON pointer.
 *
 * @example
 * ```ts
 * throw invalidField('#/orderId', 'Does not match the checkout session.')
 * ```
 */
export function invalidField(pointer: string, detail: string, slug = 'invalid-request'): MockProblem {
  return new MockProblem(422, slug, 'Invalid request', detail, [{ pointer, detail }]);
}
