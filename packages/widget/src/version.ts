/**
 * The version of `@fenqi/widget`, compared by the guarded define when two copies meet on one page.
 * Kept equal to package.json by a test.
 *
 * @example
 * ```ts
 * console.log(`Fenqi widget ${WIDGET_VERSION}`)
 * ```
 */
export const WIDGET_VERSION = '0.1.0';
