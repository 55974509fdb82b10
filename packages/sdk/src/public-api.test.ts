import { expect } from 'chai';

describe('@fenqi/sdk public API', () => {
  it('documents every export of both entries with TSDoc and an @example', async function () {
    if (typeof globalThis.process?.versions?.node !== 'string') return this.skip();
    this.timeout(120_000);
    const { default: ts } = await import('typescript');
    const entries = ['./index.ts', './server.ts', './openapi.ts'].map((path) => new URL(path, import.meta.url).pathname);
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      customConditions: ['@fenqi/source'],
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
        .map((exported) => `${entry.split('/').pop()}: ${exported.name}`),
    );
    expect(missing).to.deep.equal([]);
  });
});
