/** True under Node (mocha + tsx), false in Chromium (web-test-runner). */
export const isNode = typeof globalThis.process?.versions?.node === 'string';

/**
 * How many random cases a property test runs: the full count in Node, a tenth in the browser,
 * where the same code is exercised for engine differences rather than for breadth.
 */
export function propertyRuns(nodeRuns: number): number {
  const override = isNode ? Number(globalThis.process.env["FENQI_PROPERTY_RUNS"]) : Number.NaN;
  if (override > 0) return override;
  return isNode ? nodeRuns : Math.max(100, Math.round(nodeRuns / 10));
}
