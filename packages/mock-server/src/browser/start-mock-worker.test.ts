import { expect } from 'chai';
import { createClient } from '@fenqi/sdk';
import { startMockWorker } from './start-mock-worker.js';
import type { MockWorker } from './start-mock-worker.js';

const isBrowser = typeof window !== 'undefined' && 'serviceWorker' in navigator;

describe('startMockWorker (a service worker in the page, Chromium only)', function () {
  let mock: MockWorker | undefined;
  before(async function () {
    if (!isBrowser) return this.skip();
    mock = await startMockWorker({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
  });
  after(async () => {
    await mock?.stop();
  });

  it('answers the SDK through the page\'s own fetch as soon as it resolves', async () => {
    const fenqi = createClient({ publishableKey: 'pk_test_inthebrowser1' });
    const { data } = await fenqi.products.list({ merchant: 'shop-1', scenario: 'retail', currency: 'CNY' });
    expect(data[0]?.merchant).to.equal('shop-1');
    expect(mock!.bank.requests.map((entry) => entry.operationId)).to.deep.equal(['listProducts']);
  });

  it('answers an unknown route of the bank with a 501 problem instead of reaching the network', async () => {
    const response = await fetch('https://sandbox.fenqi.com/v1/refunds', { headers: { authorization: 'Bearer pk_test_inthebrowser1' } });
    expect(response.status).to.equal(501);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
  });

  it("lets the page's own requests through untouched: the site keeps working around the mock", async () => {
    // Not an asset path (msw lets those through whatever the setting): with 'error' msw answers 500.
    const response = await fetch(`/no-such-page-${Date.now()}`);
    expect(response.status).to.equal(404);
    expect(response.headers.get('fenqi-mock-version')).to.equal(null);
    expect(mock!.bank.requests.filter((entry) => entry.path.startsWith('/no-such-page'))).to.deep.equal([]);
  });

  it('fails loudly when the worker script is missing', async () => {
    let error: unknown;
    try {
      await startMockWorker({ workerUrl: '/no-such-worker.js' });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain('/no-such-worker.js');
  });
});
