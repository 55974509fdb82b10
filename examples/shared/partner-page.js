// What every demo partner page does with Fenqi, in one place: configure the widget, then, when
// the shopper chooses to pay in instalments, ask our own server for a checkout session, open
// <fenqi-checkout> with its client secret, and confirm the order on our server once the bank
// approves. This is the browser half of the integration; examples/partner-server is the other.
//
// The page never decides the amount: it sends the cart (what the shopper chose) and our server
// prices it again from its own catalogue before it asks the bank for a session.
import { formatMoney, parseMoney } from '@fenqi/core';
import { configure, loadCheckout } from '@fenqi/widget';
import { catalogueFor } from '/shared/catalogue.mjs';
import { h } from '/shared/dom.js';

/** The page's words for the order panel, in the site's language. */
const WORDS = {
  'zh-CN': {
    pay: '分期付款',
    preparing: '正在准备分期申请…',
    order: (id) => `订单 ${id}`,
    status: {
      awaiting_application: '等待分期申请',
      awaiting_decision: '银行审核中',
      confirmed: '订单已确认，等待放款',
      disbursing: '银行放款中',
      paid: '已付款：银行已放款',
      declined: '分期未获批准',
      cancelled: '已取消',
      failed: '放款失败',
    },
    paidInPart: (remainder) => `银行已支付分期部分，其余 ${remainder} 请以其他方式支付`,
    labels: { status: '状态', total: '订单金额', financed: '分期金额', remainder: '其余应付', loan: '借款', disbursements: '放款', events: '银行通知' },
    events: { 'checkout_session.expired': '申请已过期', 'application.decided': '审批结果', 'loan.created': '借款已创建', 'disbursement.succeeded': '放款成功', 'disbursement.failed': '放款失败', 'repayment.due': '还款到期', 'repayment.paid': '已还款', 'loan.overdue': '借款逾期', 'loan.paid': '借款已结清' },
    paidButton: '已付款',
    loan: { pending_disbursement: '待放款', active: '还款中', paid: '已结清', overdue: '已逾期' },
    attempt: (n, status) => `第 ${n} 次：${{ pending: '处理中', succeeded: '成功', failed: '失败' }[status] ?? status}`,
    declined: '很抱歉，本次无法使用分期付款。请选择其他支付方式。',
    cancelled: '您尚未完成分期申请。',
    resume: '继续申请',
    review: '您的申请正在审核中，结果会显示在这里。',
    problem: '暂时无法开始分期付款，请稍后再试。',
    refused: (detail) => `无法为此订单分期付款：${detail}`,
  },
  en: {
    pay: 'Pay monthly',
    preparing: 'Preparing your application…',
    order: (id) => `Order ${id}`,
    status: {
      awaiting_application: 'Waiting for your application',
      awaiting_decision: 'The bank is reviewing your application',
      confirmed: 'Order confirmed, waiting for the bank to pay us',
      disbursing: 'The bank is paying us',
      paid: 'Paid: the bank has paid the merchant',
      declined: 'Instalments declined',
      cancelled: 'Cancelled',
      failed: 'The bank could not pay the merchant',
    },
    paidInPart: (remainder) => `The bank has paid the instalment part; ${remainder} is still to pay another way`,
    labels: { status: 'Status', total: 'Order total', financed: 'Paid in instalments', remainder: 'Still to pay', loan: 'Loan', disbursements: 'Payments to the merchant', events: 'Bank notifications' },
    events: { 'checkout_session.expired': 'checkout expired', 'application.decided': 'decision', 'loan.created': 'loan created', 'disbursement.succeeded': 'payment to the merchant', 'disbursement.failed': 'failed payment to the merchant', 'repayment.due': 'repayment due', 'repayment.paid': 'repayment made', 'loan.overdue': 'loan overdue', 'loan.paid': 'loan paid off' },
    paidButton: 'Paid',
    loan: { pending_disbursement: 'waiting for payment', active: 'active', paid: 'paid off', overdue: 'overdue' },
    attempt: (n, status) => `Attempt ${n}: ${status}`,
    declined: 'Sorry, instalments are not available for this order. Please choose another way to pay.',
    cancelled: 'You have not finished your instalment application.',
    resume: 'Continue application',
    review: 'Your application is being reviewed; the result will show here.',
    problem: 'We could not start the instalment payment. Please try again in a moment.',
    refused: (detail) => `Instalments are not possible for this order: ${detail}`,
  },
};

