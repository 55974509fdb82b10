// The recorded public API of every package: one api-extractor report per public entry, written
// from the built declarations (dist/*.d.ts) to packages/<pkg>/api/<entry>.api.md, and compared
// with the committed reports. `npm run api` checks and `npm run api:update` writes (api-report.ts);
// api-report.test.ts tests the comparison.
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import type { ExtractorMessage, IExtractorMessagesConfig } from '@microsoft/api-extractor';
import ts from 'typescript';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from 'node:util';
import { packageEntries } from '../public-entries.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = join(ROOT, 'packages');

/** One public entry of one package, as its exports map names it. */
export interface PublicEntry {
  /** What consumers import: `@fenqi/sdk/server`. */
  readonly importPath: string;
  /** The package folder, absolute. */
  readonly packageFolder: string;
  /** The built declarations of the entry, absolute. */
  readonly types: string;
  /** Its report, relative to the repository: `packages/sdk/api/sdk-server.api.md`. */
  readonly report: string;
  /** The packages its consumers install with it (dependencies and peerDependencies). */
  readonly dependencies: readonly string[];
  /** The version in package.json. */
  readonly version: string;
}

/** The report of an entry, generated from the built package (normalizeReport applied). */
export interface ApiReport {
  readonly entry: PublicEntry;
  readonly text: string;
}

/** A report that differs from the committed one, in words and a short diff. */
export interface ReportDifference {
  readonly report: string;
  readonly kind: 'changed' | 'missing' | 'stale';
  readonly hint: string;
}

/**
 * Every code entry of every package (scripts/public-entries.ts), with its report named after the
 * package and the subpath: `.` of @fenqi/sdk is sdk.api.md, `./server` sdk-server.api.md,
 * `./define.js` of @fenqi/widget widget-define.api.md.
 */
export function publicEntries(): PublicEntry[] {
  return packageEntries().map(({ specifier, packageFolder, folder, manifest, subpath, types }) => {
    const unscoped = manifest.name.replace(/^@[^/]+\//, '');
    const name = subpath === '.' ? '' : subpath.slice(2).replace(/\.js$/, '');
    return {
      importPath: specifier,
      packageFolder,
      types,
      report: `packages/${folder}/api/${name === '' ? unscoped : `${unscoped}-${name.replaceAll('/', '-')}`}.api.md`,
      dependencies: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})],
      version: manifest.version,
    };
  });
}

// What api-extractor may say, and where it goes. The report records the API's shape; anything
// about the shape goes into it (so a reviewer sees it in the diff); anything that means the
// analysis cannot be trusted fails the run; checks that belong to other tools are off.
const MESSAGES: IExtractorMessagesConfig = {
  // The program is declaration files only, with skipLibCheck (see compilerOptions), so what the
  // compiler still reports (a missing lib, a bad option) means the analysis itself is wrong.
  compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
  extractorMessageReporting: {
    // Anything we have not decided on below goes into the report, where a change to it shows.
    default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
    // Deliberately in the report: a type the API uses but the entry does not export (consumers can
    // use it but cannot name it). includeForgottenExports below also records its declaration, so
    // a change to it fails the check like a change to an exported type.
    'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
    // We don't use release tags (@public, @beta, …): every export is public, and saying so on each
    // would be noise.
    'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
    // Documentation is checked elsewhere: scripts/public-api.test.ts wants TSDoc with an @example on
    // every export, and typedoc (`npm run docs`) resolves {@link}s its own way (relative member
    // names) which api-extractor's TSDoc resolver does not follow.
    'ae-undocumented': { logLevel: ExtractorLogLevel.None },
    'ae-unresolved-link': { logLevel: ExtractorLogLevel.None },
    // A non-.d.ts entry means the exports map points at the wrong file.
    'ae-wrong-input-file-type': { logLevel: ExtractorLogLevel.Error },
  },
  // Our doc comments are written for typedoc and the custom-elements analyzer, whose tags
  // (@default, @module, @csspart, @fires, …) strict TSDoc does not define.
  tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
};

/**
 * What the analysis sees: the built declarations, resolved as a consumer resolves them (NodeNext,
 * `types` condition, other @fenqi packages through their dist), with the DOM (widget, msw) and Node
 * (mock-server) types. skipLibCheck: checking the declarations of msw, zod and lit with
 * api-extractor's TypeScript took two thirds of the run (6.3 s against 2.3 s), and ours come from a
 * type-checked build. What it would have caught that matters here, an import that does not resolve
 * (the type silently becomes `any`), unresolvedImports catches.
 */
function compilerOptions(entries: readonly PublicEntry[]): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      types: ['node'],
      skipLibCheck: true,
    },
    files: entries.map((entry) => entry.types),
  };
}

/**
 * The report without what changes when the API does not, so that the check fails only for a change
 * someone should review.
 */
