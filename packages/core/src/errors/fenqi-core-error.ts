/**
 * Base class of every error thrown by `@fenqi/core`. Each subclass carries a stable,
 * machine-readable `code` so callers can branch without parsing messages.
 *
 * @example
 * ```ts
 * try { parseMoney('1,000.00', 'CNY') } catch (e) {
 *   if (e instanceof FenqiCoreError) console.log(e.code) // 'grouping-separator'
 * }
 * ```
 */
export abstract class FenqiCoreError<Code extends string = string> extends Error {
  /** Stable, machine-readable reason; never changes between releases for the same failure. */
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}
