import type * as z from 'zod/mini';

/**
 * Plain English for contract issues. zod/mini ships no messages (it says "Invalid input"), and
 * loading zod's locale would be a global side effect, so the SDK passes this map to each parse.
 */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'Required.';
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}.`;
    case 'too_small':
      return `At least ${count(issue.minimum, issue.origin)}.`;
    case 'too_big':
      return `At most ${count(issue.maximum, issue.origin)}.`;
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

/** "1 character", "3 items", or just the number for numbers. */
function count(limit: number | bigint, origin: string): string {
  const unit = origin === 'string' ? 'character' : origin === 'array' ? 'item' : '';
  return unit ? `${limit} ${unit}${Number(limit) === 1 ? '' : 's'}` : String(limit);
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
