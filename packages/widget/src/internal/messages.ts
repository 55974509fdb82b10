import type { RateMarket } from '@fenqi/core';

/** The display languages the widget ships; any other tag falls back by language, then to en-US. */
export const SUPPORTED_LOCALES = ['en-US', 'en-GB', 'zh-CN', 'ja-JP'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Every string a shopper can see. Amounts and rates arrive already formatted for the locale. */
export interface Messages {
  /** The one-line offer: payment, term and the disclosed rate (already labelled). */
  offer(payment: string, months: number, rate: string): string;
  badge(payment: string): string;
  cardHeadline(payment: string): string;
  cardDetail(months: number, rate: string): string;
  /** The disclosed rate's name under a market's rules. */
  rateLabel(market: RateMarket): string;
  learnMore: string;
  unavailable: string;
  loading: string;
  dialogTitle: string;
  close: string;
  plansLegend: string;
  planOption(months: number, payment: string, rate: string): string;
  planTotal(total: string): string;
  representativeExample(amount: string, months: number, payment: string, total: string, rate: string): string;
  scheduleCaption(months: number, amount: string): string;
  columns: { number: string; due: string; payment: string; principal: string; interest: string; fee: string; balance: string };
  /** Under an offer's schedule: its dates are those of a loan paid out on `day`. */
  datesFrom(day: string): string;
  totals: string;
  totalToRepay: string;
  costOfCredit: string;
  upfrontFee: string;
  choosePlan: string;
  /** The offer dialog's button that opens the checkout (with a client secret). */
  apply: string;
}

const en = (rateLabel: (market: RateMarket) => string): Messages => ({
  offer: (payment, months, rate) => `From ${payment}/month for ${months} months · ${rate}`,
  badge: (payment) => `From ${payment}/month`,
  cardHeadline: (payment) => `Pay from ${payment}/month`,
  cardDetail: (months, rate) => `${months} monthly payments · ${rate}`,
  rateLabel,
  learnMore: 'Learn more',
  unavailable: 'Instalments are not available for this amount',
  loading: 'Loading instalment offers',
  dialogTitle: 'Pay in instalments',
  close: 'Close',
  plansLegend: 'Choose a plan',
  planOption: (months, payment, rate) => `${months} months · ${payment}/month · ${rate}`,
  planTotal: (total) => `Total ${total}`,
  representativeExample: (amount, months, payment, total, rate) =>
    `Representative example: borrowing ${amount} over ${months} months, you repay ${months} monthly payments from ${payment}, ${total} in total. ${rate}.`,
  scheduleCaption: (months, amount) => `Repayment schedule: ${amount} over ${months} months`,
  columns: { number: 'Month', due: 'Due date', payment: 'Payment', principal: 'Principal', interest: 'Interest', fee: 'Fee', balance: 'Balance' },
  datesFrom: (day) => `Due dates for a loan paid out on ${day}.`,
  totals: 'Total',
  totalToRepay: 'Total to repay',
  costOfCredit: 'Cost of credit',
  upfrontFee: 'Upfront fee',
  choosePlan: 'Choose a plan.',
  apply: 'Apply with this plan',
});

const MESSAGES: Record<SupportedLocale, Messages> = {
  'en-US': en((market) => (market === 'CN' ? 'annualized rate' : market === 'JP' ? 'annual rate' : 'APR')),
  'en-GB': en((market) => (market === 'CN' ? 'annualised rate' : market === 'JP' ? 'annual rate' : market === 'EU' ? 'APRC' : 'APR')),
  'zh-CN': {
    offer: (payment, months, rate) => `低至 ${payment}/月，分 ${months} 期 · ${rate}`,
    badge: (payment) => `低至 ${payment}/月`,
    cardHeadline: (payment) => `分期付款，低至 ${payment}/月`,
    cardDetail: (months, rate) => `分 ${months} 期 · ${rate}`,
    rateLabel: (market) => (market === 'CN' ? '年化利率' : '年利率'),
    learnMore: '了解详情',
    unavailable: '此金额暂不支持分期',
    loading: '正在加载分期方案',
    dialogTitle: '分期付款',
    close: '关闭',
    plansLegend: '选择分期方案',
    planOption: (months, payment, rate) => `${months} 期 · ${payment}/月 · ${rate}`,
    planTotal: (total) => `共 ${total}`,
    representativeExample: (amount, months, payment, total, rate) =>
      `示例：分期金额 ${amount}，分 ${months} 期，每期 ${payment} 起，共需还款 ${total}。${rate}。`,
    scheduleCaption: (months, amount) => `还款计划：${amount}，分 ${months} 期`,
    columns: { number: '期数', due: '还款日', payment: '还款额', principal: '本金', interest: '利息', fee: '手续费', balance: '剩余本金' },
    datesFrom: (day) => `还款日按 ${day} 放款计算。`,
    totals: '合计',
    totalToRepay: '还款总额',
    costOfCredit: '借款成本',
    upfrontFee: '前期费用',
    choosePlan: '请选择分期方案。',
    apply: '按此方案申请',
  },
  'ja-JP': {
    offer: (payment, months, rate) => `月々 ${payment} から（${months} 回払い）· ${rate}`,
    badge: (payment) => `月々 ${payment} から`,
    cardHeadline: (payment) => `分割払い 月々 ${payment} から`,
    cardDetail: (months, rate) => `${months} 回払い · ${rate}`,
    rateLabel: () => '実質年率',
    learnMore: '詳細',
    unavailable: 'この金額では分割払いをご利用いただけません',
    loading: '分割払いプランを読み込み中',
    dialogTitle: '分割払い',
    close: '閉じる',
    plansLegend: 'プランを選択',
    planOption: (months, payment, rate) => `${months} 回 · 月々 ${payment} · ${rate}`,
    planTotal: (total) => `総額 ${total}`,
    representativeExample: (amount, months, payment, total, rate) =>
      `代表例：${amount} を ${months} 回払いでご利用の場合、月々 ${payment} から、お支払い総額 ${total}。${rate}。`,
    scheduleCaption: (months, amount) => `返済予定表：${amount}、${months} 回払い`,
    columns: { number: '回', due: '支払日', payment: '支払額', principal: '元金', interest: '利息', fee: '手数料', balance: '残高' },
    datesFrom: (day) => `支払日は ${day} にご契約の場合です。`,
    totals: '合計',
    totalToRepay: 'お支払い総額',
    costOfCredit: '手数料・利息の合計',
    upfrontFee: '初回手数料',
    choosePlan: 'プランを選択してください。',
    apply: 'このプランで申し込む',
  },
};

/**
 * The shipped locale closest to `requested`: the exact tag, else one of the same language
 * (`zh-TW` → zh-CN, `en-AU` → en-GB for its spelling), else en-US.
 */
export function matchLocale(requested: string | undefined): SupportedLocale {
  if (!requested) return 'en-US';
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(requested)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
  const exact = SUPPORTED_LOCALES.find((locale) => locale === canonical);
  if (exact) return exact;
  const language = canonical.split('-')[0];
  if (language === 'en') return canonical === 'en' || canonical.endsWith('-US') ? 'en-US' : 'en-GB';
  return SUPPORTED_LOCALES.find((locale) => locale.startsWith(`${language}-`)) ?? 'en-US';
}

export function messagesFor(locale: SupportedLocale): Messages {
  return MESSAGES[locale];
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A disclosed percentage (`"13.03"`) in the locale's style, digits kept exactly as disclosed. */
export function formatPercent(percent: string, decimals: number, locale: SupportedLocale): string {
  const key = `${locale}|${decimals}`;
  let format = percentFormats.get(key);
  if (!format) percentFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  // Intl reads decimal strings exactly (ES2023); "13.03e-2" is the fraction, without a float.
  return format.format(`${percent}e-2` as unknown as number);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) for people, e.g. "4 Dec 2026" or "2026年12月4日". */
export function formatDay(isoDay: string, locale: SupportedLocale): string {
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${isoDay}T00:00:00Z`));
}

/** Today in the shopper's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The language the element should speak: its own `locale`, then the page's, then the nearest
 * `lang` attribute (across shadow roots), then the browser's.
 */
export function resolveLocale(element: Element, ...preferred: (string | undefined)[]): SupportedLocale {
  for (const tag of preferred) if (tag) return matchLocale(tag);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.closest('[lang]')?.getAttribute('lang');
      if (lang) return matchLocale(lang);
    }
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return matchLocale(globalThis.navigator?.language);
}
