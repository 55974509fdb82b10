/**
 * The version of `@fenqi/core` this code was built from. The four Fenqi packages are released
 * together with one version number (a changesets fixed group), so the versions of the
 * packages on one page or server should agree.
 * `npm run release:version` rewrites it from package.json; a test keeps the two equal.
 *
 * @example
 * ```ts
 * import { FENQI_VERSION } from '@fenqi/core'
 * console.log(`@fenqi/core ${FENQI_VERSION}`)
 * ```
 */
export const FENQI_VERSION = '0.1.0';
