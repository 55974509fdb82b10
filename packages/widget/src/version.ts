/**
 * The version of `@fenqi/widget` this code was built from. The four Fenqi packages are released
 * together with one version number (a changesets fixed group), so the versions of the
 * packages on one page or server should agree. Registration compares it when two copies of the elements meet on one page, and the CDN build
 * carries it in its file names.
 * `npm run release:version` rewrites it from package.json; a test keeps the two equal.
 *
 * @example
 * ```ts
 * import { FENQI_VERSION } from '@fenqi/widget'
 * console.log(`@fenqi/widget ${FENQI_VERSION}`)
 * ```
 */
export const FENQI_VERSION = '0.1.0';
