// Compile-only: `npm run typecheck` fails if the public types drift. Nothing here runs.
import type { Money } from '@fenqi/core';
import { expectTypeOf } from 'expect-type';
import type { Application, FenqiClient, FieldIssue, Quote, WebhookEvent, WireMoney } from './index.js';
import type { RateLimitError, ValidationError } from './index.js';
import { createClient, fromWire } from './index.js';

declare const quote: Quote;
declare const application: Application;
declare const event: WebhookEvent;
declare const client: FenqiClient;

// Wire money (major units, decimal string) and Money (bigint minor units) never mix.
expectTypeOf(quote.amount).toEqualTypeOf<WireMoney>();
expectTypeOf(quote.amount).not.toExtend<Money>();
// @ts-expect-error a quote's amount is a decimal string, not minor units
const minor: bigint = quote.amount.value;
expectTypeOf(fromWire).parameter(0).toEqualTypeOf<WireMoney>();
expectTypeOf(fromWire).returns.toEqualTypeOf<Money>();
// @ts-expect-error offersFor takes exact Money, not a wire amount
void client.offersFor(quote.amount, { merchant: 'shop-1', scenario: 'retail' });

// Decisions narrow on status: only an approved application carries a plan and a limit.
if (application.status === 'declined') {
  expectTypeOf(application.reasons).items.toHaveProperty('code');
  // @ts-expect-error a declined application has no plan
  void application.plan;
}
if (application.status === 'approved') expectTypeOf(application.plan.planId).toBeString();

// Webhook events narrow on type.
if (event.type === 'disbursement.failed') expectTypeOf(event.data.status).toEqualTypeOf<'pending' | 'succeeded' | 'failed'>();

// Errors carry their typed extras.
expectTypeOf<RateLimitError['retryAfter']>().toEqualTypeOf<number | undefined>();
expectTypeOf<ValidationError['issues']>().toEqualTypeOf<readonly FieldIssue[]>();

// Options are checked.
// @ts-expect-error the browser client takes a publishable key, not a secret key option
createClient({ secretKey: 'sk_test_51HxExample' });
// @ts-expect-error scenarios are a closed set
void client.products.list({ merchant: 'shop-1', scenario: 'grocery', currency: 'CNY' });

void minor;
