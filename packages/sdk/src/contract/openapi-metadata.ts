import * as z from 'zod/mini';
import { Application, ApplicationCreate, Applicant, Consent, DeclineReason, DeviceSignals, OfferAcceptance } from './application.js';
import { CheckoutSession, CheckoutSessionCreate, Metadata } from './checkout-session.js';
import { Disbursement, DisbursementCreate } from './disbursement.js';
import { Loan } from './loan.js';
import { ConfirmedOrder, OrderConfirmation } from './order.js';
import {
  CalendarDay,
  DecimalRate,
  PLAIN_DECIMAL,
  PositiveMoneyInput,
  RateMarket,
  RepaymentMethod,
  Scenario,
  Timestamp,
  WireMoney,
  WireMoneyInput,
} from './primitives.js';
import { Problem } from './problem.js';
import { DisclosedAnnualRate, Quote, QuotedPlan, QuoteRequest, WireInstalment } from './quote.js';
import { ProductsQuery, RateCard, RateCardList, RatePlan } from './rate-card.js';
import { WebhookEvent } from './webhook-event.js';

/** What the OpenAPI document says about a schema: its component name, words and pattern. */
export interface SchemaMetadata {
  id?: string;
  description?: string;
  pattern?: string;
}

/**
 * The OpenAPI names and descriptions of the contract's schemas, in a registry of their own. They
 * live here, not on the schemas, so that defining a schema has no side effect (an unused one
 * tree-shakes away) and browsers never download words written for the API reference. Components
 * appear in the document in this order.
 */
export function contractMetadata(): z.core.$ZodRegistry<SchemaMetadata> {
  const registry = z.registry<SchemaMetadata>();
  const entries: [z.ZodMiniType, SchemaMetadata][] = [
    [WireMoney.shape.value, { description: 'Decimal string in major units, e.g. "4999.00" (CNY) or "500" (JPY).', pattern: PLAIN_DECIMAL.source }],
    [WireMoney.shape.currency, { description: 'ISO 4217 code.', pattern: '^[A-Z]{3}$' }],
    [Timestamp, { description: 'ISO 8601 date and time.' }],
    [CalendarDay, { description: 'ISO 8601 date, YYYY-MM-DD.' }],
    [DecimalRate, { description: 'Decimal fraction, "0.049" = 4.9 %.' }],
    [Applicant.shape.mobile, { description: 'E.164, e.g. +8613800138000.' }],
    [WireMoney, { id: 'Money' }],
    [WireMoneyInput, { id: 'MoneyInput' }],
    [PositiveMoneyInput, { id: 'PositiveMoneyInput' }],
    [Scenario, { id: 'Scenario' }],
    [RepaymentMethod, { id: 'RepaymentMethod' }],
    [RateMarket, { id: 'RateMarket' }],
    [Metadata, { id: 'Metadata' }],
    [WireInstalment, { id: 'Instalment' }],
    [DisclosedAnnualRate, { id: 'DisclosedAnnualRate' }],
    [QuotedPlan, { id: 'QuotedPlan' }],
    [QuoteRequest, { id: 'QuoteRequest' }],
    [Quote, { id: 'Quote' }],
    [Applicant, { id: 'Applicant' }],
    [Consent, { id: 'Consent' }],
    [DeviceSignals, { id: 'DeviceSignals' }],
    [ApplicationCreate, { id: 'ApplicationCreate' }],
    [OfferAcceptance, { id: 'OfferAcceptance' }],
    [DeclineReason, { id: 'DeclineReason' }],
    [Application, { id: 'Application' }],
    [CheckoutSessionCreate, { id: 'CheckoutSessionCreate' }],
    [CheckoutSession, { id: 'CheckoutSession' }],
    [DisbursementCreate, { id: 'DisbursementCreate' }],
    [Disbursement, { id: 'Disbursement' }],
    [Loan, { id: 'Loan' }],
    [OrderConfirmation, { id: 'OrderConfirmation' }],
    [ConfirmedOrder, { id: 'ConfirmedOrder' }],
    [RatePlan, { id: 'RatePlan', description: 'A plan of a rate card; schedules come from @fenqi/core.' }],
    [RateCard, { id: 'RateCard' }],
    [ProductsQuery, { id: 'ProductsQuery' }],
    [RateCardList, { id: 'RateCardList' }],
    [Problem, { id: 'Problem' }],
    [WebhookEvent, { id: 'WebhookEvent' }],
  ];
  for (const [schema, metadata] of entries) registry.add(schema, metadata);
  return registry;
}

/** The pattern `prefixedId` gives an id (`^plan_[A-Za-z0-9]{6,64}$`), capturing the prefix. */
const PREFIXED_ID = /^\^([a-z]+)_\[A-Za-z0-9\]\{6,64\}\$$/;

/**
 * Describes each prefixed id by its prefix. There are many such schemas (one per field), so they
 * are recognised by their pattern rather than listed.
 */
export function describePrefixedId({ jsonSchema }: { jsonSchema: { pattern?: unknown; description?: unknown } }): void {
  const prefix = typeof jsonSchema.pattern === 'string' ? PREFIXED_ID.exec(jsonSchema.pattern)?.[1] : undefined;
  if (prefix && jsonSchema.description === undefined) jsonSchema.description = `Identifier starting with "${prefix}_".`;
}
