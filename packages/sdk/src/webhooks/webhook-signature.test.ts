import { expect } from 'chai';
import { signWebhook, verifyWebhook, WebhookVerificationError } from '../index.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = Date.parse('2026-12-03T10:00:00Z');
const event = {
  id: 'evt_00000001',
  object: 'event',
  createdAt: '2026-12-03T10:00:00Z',
  type: 'disbursement.succeeded',
  data: { id: 'dsb_00000001', object: 'disbursement', loanId: 'loan_00000001', amount: { value: '4999.00', currency: 'CNY' }, status: 'succeeded', createdAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z' },
};
const body = JSON.stringify(event);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'verified';
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return error.code;
  }
}

describe('webhooks (Standard Webhooks)', () => {
  it('matches the Standard Webhooks reference signature', async () => {
    // The scheme's published example: id msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp 1614265330.
    const headers = await signWebhook({ id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}', secret: SECRET });
    expect(headers['webhook-signature']).to.equal('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies a signed event and returns it typed', async () => {
    const headers = await signWebhook({ id: event.id, timestamp: NOW / 1000, body, secret: SECRET });
    const verified = await verifyWebhook(body, new Headers(headers), SECRET, { now: NOW });
    expect(verified.type === 'disbursement.succeeded' && verified.data.loanId).to.equal('loan_00000001');
  });

  it('accepts any of several signatures (secret rotation)', async () => {
    const headers = await signWebhook({ id: event.id, timestamp: NOW / 1000, body, secret: SECRET });
    headers['webhook-signature'] = `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${headers['webhook-signature']}`;
    expect(await codeOf(verifyWebhook(body, headers, SECRET, { now: NOW }))).to.equal('verified');
  });

  it('refuses a changed body, a wrong secret, stale or future timestamps and missing headers', async () => {
    const headers = await signWebhook({ id: event.id, timestamp: NOW / 1000, body, secret: SECRET });
    expect(await codeOf(verifyWebhook(body.replace('4999.00', '9999.00'), headers, SECRET, { now: NOW }))).to.equal('invalid-signature');
    expect(await codeOf(verifyWebhook(body, headers, 'whsec_c29tZSBvdGhlciBzZWNyZXQga2V5', { now: NOW }))).to.equal('invalid-signature');
    expect(await codeOf(verifyWebhook(body, headers, SECRET, { now: NOW + 301_000 }))).to.equal('timestamp-out-of-tolerance');
    expect(await codeOf(verifyWebhook(body, headers, SECRET, { now: NOW - 301_000 }))).to.equal('timestamp-out-of-tolerance');
    expect(await codeOf(verifyWebhook(body, headers, SECRET, { now: NOW + 299_000 }))).to.equal('verified');
    expect(await codeOf(verifyWebhook(body, { ...headers, 'webhook-signature': undefined }, SECRET, { now: NOW }))).to.equal('missing-header');
    expect(await codeOf(verifyWebhook(body, headers, 'not-a-secret', { now: NOW }))).to.equal('invalid-secret');
  });

  it('refuses a signed body that is not a contract event', async () => {
    const odd = JSON.stringify({ ...event, type: 'loan.exploded' });
    const headers = await signWebhook({ id: event.id, timestamp: NOW / 1000, body: odd, secret: SECRET });
    expect(await codeOf(verifyWebhook(odd, headers, SECRET, { now: NOW }))).to.equal('invalid-payload');
  });
});
