import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'chai';

// The offers command-line demo, run as a user would: a separate Node process on the built package.
const run = promisify(execFile);
const script = new URL('./offers.mjs', import.meta.url).pathname;
const built = new URL('../../packages/core/dist/index.js', import.meta.url).pathname;

async function offers(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('examples/offers-cli', function () {
  this.timeout(30_000);
  before(function () {
    if (!existsSync(built)) throw new Error('Build the packages first: npm run build (npm test does).');
  });

  it('prints exact offers for ¥4,999.00 with the CN annual rates', async () => {
    const { code, stdout } = await offers('4999.00', 'CNY', 'zh-CN');
    expect(code).to.equal(0);
    expect(stdout).to.contain('Instalment offers for ¥4,999.00');
    expect(stdout).to.contain('¥446.57 first, ¥446.61 last · 12 months · APR 13.03 %');
    expect(stdout).to.contain('¥446.26 first, ¥446.28 last · 12 months · APR 12.90 %');
    expect(stdout).not.to.match(/NaN|undefined|\[object Object\]/);
  });

  it('refuses bad input with a reason and exit code 2', async () => {
    for (const [args, reason] of [
      [['1,000', 'USD'], 'grouping-separator'],
      [['0'], 'above zero'],
      [['12', 'usd'], 'did you mean "USD"?'],
      [['12', 'USD', 'en_US'], 'not a locale tag'],
    ] as const) {
      const { code, stderr } = await offers(...args);
      expect(code, args.join(' ')).to.equal(2);
      expect(stderr).to.contain(reason);
    }
  });

  it('shows plans an amount is too small for instead of offering ¥0 instalments', async () => {
    const { stdout } = await offers('1', 'JPY');
    expect(stdout).to.contain('not available');
    expect(stdout).not.to.contain('¥0');
  });
});