export function normalizeReport(text: string, entry: PublicEntry): string {
  return (
    text
      // api-extractor knows packages, not subpath entries: every report of @fenqi/sdk would be
      // headed "@fenqi/sdk". Name the import the report is about.
      .replace(/^(## API Report File for )"[^"]*"/m, `$1"${entry.importPath}"`)
      // FENQI_VERSION is declared as the literal version, which every release changes on purpose
      // (`npm run release:version`); `npm test` before publishing would fail on it. Another value
      // than the package's version still shows.
      .replace(/^(export const FENQI_VERSION = )"([^"]*)";$/m, (line, declaration: string, value: string) => (value === entry.version ? `${declaration}"<version of package.json>";` : line))
      // Warnings api-extractor cannot attach to a declaration end the report with their place in
      // dist; the line numbers move with every doc comment above them.
      .replace(/^(\/\/ \S+\.d\.ts):\d+:\d+ - /gm, '$1 - ')
      // "(undocumented)" marks members without a doc comment: documenting one is not an API change
      // (documentation has its own checks, see MESSAGES). Its "//" separator from a warning goes too.
      .replace(/^[ \t]*\/\/\n(?=[ \t]*\/\/ \(undocumented\)\n)/gm, '')
      .replace(/^[ \t]*\/\/ \(undocumented\)\n/gm, '')
      .replace(/^([ \t]*\/\/ @\w+) \(undocumented\)$/gm, '$1')
  );
}

/**
 * The `declare global` blocks of the declaration files an entry reaches within its package (the
 * widget's `HTMLElementTagNameMap` and event-map entries), as a section for its report:
 * api-extractor leaves global augmentations out, yet removing one breaks partner code as surely
 * as removing an export. Files of other packages are followed by their own reports.
 */
export function globalDeclarations(entry: PublicEntry): string {
  const seen = new Set<string>();
  const blocks: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isModuleDeclaration(statement) && statement.flags & ts.NodeFlags.GlobalAugmentation) {
        blocks.push(`// ${relative(entry.packageFolder, file)}\n${statement.getText(source)}`);
      }
    }
    // tsc writes a relative specifier of a declaration file as './x.js' for './x.d.ts'.
    for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)\.js["']/g)) visit(join(dirname(file), `${match[1]}.d.ts`));
  };
  visit(entry.types);
  if (blocks.length === 0) return '';
  return `\n## Global declarations\n\n\`\`\`ts\n${blocks.join('\n\n')}\n\`\`\`\n`;
}

/** How a consumer's TypeScript resolves modules. */
const CONSUMER: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'] };

/**
 * The imports of a report that a consumer's compiler could not follow. api-extractor copies into
 * the report the declarations it can follow and prints an import only for another package or for
 * a file it could not find; so a relative path is a declaration file missing from dist, and a
 * package must be one that consumers install with ours and must have that subpath.
 */
