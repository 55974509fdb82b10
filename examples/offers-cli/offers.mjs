#!/usr/bin/env node
// Prints the instalment offers for an amount, computed with the built @fenqi/core exactly as
// the widget will: `npm start -- 4999.00 CNY zh-CN`. Until the example partner sites exist,
// this is what `npm start` runs.
import { buildSchedule, disclosedRate, formatMoney, isMoneyError, parseMoney } from '@fenqi/core';

// A demonstration rate card (the mock bank will serve real ones): one plan per repayment method.
const RATE_CARD = [
  { label: '3 months, 0 % (paid by the merchant)', termMonths: 3, method: 'flat-fee' },
  { label: '6 months, 0.5 %/month fee', termMonths: 6, method: 'flat-fee', monthlyFeeRate: '0.005' },
  { label: '12 months, 0.6 %/month fee', termMonths: 12, method: 'flat-fee', monthlyFeeRate: '0.006' },
  { label: '12 months, annuity at 12.9 %', termMonths: 12, method: 'annuity', annualRate: '0.129' },
  { label: '24 months, equal principal at 14.4 %', termMonths: 24, method: 'equal-principal', annualRate: '0.144' },
];
const MARKET_OF = { CNY: 'CN', USD: 'US', EUR: 'EU', GBP: 'UK', JPY: 'JP' };

const [amountText = '4999.00', currency = 'CNY', locale = currency === 'CNY' ? 'zh-CN' : 'en-US'] = process.argv.slice(2);
let principal;
try {
  principal = parseMoney(amountText, currency);
  if (principal.minor === 0n) throw new Error('The amount must be above zero.');
} catch (error) {
  console.error(`Cannot make offers for ${JSON.stringify(amountText)} ${currency}: ${error.message}${isMoneyError(error) ? ` (${error.code})` : ''}`);
  console.error('Usage: npm start -- <amount, e.g. 4999.00> [currency, e.g. CNY] [locale, e.g. zh-CN]');
  process.exit(2);
}

const market = MARKET_OF[currency] ?? 'EU';
const show = (money) => formatMoney(money, locale);
console.log(`Instalment offers for ${show(principal)} (annual rate disclosed under ${market} rules)\n`);
for (const plan of RATE_CARD) {
  const schedule = buildSchedule({ principal, ...plan });
  const rows = schedule.instalments;
  const first = rows[0].payment;
  const last = rows.at(-1).payment;
  const rate = disclosedRate(schedule.annualRates, market);
  const monthly = first.minor === last.minor ? `${show(first)}/month` : `${show(first)} first, ${show(last)} last`;
  console.log(`  ${plan.label}`);
  console.log(`    ${monthly} · ${schedule.termMonths} months · ${rate.basis === 'effective' ? 'APRC' : 'APR'} ${rate.percent} %`);
  console.log(`    total ${show(schedule.totals.payment)}, cost of credit ${show(schedule.totals.costOfCredit)}\n`);
}
