import * as z from 'zod/mini';

/**
 * An error answer, as RFC 9457 problem details. `errors` points at each invalid field with a JSON
 * Pointer into the request body (`#/applicant/email`).
 *
 * @example
 * ```ts
 * const problem: Problem = { type: 'https://fenqi.test/problems/invalid-request', title: 'Invalid request', status: 422, errors: toProblemErrors(result.error) }
 * return Response.json(problem, { status: problem.status, headers: { 'content-type': 'application/problem+json' } })
 * ```
 */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().check(z.minimum(400), z.maximum(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    requestId: z.optional(z.string()),
    errors: z.optional(z.array(z.object({ pointer: z.string(), detail: z.string() }))),
  });
export type Problem = z.infer<typeof Problem>;

/**
 * JSON Pointer (RFC 6901, in its URI fragment form) for a zod issue path; `#` is the whole body.
 *
 * @example
 * ```ts
 * toJsonPointer(['applicant', 'email']) // "#/applicant/email"
 * ```
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return `#${path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

/**
 * The `errors` of a problem-details answer for a failed zod parse: one entry per issue, and one
 * per unknown key, pointing at that key.
 *
 * @example
 * ```ts
 * const result = QuoteRequest.safeParse(body)
 * if (!result.success) problem.errors = toProblemErrors(result.error)
 * ```
 */
export function toProblemErrors(error: z.core.$ZodError): { pointer: string; detail: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: toJsonPointer([...issue.path, key]), detail: `Unknown field "${key}".` }))
      : [{ pointer: toJsonPointer(issue.path), detail: issue.message }],
  );
}