export function unresolvedImports(text: string, entry: PublicEntry): string[] {
  const specifiers = new Set([...text.matchAll(/\bfrom '([^']+)'|\bimport\(["']([^"']+)["']\)/g)].map((match) => (match[1] ?? match[2])!));
  return [...specifiers].filter((specifier) => {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return true;
    // Node's modules come from @types/node, declared rather than resolved.
    if (specifier.startsWith('node:')) return !builtinModules.includes(specifier.slice(5));
    const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    if (!entry.dependencies.includes(name)) return true;
    return ts.resolveModuleName(specifier, entry.types, CONSUMER, ts.sys).resolvedModule === undefined;
  });
}

/**
 * Runs api-extractor on every entry with one TypeScript program for all of them (a program per
 * entry took 12.6 s instead of 2.9). Returns the reports and the problems that make them untrustworthy:
 * a missing build, an import a consumer could not resolve, a compiler error.
 */
export function generateReports(entries: readonly PublicEntry[] = publicEntries()): { reports: ApiReport[]; problems: string[] } {
  const unbuilt = entries.filter((entry) => !existsSync(entry.types));
  if (unbuilt.length > 0) return { reports: [], problems: unbuilt.map((entry) => `${relative(ROOT, entry.types)} is missing: run \`npm run build\` first.`) };

  const problems = new Set<string>(); // compile errors are the program's, so every entry repeats them
  const reports: ApiReport[] = [];
  const temp = mkdtempSync(join(tmpdir(), 'fenqi-api-'));
  try {
    const tsconfig = compilerOptions(entries);
    let compilerState: CompilerState | undefined;
    for (const entry of entries) {
      const fileName = entry.report.replace(/^.*\//, '').replace(/\.api\.md$/, '');
      const config = ExtractorConfig.prepare({
        configObject: {
          projectFolder: entry.packageFolder,
          mainEntryPointFilePath: entry.types,
          compiler: { overrideTsconfig: tsconfig },
          // Written to a temporary folder and compared here rather than by api-extractor, so the
          // check can say what changed, and which command accepts it.
          apiReport: { enabled: true, reportFileName: fileName, reportFolder: temp, reportTempFolder: temp, includeForgottenExports: true },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          newlineKind: 'lf',
          messages: MESSAGES,
        },
        configObjectFullPath: undefined,
        packageJsonFullPath: join(entry.packageFolder, 'package.json'),
      });
      compilerState ??= CompilerState.create(config);
      Extractor.invoke(config, {
        compilerState,
        localBuild: true,
        messageCallback(message: ExtractorMessage) {
          // Errors and warnings are collected and shown once, with the file they are about; the
          // rest (the banner naming the bundled TypeScript, "writing report") is chatter.
          if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) {
            const where = message.sourceFilePath === undefined ? entry.importPath : `${relative(ROOT, message.sourceFilePath)}:${message.sourceFileLine}:${message.sourceFileColumn}`;
            problems.add(`${where}: ${message.messageId} ${message.text}`);
          }
          message.handled = true;
        },
      });
      const text = normalizeReport(readFileSync(join(temp, `${fileName}.api.md`), 'utf8'), entry) + globalDeclarations(entry);
      // A report with this machine's path in it would differ on every other machine.
      if (text.includes(ROOT) || text.includes(tmpdir())) problems.add(`${entry.report}: the report contains an absolute path`);
      for (const specifier of unresolvedImports(text, entry)) problems.add(`${entry.importPath}: its declarations import '${specifier}', which a consumer's TypeScript cannot resolve (a file missing from dist, or not a public entry of a dependency)`);
      reports.push({ entry, text });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return { reports, problems: [...problems] };
}

/** The committed reports by path relative to the repository, with LF line endings whatever git checked out. */
export function readCommittedReports(): Map<string, string> {
  const committed = new Map<string, string>();
  for (const folder of readdirSync(PACKAGES)) {
    const api = join(PACKAGES, folder, 'api');
    if (!existsSync(api)) continue;
    for (const file of readdirSync(api).filter((name) => name.endsWith('.api.md'))) {
      committed.set(`packages/${folder}/api/${file}`, readFileSync(join(api, file), 'utf8').replaceAll('\r\n', '\n'));
    }
  }
  return committed;
}

/** The changed lines of a report, `-` committed and `+` generated, at most `limit` of them. */
export function diffHint(committed: string, generated: string, limit = 10): string {
  const lines: string[] = [];
  let line = 1; // in the committed report
  let hunk: { line: number; removed: string[]; added: string[] } | undefined;
  const flush = () => {
    if (hunk) lines.push(`@@ line ${hunk.line} @@`, ...hunk.removed.map((value) => `- ${value}`), ...hunk.added.map((value) => `+ ${value}`));
    hunk = undefined;
  };
  // util.diff marks what only its first argument has with 1 and what only its second has with -1.
  for (const [operation, value] of diff(generated.split('\n'), committed.split('\n'))) {
    if (operation === 0) {
      flush();
      line++;
      continue;
    }
    hunk ??= { line, removed: [], added: [] };
    if (operation === 1) {
      hunk.added.push(value);
    } else {
      hunk.removed.push(value);
      line++;
    }
  }
  flush();
  const more = lines.length - limit;
  return (more > 0 ? [...lines.slice(0, limit), `… ${more} more lines of diff`] : lines).join('\n');
}

/** Which reports differ from the committed ones: changed, missing (a new entry), stale (an entry gone). */
export function compareReports(reports: readonly ApiReport[], committed: ReadonlyMap<string, string>): ReportDifference[] {
  const differences: ReportDifference[] = [];
  for (const { entry, text } of reports) {
    const expected = committed.get(entry.report);
    if (expected === undefined) differences.push({ report: entry.report, kind: 'missing', hint: `${entry.importPath} has no committed report` });
    else if (expected !== text) differences.push({ report: entry.report, kind: 'changed', hint: diffHint(expected, text) });
  }
  const generated = new Set(reports.map((report) => report.entry.report));
  for (const report of committed.keys()) {
    if (!generated.has(report)) differences.push({ report, kind: 'stale', hint: 'no public entry has this report any more' });
  }
  return differences;
}

/** Writes the reports that differ and deletes the stale ones; returns what it did. */
export function writeReports(reports: readonly ApiReport[], committed: ReadonlyMap<string, string>): ReportDifference[] {
  const differences = compareReports(reports, committed);
  for (const difference of differences) {
    const file = join(ROOT, difference.report);
    if (difference.kind === 'stale') {
      rmSync(file);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, reports.find((report) => report.entry.report === difference.report)!.text);
    }
  }
  return differences;
}
