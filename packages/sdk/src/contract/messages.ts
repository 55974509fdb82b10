import type * as z from 'zod/mini';

/**
 * Plain English for contract issues. zod/mini ships no messages (it says "Invalid input"), and
 * loading zod's locale would be a global side effect, so the SDK passes this map to each parse.
 */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string' ? `At least ${issue.minimum} characters.` : issue.origin === 'array' ? `At least ${issue.minimum} items.` : `At least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${issue.maximum} characters.` : issue.origin === 'array' ? `At most ${issue.maximum} items.` : `At most ${issue.maximum}.`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Not in the expected format.' : `Not a valid ${issue.format}.`;
    case 'invalid_value':
      return `Expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}.`;
    case 'invalid_union':
      return 'Matches none of the allowed shapes.';
    default:
      return undefined;
  }
}

/**
 * `schema.safeParse(value)` with the contract's English messages.
 *
 * @example
 * ```ts
 * const result = parseContract(QuoteRequest, body)
 * if (!result.success) console.log(toProblemErrors(result.error))
 * ```
 */
export function parseContract<T extends z.ZodMiniType>(schema: T, value: unknown): z.core.util.SafeParseResult<z.output<T>> {
  return schema.safeParse(value, { error: message }) as z.core.util.SafeParseResult<z.output<T>>;
}