/** Orders that will not change any more: the page stops asking. */
const FINAL = ['paid', 'declined', 'cancelled', 'failed'];

/**
 * Configures every Fenqi element on the page for one of our sites, with the publishable key and
 * the bank's address that our server wrote into the page's <meta> tags.
 */
export function setUpSite(site) {
  const catalogue = catalogueFor(site);
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
  configure({
    publishableKey: meta('fenqi-publishable-key'),
    apiBase: meta('fenqi-api-base'),
    merchant: catalogue.merchant,
    scenario: catalogue.scenario,
    currency: catalogue.currency,
    locale: catalogue.locale,
  });
  return catalogue;
}

/**
 * The rows of a priced cart for a `<dl class="totals">`: each line, then the total under `label`;
 * `format` writes a decimal string for people.
 */
export function totalRows(priced, label, format) {
  return [
    ...priced.lines.flatMap((line) => [h('dt', {}, line.label), h('dd', {}, format(line.amount))]),
    h('dt', { class: 'totals__grand' }, label),
    h('dd', { class: 'totals__grand' }, format(priced.total)),
  ];
}

/** A decimal string in the site's currency, for people. */
export function money(value, currency, locale) {
  return formatMoney(parseMoney(value, currency), locale);
}

/**
 * The "pay monthly" part of a page: a button that starts the application for `cart()` (what the
 * shopper chose right now) and the panel where the order's progress shows. The button follows the
 * `offer`: usable only while it shows plans for the total. `onPaid` runs once the bank has paid
 * (the shop empties its cart there).
 */
