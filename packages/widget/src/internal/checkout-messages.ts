import type { ApplicantField, FieldProblem } from './applicant-form.js';
import type { SupportedLocale } from './messages.js';

/**
 * Every string the checkout shows, per display locale. It lives apart from the offer's messages
 * so that a page that only shows offers never downloads it (it loads with the checkout chunk).
 * Amounts, dates and rates arrive already formatted for the locale.
 */
export interface CheckoutMessages {
  title: string;
  close: string;
  back: string;
  continue: string;
  stepOf(step: number, steps: number): string;
  stepNames: { plan: string; details: string; consent: string; decision: string };
  loading: string;
  planIntro(amount: string): string;
  fields: Record<ApplicantField, string>;
  hints: Partial<Record<ApplicantField, string>>;
  employment: Record<'employed' | 'self-employed' | 'student' | 'retired' | 'unemployed' | 'other', string>;
  housing: Record<'own' | 'mortgage' | 'rent' | 'family' | 'other', string>;
  choose: string;
  problem(field: ApplicantField, problem: FieldProblem): string;
  errorSummary(count: number): string;
  consentIntro: string;
  creditCheck: string;
  terms(termsVersion: string, privacyVersion: string): string;
  termsLink: string;
  privacyLink: string;
  consentRequired: string;
  apply: string;
  submitting: string;
  submitFailed: string;
  tryAgain: string;
  approvedTitle: string;
  approvedSummary(amount: string, months: number, payment: string, rate: string): string;
  firstPayment(payment: string, date: string): string;
  nextSteps: string;
  done: string;
  declinedTitle: string;
  declinedIntro: string;
  declineReason(code: string): string | undefined;
  declinedGeneric: string;
  payAnotherWay: string;
  reviewTitle: string;
  reviewText(expected: string | undefined): string;
  reviewChecking: string;
  counterOfferTitle: string;
  counterOfferText(offered: string, requested: string, months: number, payment: string, rate: string): string;
  counterOfferRest(rest: string): string;
  acceptOffer: string;
  declineOffer: string;
  /** The bank approved other terms than the plan showed: the new rate, the plan's, the new total to repay. */
  repriced: (rate: string, shown: string | undefined, total: string) => string;
  acceptTerms: string;
  expiredTitle: string;
  expiredText: string;
  unavailableTitle: string;
  unavailableText: string;
}

type FieldWords = Record<ApplicantField, string>;

const enFields: FieldWords = {
  name: 'Full name',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  mobile: 'Mobile number',
  nationalId: 'Resident ID number',
  monthlyIncome: 'Monthly income after tax',
  employment: 'Employment',
  housing: 'Housing',
  existingMonthlyDebt: 'Existing monthly debt repayments',
};

const enInvalid: FieldWords = {
  name: 'Enter your full name.',
  dateOfBirth: 'Enter your date of birth.',
  email: 'Enter an email address like name@example.com.',
  mobile: 'Enter your mobile number with its country code, starting with +.',
  nationalId: 'Enter the 18 characters of your resident ID.',
  monthlyIncome: 'Enter an amount like 15000.00.',
  employment: 'Choose your employment.',
  housing: 'Choose your housing.',
  existingMonthlyDebt: 'Enter an amount like 2000.00, or 0.',
};

const enDeclines: Record<string, string> = {
  affordability: 'The monthly repayments would take too large a share of your income.',
  insufficient_income: 'Your income is below the minimum we need to offer instalments.',
  high_existing_debt: 'Your existing debt repayments are too high compared with your income.',
  credit_history: 'Your credit history does not support new credit at the moment.',
  underage: 'You must be 18 or older to apply.',
  identity_unverified: 'We could not verify your identity from the details you gave.',
  fraud_suspected: 'We cannot approve this application. Please contact us if you think this is a mistake.',
  velocity: 'Too many applications were made in a short time. Please try again tomorrow.',
  employment: 'Your employment status does not meet our lending criteria.',
  limit_exceeded: 'The amount is above the credit limit we can offer you.',
  currency_mismatch: 'Your income and debts must be in the currency of the purchase.',
  currency_unsupported: 'We do not offer instalments in this currency.',
};

