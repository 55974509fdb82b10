// The comparison behind `npm run api`, on the committed reports (no build needed): it passes when
// nothing changed and fails, naming the report and the line, when anything did. `npm run api`
// itself (in `npm test`, after the build) runs it on reports generated from dist.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, globalDeclarations, normalizeReport, publicEntries, readCommittedReports, unresolvedImports } from './api-reports.js';
import type { ApiReport, PublicEntry } from './api-reports.js';

describe('API reports (packages/*/api/)', () => {
  const entries = publicEntries();
  const committed = readCommittedReports();
  /** The reports as if generated from a build that matches what is committed. */
  const unchanged = (): ApiReport[] => entries.map((entry) => ({ entry, text: committed.get(entry.report) ?? '' }));
  const core = entries.find((entry) => entry.importPath === '@fenqi/core')!;

  it('has one committed report per public entry, headed with its import path', () => {
    expect(entries.map((entry) => entry.importPath)).to.include.members(['@fenqi/core', '@fenqi/sdk/server', '@fenqi/mock-server/node', '@fenqi/widget/define.js']);
    expect([...committed.keys()].sort()).to.deep.equal(entries.map((entry) => entry.report).sort());
    for (const entry of entries) expect(committed.get(entry.report), entry.report).to.include(`## API Report File for "${entry.importPath}"\n`);
  });

  it('passes when the generated reports are the committed ones', () => {
    expect(compareReports(unchanged(), committed)).to.deep.equal([]);
  });

  it('fails on one changed line, and shows it', () => {
    const before = committed.get(core.report)!;
    const lines = before.split('\n');
    const index = lines.findIndex((line) => line.startsWith('export function '));
    expect(index, 'an exported function in core.api.md').to.be.above(0);
    const changed = lines.with(index, lines[index]!.replace('(', '(extra: string, ')).join('\n');
    const reports = unchanged().map((report) => (report.entry === core ? { entry: core, text: changed } : report));

    const differences = compareReports(reports, committed);
    expect(differences.map(({ report, kind }) => ({ report, kind }))).to.deep.equal([{ report: 'packages/core/api/core.api.md', kind: 'changed' }]);
    expect(differences[0]!.hint).to.equal(`@@ line ${index + 1} @@\n- ${lines[index]}\n+ ${lines[index]!.replace('(', '(extra: string, ')}`);
  });

  it('fails on a change that is only whitespace', () => {
    const reports = unchanged().map((report) => (report.entry === core ? { entry: core, text: `${report.text}\n` } : report));
    expect(compareReports(reports, committed).map(({ kind }) => kind)).to.deep.equal(['changed']);
  });

  it('fails on a new entry without a report and on a report whose entry is gone', () => {
    const added: PublicEntry = { ...core, importPath: '@fenqi/core/extra', report: 'packages/core/api/core-extra.api.md' };
    const withExtraCommitted = new Map([...committed, ['packages/core/api/core-gone.api.md', 'old report']]);
    const differences = compareReports([...unchanged(), { entry: added, text: 'new report' }], withExtraCommitted);
    expect(differences.map(({ report, kind }) => `${kind} ${report}`)).to.deep.equal(['missing packages/core/api/core-extra.api.md', 'stale packages/core/api/core-gone.api.md']);
  });

  it('leaves out of the report what changes without the API changing', () => {
    const raw = (version: string, line: number) =>
      [
        '## API Report File for "@fenqi/core"',
        '// @public (undocumented)',
        `export const FENQI_VERSION = "${version}";`,
        'export interface Money {',
        '    // Warning: (ae-forgotten-export) The symbol "Minor" needs to be exported by the entry point index.d.ts',
        '    //',
        '    // (undocumented)',
        '    readonly minor: Minor;',
        '}',
        `// dist/money.d.ts:${line}:5 - (ae-forgotten-export) The symbol "Code" needs to be exported by the entry point index.d.ts`,
        '',
      ].join('\n');
    const normalized = normalizeReport(raw(core.version, 12), core);
    expect(normalized).to.equal(
      [
        '## API Report File for "@fenqi/core"',
        '// @public',
        'export const FENQI_VERSION = "<version of package.json>";',
        'export interface Money {',
        '    // Warning: (ae-forgotten-export) The symbol "Minor" needs to be exported by the entry point index.d.ts',
        '    readonly minor: Minor;',
        '}',
        '// dist/money.d.ts - (ae-forgotten-export) The symbol "Code" needs to be exported by the entry point index.d.ts',
        '',
      ].join('\n'),
    );
    expect(normalizeReport(raw(core.version, 40), core), 'a doc comment moved the line').to.equal(normalized);
    expect(normalizeReport(raw('9.9.9', 12), core), 'a version other than package.json').to.include('FENQI_VERSION = "9.9.9"');
    expect(normalizeReport(raw(core.version, 12), entries.find((entry) => entry.importPath === '@fenqi/sdk/server')!)).to.include('## API Report File for "@fenqi/sdk/server"');
  });

  it("finds the imports a consumer's TypeScript could not resolve", () => {
    const mockServerNode = entries.find((entry) => entry.importPath === '@fenqi/mock-server/node')!;
    const report = [
      "import type { SetupServer } from 'msw/node';", // a dependency's public entry
      "import type { Server } from 'node:http';", // Node's, from @types/node
      "import type { Internal } from './internal/state.js';", // a declaration file api-extractor could not find
      "import type { Assertion } from 'chai';", // not a dependency
      "import type { Hidden } from 'msw/lib/core/hidden';", // a dependency, but no such entry
      "export function f(x: import('node:nope').X): void;", // no such Node module
    ].join('\n');
    expect(unresolvedImports(report, mockServerNode)).to.have.members(['./internal/state.js', 'chai', 'msw/lib/core/hidden', 'node:nope']);
  });

  it('records the global declarations an entry reaches (tag and event maps), which api-extractor leaves out', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fenqi-globals-'));
    try {
      mkdirSync(join(folder, 'dist', 'tags'), { recursive: true });
      const tag = "declare global {\n    interface HTMLElementTagNameMap {\n        'fenqi-x': HTMLElement;\n    }\n}";
      writeFileSync(join(folder, 'dist', 'index.d.ts'), "export { X } from './x.js';\nimport './tags/x-tag.js';\n");
      writeFileSync(join(folder, 'dist', 'x.d.ts'), 'export declare class X {}\n');
      writeFileSync(join(folder, 'dist', 'tags', 'x-tag.d.ts'), `export {};\n${tag}\n`);
      writeFileSync(join(folder, 'dist', 'unreached.d.ts'), `export {};\n${tag.replace('fenqi-x', 'fenqi-y')}\n`);
      const entry: PublicEntry = { ...core, packageFolder: folder, types: join(folder, 'dist', 'index.d.ts') };
      expect(globalDeclarations(entry)).to.equal(`\n## Global declarations\n\n\`\`\`ts\n// dist/tags/x-tag.d.ts\n${tag}\n\`\`\`\n`);
      expect(globalDeclarations({ ...entry, types: join(folder, 'dist', 'x.d.ts') }), 'none reached').to.equal('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
