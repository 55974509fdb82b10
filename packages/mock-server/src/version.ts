/**
 * The version of `@fenqi/mock-server`, also sent as the `Fenqi-Mock-Version` header of every
 * answer (a stale mock is then easy to spot).
 *
 * @example
 * ```ts
 * console.log(`mock bank ${MOCK_SERVER_VERSION}`)
 * ```
 */
export const MOCK_SERVER_VERSION = '0.1.0';
