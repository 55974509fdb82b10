import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';

/** Every public entry of every package: the source paths of its exports map. */
function publicEntries(): string[] {
  const packages = new URL('../packages/', import.meta.url);
  return readdirSync(packages).flatMap((name) => {
    const manifest = JSON.parse(readFileSync(new URL(`${name}/package.json`, packages), 'utf8')) as { exports: Record<string, { '@fenqi/source'?: string } | string> };
    return Object.values(manifest.exports).flatMap((target) => (typeof target === 'object' && target['@fenqi/source'] ? [new URL(`${name}/${target['@fenqi/source']}`, packages).pathname] : []));
  });
}

describe('public API of every package', () => {
  it('documents every export of every entry with TSDoc and an @example', async function () {
    this.timeout(180_000);
    const { default: ts } = await import('typescript');
    const entries = publicEntries();
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