const en: CheckoutMessages = {
  title: 'Apply to pay in instalments',
  close: 'Close',
  back: 'Back',
  continue: 'Continue',
  stepOf: (step, steps) => `Step ${step} of ${steps}`,
  stepNames: { plan: 'Choose a plan', details: 'Your details', consent: 'Consent', decision: 'Decision' },
  loading: 'Loading your checkout',
  planIntro: (amount) => `Choose how to pay ${amount}.`,
  fields: enFields,
  hints: {
    mobile: 'We send a code to this number before the first payment.',
    nationalId: 'The 18 characters on your resident identity card.',
    monthlyIncome: 'What reaches your account each month.',
    existingMonthlyDebt: 'Loans, cards and other instalments; 0 if none.',
  },
  employment: { employed: 'Employed', 'self-employed': 'Self-employed', student: 'Student', retired: 'Retired', unemployed: 'Not working', other: 'Other' },
  housing: { own: 'Own outright', mortgage: 'Own with a mortgage', rent: 'Rent', family: 'Live with family', other: 'Other' },
  choose: 'Choose…',
  problem: (field, problem) => {
    switch (problem) {
      case 'required':
        return field === 'employment' || field === 'housing' ? enInvalid[field] : `Enter your ${enFields[field].toLowerCase()}.`;
      case 'future':
        return 'The date of birth cannot be in the future.';
      case 'underage':
        return 'You must be 18 or older to apply.';
      case 'too-old':
        return 'Check the year of your date of birth.';
      case 'mobile-market':
        return 'This is not a mobile number we can use for this purchase. Check the number and its country code.';
      case 'id-format':
        return 'A resident ID has 17 digits followed by a digit or X.';
      case 'id-checksum':
        return 'This resident ID number is not valid. Check each character.';
      case 'id-birth-date':
        return 'The date of birth in your resident ID does not match the date of birth you entered.';
      case 'amount-decimals':
        return 'Use at most the currency’s decimal places, like 15000.00.';
      case 'amount-negative':
        return 'The amount cannot be negative.';
      default:
        return enInvalid[field];
    }
  },
  errorSummary: (count) => (count === 1 ? 'There is a problem with 1 field.' : `There are problems with ${count} fields.`),
  consentIntro: 'To decide, we check your credit record and process your details as our privacy notice describes.',
  creditCheck: 'I agree to a credit check.',
  terms: (termsVersion, privacyVersion) => `I have read and accept the loan terms (version ${termsVersion}) and the privacy notice (version ${privacyVersion}).`,
  termsLink: 'Loan terms',
  privacyLink: 'Privacy notice',
  consentRequired: 'Tick both boxes to apply.',
  apply: 'Apply',
  submitting: 'Sending your application…',
  submitFailed: 'We could not reach the bank. Your details are still here: try again.',
  tryAgain: 'Try again',
  approvedTitle: 'You are approved',
  approvedSummary: (amount, months, payment, rate) => `${amount} over ${months} months, from ${payment} a month. ${rate}.`,
  firstPayment: (payment, date) => `Your first payment of ${payment} is due on ${date}.`,
  nextSteps: 'The merchant now confirms your order; you will receive your loan agreement by email.',
  done: 'Done',
  declinedTitle: 'We cannot offer instalments this time',
  declinedIntro: 'Why:',
  declineReason: (code) => enDeclines[code],
  declinedGeneric: 'Your application does not meet our lending criteria.',
  payAnotherWay: 'Pay another way',
  reviewTitle: 'We are checking your application',
  reviewText: (expected) => (expected ? `We expect to decide by ${expected}. You can keep this window open or close it: the shop will tell you the outcome.` : 'You can keep this window open or close it: the shop will tell you the outcome.'),
  reviewChecking: 'Still checking…',
  counterOfferTitle: 'We can offer a lower amount',
  counterOfferText: (offered, requested, months, payment, rate) => `We can lend ${offered} of the ${requested}, over ${months} months from ${payment} a month. ${rate}.`,
  counterOfferRest: (rest) => `You pay the remaining ${rest} another way.`,
  acceptOffer: 'Accept this offer',
  declineOffer: 'No, thanks',
  repriced: (rate, shown, total) => `After checking your application the bank offers ${rate}${shown ? `, not the ${shown} the plan showed` : ''}: ${total} to repay in all. Accept these terms to go on, or pay another way.`,
  acceptTerms: 'Accept these terms',
  expiredTitle: 'This checkout has expired',
  expiredText: 'Go back to the shop and start the payment again.',
  unavailableTitle: 'Instalments are not available right now',
  unavailableText: 'Please try again in a moment, or pay another way.',
};

