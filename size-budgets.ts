/**
 * Size budgets of every public entry: what an app pays for it, bundled for the browser with all
 * its dependencies (esbuild, minified, ESM, gzip level 9), in KB of 1024 bytes.
 * `scripts/size-budgets.test.ts` measures the built packages (dist) and fails when one outgrows
 * its budget. Each budget is the size measured when it was set plus about 5 %. When a change
 * legitimately grows a bundle, raise its budget in the same commit and say why beside it.
 */
export interface SizeBudget {
  /** The module an app would write: what it imports. */
  readonly code: string;
  /** Ceiling in KB gzip. */
  readonly maxKb: number;
  /** Issue 3's goal, where the budget does not meet it (docs/decisions/0007-browser-bundle-size.md). */
  readonly goalKb?: number;
  /** Text that must not appear in the bundle: what this entry has to leave out, and why. */
  readonly mustNotContain?: Readonly<Record<string, string>>;
}

/** What the browser entry never ships. */
const BROWSER_LEAVES_OUT = {
  'draft-2020-12': 'the JSON Schema generator (it belongs to @fenqi/sdk/openapi)',
  'Identifier starting with': 'the OpenAPI descriptions (contract/openapi-metadata.ts)',
  Function: 'the Function constructor: a strict Content-Security-Policy forbids compiling code',
  'eval(': 'eval: a strict Content-Security-Policy forbids it',
};

export const SIZE_BUDGETS: Readonly<Record<string, SizeBudget>> = {
  // Measured 8.38 KB.
  '@fenqi/core': { code: "export * from '@fenqi/core'", maxKb: 8.8 },
  // Measured 33.93 KB; ky, @fenqi/core's schedule maths and zod/mini's runtime alone are 23 KB (decision 0007).
  // Raised from 33.8 KB for the seven error guards and the error names that survive minification.
  '@fenqi/sdk': { code: "export * from '@fenqi/sdk'", maxKb: 35.6, goalKb: 20, mustNotContain: BROWSER_LEAVES_OUT },
  // Measured 30.39 KB. An app that only makes browser calls. Raised by 0.3 KB for the instalment
  // shortcut, which makes a quote's parse three times faster.
  '@fenqi/sdk, createClient only': {
    code: "export { createClient } from '@fenqi/sdk'",
    maxKb: 30.6,
    goalKb: 20,
    mustNotContain: {
      ...BROWSER_LEAVES_OUT,
      order_confirmation: 'the server-side contract (orders, disbursements, loans)',
      pending_disbursement: 'the server-side contract (orders, disbursements, loans)',
      whsec_: 'webhook verification',
    },
  },
  // Measured 34.26 KB (raised from 34.1 KB with @fenqi/sdk's error guards and names).
  '@fenqi/sdk/server': { code: "export * from '@fenqi/sdk/server'", maxKb: 36.0 },
  // Measured 21.83 KB. Build tooling, not shipped to browsers; the budget keeps it honest.
  '@fenqi/sdk/openapi': { code: "export * from '@fenqi/sdk/openapi'", maxKb: 22.9 },
};