export function instalmentCheckout({ site, cart, button, panel, offer, onPaid = () => {} }) {
  const catalogue = catalogueFor(site);
  const words = WORDS[catalogue.locale] ?? WORDS.en;
  const storageKey = `partner-order:${site}`;
  let checkout;
  let current; // { orderId, clientSecret }
  let polling;
  let paid = false;
  // Only an amount the bank lends on can be paid monthly; the widget says so by event.
  let eligible = offer.status === 'ready';
  const follow = () => {
    button.disabled = paid || !eligible;
  };
  offer.addEventListener('fenqi-ready', () => {
    eligible = true;
    follow();
  });
  for (const name of ['fenqi-ineligible', 'fenqi-error']) {
    offer.addEventListener(name, () => {
      eligible = false;
      follow();
    });
  }

  async function start() {
    button.disabled = true;
    say(words.preparing);
    try {
      const response = await fetch('/api/checkout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site, cart: cart() }) });
      if (response.status === 422) {
        // Our server or the bank refused this cart (an amount no plan covers): trying again will not help.
        const { detail } = await response.json().catch(() => ({}));
        return say(words.refused(detail ?? ''), 'error');
      }
      if (!response.ok) throw new Error(`${response.status} ${(await response.json().catch(() => ({}))).detail ?? ''}`);
      const { orderId, clientSecret } = await response.json();
      current = { orderId, clientSecret };
      // The client secret is not personal data; keeping it lets a reload take the application up again.
      sessionStorage.setItem(storageKey, JSON.stringify(current));
      await open();
    } catch (error) {
      console.warn('Fenqi checkout could not start:', error);
      say(words.problem, 'error');
    } finally {
      follow();
    }
  }

  async function open() {
    await loadCheckout(); // the checkout's own chunk, fetched only now
    if (!checkout) {
      checkout = document.createElement('fenqi-checkout');
      checkout.addEventListener('fenqi-approved', (event) => confirm(event.detail.applicationId));
      checkout.addEventListener('fenqi-review', () => watch(words.review));
      checkout.addEventListener('fenqi-declined', () => finish(words.declined));
      checkout.addEventListener('fenqi-cancel', offerResume);
      document.body.append(checkout);
    }
    checkout.clientSecret = current.clientSecret;
    await checkout.updateComplete;
    await checkout.open();
  }

  /** After fenqi-approved: our server re-checks the application with its secret key, confirms and has the bank pay. */
  async function confirm(applicationId) {
    const response = await fetch(`/api/orders/${current.orderId}/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ applicationId }) });
    const order = await response.json();
    if (!response.ok) return say(order.detail ?? words.problem, 'error');
    show(order);
    watch();
  }

  function finish(text) {
    sessionStorage.removeItem(storageKey);
    say(text, 'error');
  }

  function offerResume() {
    panel.replaceChildren(paragraph(words.cancelled), resumeButton());
  }

  function resumeButton() {
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'button button--quiet';
    again.textContent = words.resume;
    again.addEventListener('click', () => void open());
    return again;
  }

  /** Asks our server about the order until nothing more can change (the bank tells it by webhook). */
  function watch(text) {
    if (text) say(text);
    clearTimeout(polling);
    const tick = async () => {
      const response = await fetch(`/api/orders/${current.orderId}`);
      if (response.ok) {
        const order = await response.json();
        if (order.status !== 'awaiting_application' && order.status !== 'awaiting_decision') show(order);
        if (FINAL.includes(order.status)) {
          sessionStorage.removeItem(storageKey);
          if (order.status === 'paid') settled();
          return;
        }
      }
      polling = setTimeout(tick, 1000);
    };
    polling = setTimeout(tick, 500);
  }

  /** The order is paid: it cannot be paid again from this page. */
  function settled() {
    if (paid) return;
    paid = true;
    button.textContent = words.paidButton;
    follow();
    onPaid();
  }

  function show(order) {
    const { currency } = order.amount;
    const amount = (wire) => money(wire.value, wire.currency, catalogue.locale);
    const owed = order.remainder && parseMoney(order.remainder.value, currency).minor > 0n;
    const status = order.status === 'paid' && owed ? words.paidInPart(amount(order.remainder)) : (words.status[order.status] ?? order.status);
    const rows = [
      [words.labels.status, status],
      [words.labels.total, amount(order.amount)],
      ...(order.financed ? [[words.labels.financed, amount(order.financed)]] : []),
      ...(owed ? [[words.labels.remainder, amount(order.remainder)]] : []),
      ...(order.loanId ? [[words.labels.loan, `${order.loanId}${order.loan ? ` (${words.loan[order.loan.status] ?? order.loan.status})` : ''}`]] : []),
      ...(order.disbursements?.length ? [[words.labels.disbursements, order.disbursements.map((attempt) => words.attempt(attempt.attempt, attempt.status)).join(' · ')]] : []),
      ...(order.events?.length ? [[words.labels.events, [...new Set(order.events.map((event) => words.events[event.type] ?? event.type))].join(', ')]] : []),
    ];
    const heading = document.createElement('h2');
    heading.textContent = words.order(order.id);
    const list = document.createElement('dl');
    for (const [term, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    const section = document.createElement('div');
    section.className = 'order';
    section.dataset.status = order.status;
    section.append(heading, list);
    panel.replaceChildren(section);
  }

  function say(text, tone) {
    panel.replaceChildren(paragraph(text, tone));
  }

  function paragraph(text, tone) {
    const line = document.createElement('p');
    line.className = tone ? `message message--${tone}` : 'message';
    line.textContent = text;
    return line;
  }

  button.textContent ||= words.pay;
  follow();
  button.addEventListener('click', () => void start());

  // A reload in the middle of an application: take it up again where the bank has it.
  const saved = sessionStorage.getItem(storageKey);
  if (saved) {
    try {
      current = JSON.parse(saved);
      panel.replaceChildren(paragraph(words.cancelled), resumeButton());
      watch();
    } catch {
      sessionStorage.removeItem(storageKey);
    }
  }
}