const zhDeclines: Record<string, string> = {
  affordability: '每月还款额占您收入的比例过高。',
  insufficient_income: '您的收入低于办理分期的最低要求。',
  high_existing_debt: '您现有的每月还款额相对收入过高。',
  credit_history: '您目前的信用记录暂不支持新的借款。',
  underage: '年满 18 周岁方可申请。',
  identity_unverified: '我们无法根据您提供的信息核实您的身份。',
  fraud_suspected: '我们无法批准此申请。如您认为有误，请联系我们。',
  velocity: '短时间内申请次数过多，请明天再试。',
  employment: '您的就业状况不符合我们的借款条件。',
  limit_exceeded: '金额超出我们可为您提供的额度。',
  currency_mismatch: '收入和负债须使用本次购物的币种填写。',
  currency_unsupported: '我们暂不支持此币种的分期。',
};

const zhFields: FieldWords = {
  name: '姓名',
  dateOfBirth: '出生日期',
  email: '电子邮箱',
  mobile: '手机号码',
  nationalId: '居民身份证号码',
  monthlyIncome: '税后月收入',
  employment: '就业状况',
  housing: '居住情况',
  existingMonthlyDebt: '现有每月还款额',
};

const zhInvalid: FieldWords = {
  name: '请输入您的姓名。',
  dateOfBirth: '请输入您的出生日期。',
  email: '请输入有效的电子邮箱，例如 name@example.com。',
  mobile: '请输入手机号码，例如 138 0013 8000。',
  nationalId: '请输入 18 位居民身份证号码。',
  monthlyIncome: '请输入金额，例如 15000.00。',
  employment: '请选择就业状况。',
  housing: '请选择居住情况。',
  existingMonthlyDebt: '请输入金额，例如 2000.00；没有请填 0。',
};

const zh: CheckoutMessages = {
  title: '申请分期付款',
  close: '关闭',
  back: '上一步',
  continue: '继续',
  stepOf: (step, steps) => `第 ${step} 步，共 ${steps} 步`,
  stepNames: { plan: '选择方案', details: '填写信息', consent: '授权确认', decision: '审批结果' },
  loading: '正在加载',
  planIntro: (amount) => `请选择 ${amount} 的分期方案。`,
  fields: zhFields,
  hints: {
    mobile: '首次还款前我们会向此号码发送验证码。',
    nationalId: '居民身份证上的 18 位号码。',
    monthlyIncome: '每月实际到账的收入。',
    existingMonthlyDebt: '贷款、信用卡及其他分期；没有请填 0。',
  },
  employment: { employed: '受雇', 'self-employed': '自雇', student: '学生', retired: '退休', unemployed: '待业', other: '其他' },
  housing: { own: '自有住房（无贷款）', mortgage: '自有住房（有房贷）', rent: '租房', family: '与家人同住', other: '其他' },
  choose: '请选择…',
  problem: (field, problem) => {
    switch (problem) {
      case 'required':
        return zhInvalid[field];
      case 'future':
        return '出生日期不能晚于今天。';
      case 'underage':
        return '年满 18 周岁方可申请。';
      case 'too-old':
        return '请检查出生年份。';
      case 'mobile-market':
        return '此号码不能用于本次购物，请检查号码及国家区号。';
      case 'id-format':
        return '居民身份证号码为 17 位数字加 1 位数字或 X。';
      case 'id-checksum':
        return '身份证号码无效，请逐位核对。';
      case 'id-birth-date':
        return '身份证号码中的出生日期与您填写的出生日期不一致。';
      case 'amount-decimals':
        return '小数位数过多，例如 15000.00。';
      case 'amount-negative':
        return '金额不能为负数。';
      default:
        return zhInvalid[field];
    }
  },
  errorSummary: (count) => `有 ${count} 项信息需要修改。`,
  consentIntro: '为作出审批决定，我们将查询您的征信记录，并依照隐私政策处理您的信息。',
  creditCheck: '我同意查询我的征信记录。',
  terms: (termsVersion, privacyVersion) => `我已阅读并同意借款协议（版本 ${termsVersion}）和隐私政策（版本 ${privacyVersion}）。`,
  termsLink: '借款协议',
  privacyLink: '隐私政策',
  consentRequired: '请勾选以上两项后再提交申请。',
  apply: '提交申请',
  submitting: '正在提交申请…',
  submitFailed: '暂时无法连接银行。您填写的信息仍保留，请重试。',
  tryAgain: '重试',
  approvedTitle: '审批通过',
  approvedSummary: (amount, months, payment, rate) => `分期金额 ${amount}，分 ${months} 期，每期 ${payment} 起。${rate}。`,
  firstPayment: (payment, date) => `首期还款 ${payment}，还款日 ${date}。`,
  nextSteps: '商家将确认您的订单，借款合同将发送至您的邮箱。',
  done: '完成',
  declinedTitle: '很抱歉，本次无法为您办理分期',
  declinedIntro: '原因：',
  declineReason: (code) => zhDeclines[code],
  declinedGeneric: '您的申请不符合我们的借款条件。',
  payAnotherWay: '选择其他支付方式',
  reviewTitle: '您的申请正在审核中',
  reviewText: (expected) => (expected ? `预计在 ${expected} 前完成审核。您可以保持此窗口打开，也可以关闭，商家会通知您结果。` : '您可以保持此窗口打开，也可以关闭，商家会通知您结果。'),
  reviewChecking: '审核中…',
  counterOfferTitle: '我们可以为您提供较低的金额',
  counterOfferText: (offered, requested, months, payment, rate) => `在 ${requested} 中，我们可为您分期 ${offered}，分 ${months} 期，每期 ${payment} 起。${rate}。`,
  counterOfferRest: (rest) => `其余 ${rest} 请使用其他方式支付。`,
  acceptOffer: '接受此方案',
  declineOffer: '不用了',
  repriced: (rate, shown, total) => `根据审核结果，银行为您提供的是${rate}${shown ? `，而非方案所示的${shown}` : ''}，共需还款 ${total}。接受此条件后继续，或选择其他支付方式。`,
  acceptTerms: '接受此条件',
  expiredTitle: '此订单支付已过期',
  expiredText: '请返回商店重新发起支付。',
  unavailableTitle: '暂时无法办理分期',
  unavailableText: '请稍后再试，或选择其他支付方式。',
};

