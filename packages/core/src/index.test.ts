import { expect } from 'chai';
import * as core from './index.js';
import { isNode } from './test-support/runtime.js';

describe('@fenqi/core public API', () => {
  it('exports the names the other packages rely on', () => {
    for (const name of ['parseMoney', 'toDecimalString', 'formatMoney', 'allocate', 'currencyExponent', 'buildSchedule', 'annualRate', 'disclosedRate', 'MoneyError', 'ScheduleError', 'AnnualRateError']) {
      expect(core, name).to.have.property(name);
    }
  });

  it('documents every export with TSDoc and an @example', async function () {
    if (!isNode) return this.skip();
    this.timeout(120_000);
    const { default: ts } = await import('typescript');
    const entry = new URL('./index.ts', import.meta.url).pathname;
    const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const missing = checker
      .getExportsOfModule(moduleSymbol)
      .filter((exported) => {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        return !symbol.getJsDocTags(checker).some((tag) => tag.name === 'example');
      })
      .map((exported) => exported.name);
    expect(missing).to.deep.equal([]);
  });
});
