// A partner's TypeScript, type-checked by package-shape.test.ts against the packed tarballs (strict,
// skipLibCheck false, moduleResolution NodeNext and bundler). Never run: it only has to compile, so
// it touches each entry's typed API the way partner code does.
import { buildSchedule, disclosedRate, formatMoney, parseMoney, toDecimalString } from '@fenqi/core';
import type { Money, Schedule } from '@fenqi/core';
import { createClient, fromWire, isApiError, isNetworkError } from '@fenqi/sdk';
import type { FenqiClient, Offers, Quote, QuotedPlan } from '@fenqi/sdk';
import { createServerClient, verifyWebhook } from '@fenqi/sdk/server';
import type { FenqiServerClient, WebhookEvent } from '@fenqi/sdk/server';
import { buildOpenApiDocument } from '@fenqi/sdk/openapi';
import { createMockBank, PERSONAS } from '@fenqi/mock-server';
import type { MockBank, PersonaId } from '@fenqi/mock-server';
import { setupMockServer } from '@fenqi/mock-server/node';
import { startMockWorker } from '@fenqi/mock-server/browser';
import { configure, loadCheckout } from '@fenqi/widget';
import type { FenqiConfiguration, FenqiOffer, FenqiReadyEvent, FenqiSelectEvent } from '@fenqi/widget';
import '@fenqi/widget/define.js';
import type { FenqiOfferLayout } from '@fenqi/widget/offer.js';
import FenqiPlans from '@fenqi/widget/plans.js';
import type FenqiSchedule from '@fenqi/widget/schedule.js';
// Not '@fenqi/widget/checkout.js': its tag declaration would type document.createElement('fenqi-checkout')
// below whatever loadCheckout() declares, and the lazy flow is what a partner page writes.

// core
const price: Money = parseMoney('4999.00', 'CNY');
const schedule: Schedule = buildSchedule({ principal: price, termMonths: 12, method: 'annuity', annualRate: '0.129' });
const firstPayment: string = formatMoney(schedule.instalments[0]!.payment, 'zh-CN');
const disclosed: string = disclosedRate(schedule.annualRates, 'CN').percent;

// sdk, against the mock bank
const bank: MockBank = createMockBank({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
const client: FenqiClient = createClient({ publishableKey: 'pk_test_consumerTypes', fetch: bank.fetch });
const { offers }: Offers = await client.offersFor(price, { merchant: 'shop-1', scenario: 'retail' });
const quote: Quote = await client.quotes.create({ merchant: 'shop-1', scenario: 'retail', amount: { value: '4999.00', currency: 'CNY' } });
const cheapest: QuotedPlan | undefined = quote.plans[0];
const quotedPayment: string | undefined = cheapest && toDecimalString(fromWire(cheapest.instalments[0]!.payment));

// sdk/server: the partner's server creates the checkout session and verifies webhooks
const server: FenqiServerClient = createServerClient({ secretKey: 'sk_test_consumerTypes', fetch: bank.fetch });
try {
  const session = await server.checkoutSessions.create({ amount: { value: '4999.00', currency: 'CNY' }, orderId: 'order-42', scenario: 'retail', merchant: 'shop-1' });
  console.log(session.clientSecret);
} catch (error) {
  if (isApiError(error)) console.error(error.status, error.message);
  else if (isNetworkError(error)) console.error('offline');
  else throw error;
}
async function onWebhook(request: Request, secret: string): Promise<WebhookEvent> {
  return verifyWebhook(await request.text(), request.headers, secret);
}

// sdk/openapi and the mock bank's entries
const openapi: Record<string, unknown> = buildOpenApiDocument();
const persona: PersonaId = PERSONAS[0]!.id;
const mock = setupMockServer({ clock: { start: '2026-12-03T10:00:00Z', frozen: true } });
mock.listen();
mock.close();
const worker = startMockWorker;

// widget
const settings: FenqiConfiguration = { publishableKey: 'pk_test_consumerTypes', merchant: 'shop-1', locale: 'zh-CN', fetch: bank.fetch };
configure(settings);
const offer: FenqiOffer = document.createElement('fenqi-offer');
offer.amount = '4999.00';
offer.currency = 'CNY';
const layout: FenqiOfferLayout = 'card';
offer.layout = layout;
offer.addEventListener('fenqi-ready', (event: FenqiReadyEvent) => console.log(event.detail.payment, event.detail.annualRate.percent));
document.addEventListener('fenqi-select', (event: FenqiSelectEvent) => console.log(event.detail.planId));
const plans = document.querySelector('fenqi-plans');
const chosen: string | undefined = plans instanceof FenqiPlans ? plans.value : undefined;
const table: FenqiSchedule | null = document.querySelector('fenqi-schedule');
const Checkout = await loadCheckout();
const checkout = document.createElement('fenqi-checkout');
checkout.clientSecret = 'cs_test_secret';

console.log(firstPayment, disclosed, offers, quotedPayment, onWebhook, openapi, persona, worker, chosen, table, Checkout, checkout);