const jaDeclines: Record<string, string> = {
  affordability: '毎月のお支払いがご収入に対して大きすぎます。',
  insufficient_income: 'ご収入が分割払いの最低基準に達していません。',
  high_existing_debt: '現在の毎月の返済額がご収入に対して高すぎます。',
  credit_history: '現在の信用履歴では新たなご利用をお受けできません。',
  underage: 'お申し込みは 18 歳以上の方に限ります。',
  identity_unverified: 'ご入力の情報から本人確認ができませんでした。',
  fraud_suspected: 'このお申し込みは承認できません。お心当たりのない場合はお問い合わせください。',
  velocity: '短時間にお申し込みが集中しました。明日もう一度お試しください。',
  employment: 'ご就業状況が審査基準を満たしていません。',
  limit_exceeded: 'ご利用可能枠を超える金額です。',
  currency_mismatch: '収入と返済額はお買い物と同じ通貨でご入力ください。',
  currency_unsupported: 'この通貨では分割払いをご利用いただけません。',
};

const jaFields: FieldWords = {
  name: '氏名',
  dateOfBirth: '生年月日',
  email: 'メールアドレス',
  mobile: '携帯電話番号',
  nationalId: '居民身分証番号',
  monthlyIncome: '月収（手取り）',
  employment: 'ご職業',
  housing: 'お住まい',
  existingMonthlyDebt: '現在の毎月の返済額',
};

const jaInvalid: FieldWords = {
  name: '氏名を入力してください。',
  dateOfBirth: '生年月日を入力してください。',
  email: 'name@example.com のようにメールアドレスを入力してください。',
  mobile: '090 1234 5678 のように携帯電話番号を入力してください。',
  nationalId: '18 桁の居民身分証番号を入力してください。',
  monthlyIncome: '15000 のように金額を入力してください。',
  employment: 'ご職業を選択してください。',
  housing: 'お住まいを選択してください。',
  existingMonthlyDebt: '金額を入力してください（ない場合は 0）。',
};

