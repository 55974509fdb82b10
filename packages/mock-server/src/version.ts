/**
 * The version of `@fenqi/mock-server` this code was built from. The four Fenqi packages are
 * released together with one version number (a changesets fixed group), so the versions of the
 * packages on one page or server should agree. It is also sent as the `Fenqi-Mock-Version` header
 * of every answer, so a stale mock is easy to spot.
 * `npm run release:version` rewrites it from package.json; a test keeps the two equal.
 *
 * @example
 * ```ts
 * import { FENQI_VERSION } from '@fenqi/mock-server'
 * console.log(`mock bank ${FENQI_VERSION}`)
 * ```
 */
export const FENQI_VERSION = '0.1.0';
