#!/usr/bin/env node
// Prints the instalment offers for an amount, computed with the built @fenqi/core exactly as
// the widget does: `npx node examples/offers-cli/offers.mjs 4999.00 CNY zh-CN` (after `npm run build`).
import { buildSchedule, disclosedRate, formatMoney, isMoneyError, isScheduleError, parseMoney } from '@fenqi/core';

// A demonstration rate card (the mock bank will serve real ones): one plan per repayment method.
const RATE_CARD = [
  { label: '3 months, 0 % (paid by the merchant)', termMonths: 3, method: 'flat-fee' },
  { label: '6 months, 0.5 %/month fee', termMonths: 6, method: 'flat-fee', monthlyFeeRate: '0.005' },
  { label: '12 months, 0.6 %/month fee', termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' },
  { label: '12 months, annuity at 12.9 %', termMonths: 12, method: 'annuity', annualRate: '0.129' },
  { label: '24 months, equal principal at 14.4 %', termMonths: 24, method: 'equal-principal', annualRate: '0.144' },
];
// Whose disclosure rule applies to a currency; other currencies get the effective rate, unlabelled.
const EU_CURRENCIES = ['EUR', 'BGN', 'CZK', 'DKK', 'HUF', 'PLN', 'RON', 'SEK'];
const MARKET_OF = { CNY: 'CN', USD: 'US', GBP: 'UK', JPY: 'JP', ...Object.fromEntries(EU_CURRENCIES.map((code) => [code, 'EU'])) };
const USAGE = 'Usage: npx node examples/offers-cli/offers.mjs [amount, e.g. 4999.00] [currency, e.g. CNY] [locale, e.g. zh-CN]';

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length > 3) fail(`Too many arguments: ${args.slice(3).join(' ')}`);
const [amountText = '4999.00', currency = 'CNY', locale = currency === 'CNY' ? 'zh-CN' : 'en-US'] = args;
let principal;
try {
  principal = parseMoney(amountText, currency);
} catch (error) {
  fail(`Cannot make offers for ${JSON.stringify(amountText)} ${currency}: ${error.message}${isMoneyError(error) ? ` (${error.code})` : ''}`);
}
if (principal.minor === 0n) fail(`Cannot make offers for ${JSON.stringify(amountText)} ${currency}: the amount must be above zero.`);
try {
  Intl.getCanonicalLocales(locale);
} catch {
  fail(`${JSON.stringify(locale)} is not a locale tag; use one such as zh-CN or en-US.`);
}

const market = MARKET_OF[currency];
const show = (money) => formatMoney(money, locale);
const rule = market ? `annual rate disclosed under ${market} rules` : `no disclosure rule here for ${currency}: effective annual rate shown`;
console.log(`Instalment offers for ${show(principal)} (${rule})\n`);
for (const plan of RATE_CARD) {
  console.log(`  ${plan.label}`);
  let schedule;
  try {
    schedule = buildSchedule({ principal, ...plan });
  } catch (error) {
    if (!isScheduleError(error)) throw error;
    console.log(`    not available: ${error.message} (${error.code})\n`);
    continue;
  }
  const rows = schedule.instalments;
  const [first, last] = [rows[0].payment, rows.at(-1).payment];
  const rate = market ? disclosedRate(schedule.annualRates, market) : disclosedRate(schedule.annualRates, 'EU');
  const monthly = first.minor === last.minor ? `${show(first)}/month` : `${show(first)} first, ${show(last)} last`;
  console.log(`    ${monthly} · ${schedule.termMonths} months · ${rate.basis === 'effective' ? 'APRC' : 'APR'} ${rate.percent} %`);
  console.log(`    total ${show(schedule.totals.payment)}, cost of credit ${show(schedule.totals.costOfCredit)}\n`);
}
