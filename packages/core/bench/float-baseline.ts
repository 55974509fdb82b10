/**
 * What a typical JavaScript loan calculator does: floats in major units, Math.round to cents,
 * Newton's method for the rate. It is the speed baseline of `npm run bench`, never used for
 * real figures (it is exactly what loan-math.md §4 warns against).
 */
export interface FloatRow {
  number: number;
  payment: number;
  principal: number;
  interest: number;
  balance: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

export function floatAnnuitySchedule(principal: number, annualRate: number, termMonths: number): FloatRow[] {
  const i = annualRate / 12;
  const payment = cents(i === 0 ? principal / termMonths : (principal * i) / (1 - (1 + i) ** -termMonths));
  const rows: FloatRow[] = [];
  let balance = principal;
  for (let number = 1; number <= termMonths; number += 1) {
    const interest = cents(balance * i);
    const repaid = number === termMonths ? balance : cents(payment - interest);
    balance = cents(balance - repaid);
    rows.push({ number, payment: cents(repaid + interest), principal: repaid, interest, balance });
  }
  return rows;
}

export function floatRate(advance: number, payments: readonly number[]): number {
  let rate = 0.01;
  for (let step = 0; step < 100; step += 1) {
    let value = -advance;
    let slope = 0;
    for (let k = 0; k < payments.length; k += 1) {
      const discount = (1 + rate) ** -(k + 1);
      value += payments[k]! * discount;
      slope -= ((k + 1) * payments[k]! * discount) / (1 + rate);
    }
    const next = rate - value / slope;
    if (Math.abs(next - rate) < 1e-12) return next;
    rate = next;
  }
  return rate;
}

export function floatOffer(principal: number, annualRate: number, termMonths: number): { rows: FloatRow[]; apr: number } {
  const rows = floatAnnuitySchedule(principal, annualRate, termMonths);
  return { rows, apr: floatRate(principal, rows.map((row) => row.payment)) * 12 };
}
