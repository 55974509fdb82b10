// The reference page of each Fenqi element, written from the widget's custom-elements.json (the
// analyzer reads the components' JSDoc): docs/elements/<tag>.md. `npm run docs` writes them;
// scripts/element-docs.test.ts fails when the committed pages differ from the manifest.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Described {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
  readonly default?: string;
}
interface Attribute extends Described {
  readonly fieldName?: string;
}
interface Member extends Described {
  readonly kind: 'field' | 'method';
  readonly privacy?: string;
  readonly static?: boolean;
  readonly attribute?: string;
  readonly readonly?: boolean;
}
interface Declaration {
  readonly tagName?: string;
  readonly name: string;
  readonly summary?: string;
  readonly attributes?: readonly Attribute[];
  readonly members?: readonly Member[];
  readonly events?: readonly Described[];
  readonly cssParts?: readonly Described[];
  readonly cssProperties?: readonly Described[];
}

const MANIFEST = new URL('../packages/widget/custom-elements.json', import.meta.url);
export const ELEMENT_DOCS = new URL('../docs/elements/', import.meta.url);

/** Text safe inside a Markdown table cell. */
const cell = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The page of one element. */
function page(element: Declaration): string {
  const tag = element.tagName!;
  const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');
  const sections = [
    `# \`<${tag}>\``,
    '<!-- Written by scripts/element-docs.ts from packages/widget/custom-elements.json: edit the JSDoc of the component, then `npm run docs`. -->',
    cell(element.summary),
    `Live: \`npm start\`, then <http://127.0.0.1:3000/elements/#${tag}> (every element against the mock bank, in several configurations).`,
  ];
  const attributes = element.attributes ?? [];
  if (attributes.length > 0) {
    sections.push('## Attributes', table(['attribute', 'property', 'type', 'default', ''], attributes.map((attribute) => [code(attribute.name), code(attribute.fieldName), code(attribute.type?.text), code(attribute.default), cell(attribute.description)])));
  }
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && member.privacy !== 'protected' && !member.static && member.description);
  if (methods.length > 0) sections.push('## Methods', table(['method', ''], methods.map((method) => [code(`${method.name}()`), cell(method.description)])));
  const events = element.events ?? [];
  if (events.length > 0) sections.push('## Events', 'All bubble and are composed; their types are in `GlobalEventHandlersEventMap`.', table(['event', ''], events.map((event) => [code(event.name), cell(event.description)])));
  const parts = element.cssParts ?? [];
  if (parts.length > 0) sections.push('## CSS parts', table(['part', ''], parts.map((part) => [code(part.name), cell(part.description)])));
  const properties = element.cssProperties ?? [];
  if (properties.length > 0) sections.push('## CSS custom properties', table(['property', ''], properties.map((property) => [code(property.name), cell(property.description)])));
  return `${sections.join('\n\n')}\n`;
}

/** Every page, by file name, with the index. */
export function elementDocs(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
  elements.sort((a, b) => a.tagName!.localeCompare(b.tagName!));
  const pages = new Map(elements.map((element) => [`${element.tagName}.md`, page(element)]));
  pages.set(
    'README.md',
    `# The elements\n\n<!-- Written by scripts/element-docs.ts. -->\nOne page per element of \`@fenqi/widget\`, from its manifest (\`custom-elements.json\`). The guide is [../widget.md](../widget.md).\n\n${table(['element', ''], elements.map((element) => [`[\`<${element.tagName}>\`](${element.tagName}.md)`, cell(element.summary).split('. ')[0]!.replace(/\.$/, '') + '.']))}\n`,
  );
  return pages;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  mkdirSync(ELEMENT_DOCS, { recursive: true });
  for (const [name, text] of elementDocs()) writeFileSync(new URL(name, ELEMENT_DOCS), text);
  console.log(`wrote ${new URL('.', ELEMENT_DOCS).pathname}`);
}
