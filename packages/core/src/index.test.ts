import { expect } from 'chai';
import * as core from './index.js';

describe('@fenqi/core public API', () => {
  it('exports the names the other packages rely on', () => {
    for (const name of ['parseMoney', 'toDecimalString', 'formatMoney', 'allocate', 'currencyExponent', 'buildSchedule', 'annualRate', 'disclosedRate', 'MoneyError', 'ScheduleError', 'AnnualRateError']) {
      expect(core, name).to.have.property(name);
    }
  });
});