const ja: CheckoutMessages = {
  title: '分割払いのお申し込み',
  close: '閉じる',
  back: '戻る',
  continue: '次へ',
  stepOf: (step, steps) => `ステップ ${step}／${steps}`,
  stepNames: { plan: 'プランの選択', details: 'お客様情報', consent: '同意事項', decision: '審査結果' },
  loading: '読み込み中',
  planIntro: (amount) => `${amount} のお支払い方法を選択してください。`,
  fields: jaFields,
  hints: {
    mobile: '初回のお支払い前にこの番号へ確認コードをお送りします。',
    monthlyIncome: '毎月口座に入る金額。',
    existingMonthlyDebt: 'ローン、カード、その他の分割払い。ない場合は 0。',
  },
  employment: { employed: '会社員', 'self-employed': '自営業', student: '学生', retired: '年金受給者', unemployed: '無職', other: 'その他' },
  housing: { own: '持ち家（ローンなし）', mortgage: '持ち家（ローンあり）', rent: '賃貸', family: '家族と同居', other: 'その他' },
  choose: '選択してください…',
  problem: (field, problem) => {
    switch (problem) {
      case 'future':
        return '生年月日が未来の日付になっています。';
      case 'underage':
        return 'お申し込みは 18 歳以上の方に限ります。';
      case 'too-old':
        return '生年をご確認ください。';
      case 'mobile-market':
        return 'このお買い物にはご利用いただけない番号です。番号と国番号をご確認ください。';
      case 'id-format':
        return '居民身分証番号は 17 桁の数字と 1 桁の数字または X です。';
      case 'id-checksum':
        return '居民身分証番号が正しくありません。1 文字ずつご確認ください。';
      case 'id-birth-date':
        return '居民身分証番号の生年月日が入力された生年月日と一致しません。';
      case 'amount-decimals':
        return '小数点以下の桁数が多すぎます。';
      case 'amount-negative':
        return '金額にマイナスは入力できません。';
      default:
        return jaInvalid[field];
    }
  },
  errorSummary: (count) => `${count} 件の項目を修正してください。`,
  consentIntro: '審査のため、信用情報を照会し、プライバシーポリシーに従ってお客様の情報を取り扱います。',
  creditCheck: '信用情報の照会に同意します。',
  terms: (termsVersion, privacyVersion) => `ご利用規約（版 ${termsVersion}）とプライバシーポリシー（版 ${privacyVersion}）を読み、同意します。`,
  termsLink: 'ご利用規約',
  privacyLink: 'プライバシーポリシー',
  consentRequired: '両方にチェックを入れてからお申し込みください。',
  apply: '申し込む',
  submitting: '送信しています…',
  submitFailed: '銀行に接続できませんでした。ご入力内容はそのまま残っています。もう一度お試しください。',
  tryAgain: 'もう一度試す',
  approvedTitle: '審査に通りました',
  approvedSummary: (amount, months, payment, rate) => `${amount}、${months} 回払い、月々 ${payment} から。${rate}。`,
  firstPayment: (payment, date) => `初回のお支払い ${payment} の期日は ${date} です。`,
  nextSteps: 'ショップがご注文を確定し、契約書をメールでお送りします。',
  done: '完了',
  declinedTitle: '今回は分割払いをご利用いただけません',
  declinedIntro: '理由：',
  declineReason: (code) => jaDeclines[code],
  declinedGeneric: 'お申し込みは審査基準を満たしていません。',
  payAnotherWay: '別の方法で支払う',
  reviewTitle: 'お申し込みを審査しています',
  reviewText: (expected) => (expected ? `${expected} までに結果をお知らせする予定です。この画面は閉じてもかまいません。結果はショップからお知らせします。` : 'この画面は閉じてもかまいません。結果はショップからお知らせします。'),
  reviewChecking: '審査中…',
  counterOfferTitle: '減額してのご提案です',
  counterOfferText: (offered, requested, months, payment, rate) => `${requested} のうち ${offered} を ${months} 回払い、月々 ${payment} からご利用いただけます。${rate}。`,
  counterOfferRest: (rest) => `残りの ${rest} は別の方法でお支払いください。`,
  acceptOffer: 'この内容で申し込む',
  declineOffer: '申し込まない',
  repriced: (rate, shown, total) => `審査の結果、${shown ? `表示の${shown}ではなく` : ''}${rate}でのご提案です（お支払総額 ${total}）。この条件でよろしければお進みください。`,
  acceptTerms: 'この条件で申し込む',
  expiredTitle: 'このお支払いは期限切れです',
  expiredText: 'ショップに戻り、もう一度お支払いを始めてください。',
  unavailableTitle: '現在、分割払いをご利用いただけません',
  unavailableText: 'しばらくしてからもう一度お試しいただくか、別の方法でお支払いください。',
};

const MESSAGES: Record<SupportedLocale, CheckoutMessages> = {
  // No word of the checkout is spelt differently in British English; rate names differ, and come from the offer's messages.
  'en-US': en,
  'en-GB': en,
  'zh-CN': zh,
  'ja-JP': ja,
};

export function checkoutMessagesFor(locale: SupportedLocale): CheckoutMessages {
  return MESSAGES[locale];
}
