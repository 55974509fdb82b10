import { expect } from 'chai';
import { addMonths, epochDayOf, formatIsoDate, monthsAndDaysBetween, parseIsoDate } from './calendar.js';

const date = (text: string) => parseIsoDate(text)!;

describe('calendar', () => {
  it('reads only real ISO dates', () => {
    expect(parseIsoDate('2024-02-29')).to.include({ year: 2024, month: 2, day: 29 });
    for (const text of ['2025-02-29', '2025-13-01', '2025-1-01', '20250101', '', undefined, '2025-04-31']) {
      expect(parseIsoDate(text), String(text)).to.equal(undefined);
    }
  });

  it('counts days like Date.UTC for modern years, and correctly for years 0–99', () => {
    for (const text of ['1970-01-01', '2000-02-29', '2024-12-31', '1900-03-01', '9999-12-31', '1600-02-29']) {
      const { year, month, day } = date(text);
      expect(epochDayOf(year, month, day), text).to.equal(Date.parse(`${text}T00:00:00Z`) / 86_400_000);
    }
    expect(date('0100-01-01').epochDay - date('0099-12-31').epochDay).to.equal(1);
    expect(date('0000-03-01').epochDay - date('0000-02-29').epochDay).to.equal(1);
  });

  it('adds months, clamping to the month end', () => {
    expect(formatIsoDate(addMonths(date('2025-01-31'), 1))).to.equal('2025-02-28');
    expect(formatIsoDate(addMonths(date('2024-01-31'), 1))).to.equal('2024-02-29');
    expect(formatIsoDate(addMonths(date('2025-02-28'), 1, 31))).to.equal('2025-03-31');
    expect(formatIsoDate(addMonths(date('2025-03-15'), -3))).to.equal('2024-12-15');
  });

  it('counts whole months back from the later date, then odd days', () => {
    expect(monthsAndDaysBetween(date('1978-02-10'), date('1978-04-01'))).to.deep.equal({ months: 1, days: 19 });
    expect(monthsAndDaysBetween(date('2025-01-31'), date('2025-02-28'))).to.deep.equal({ months: 1, days: 0 });
    expect(monthsAndDaysBetween(date('2025-01-30'), date('2025-02-28'))).to.deep.equal({ months: 1, days: 0 });
    expect(monthsAndDaysBetween(date('2033-10-30'), date('2033-11-30'))).to.deep.equal({ months: 1, days: 0 });
    expect(monthsAndDaysBetween(date('2025-01-15'), date('2025-02-28'))).to.deep.equal({ months: 1, days: 13 });
    expect(monthsAndDaysBetween(date('2025-01-15'), date('2025-01-20'))).to.deep.equal({ months: 0, days: 5 });
    expect(monthsAndDaysBetween(date('2024-01-01'), date('2026-01-01'))).to.deep.equal({ months: 24, days: 0 });
  });
});
