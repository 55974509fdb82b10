import { expect } from 'chai';
import { packageEntries } from './public-entries.js';

describe('public API of every package', () => {
  it('documents every export of every entry with TSDoc and an @example', async function () {
    this.timeout(180_000);
    const { default: ts } = await import('typescript');
    const entries = packageEntries().map((entry) => entry.source);
    expect(entries.length).to.be.greaterThan(8);
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      customConditions: ['@fenqi/source'],
      experimentalDecorators: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const missing = entries.flatMap((entry) =>
      checker
        .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)
        .filter((exported) => {
          const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
          return !symbol.getJsDocTags(checker).some((tag) => tag.name === 'example');
        })
        .map((exported) => `${entry.replace(/.*packages\//, '')}: ${exported.name}`),
    );
    expect(missing).to.deep.equal([]);
  });
});
