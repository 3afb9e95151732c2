// Completion of frontmatter keys not yet present, documented from the zod
// schema, each inserting a snippet for its value; and a whole frontmatter block
// at the top of a file that has none.
import { enumValues, FRONTMATTER_KEYS, keyDescription, type FrontmatterKey } from '../../schema/frontmatterSchema';
import type { AgentDocument, Span } from '../../types';
import { nameFromFileYaml } from '../../schema/agentName';
import { completionItem, CompletionItemKind, rank, type CompletionOptions } from './completionItems';
import { lineOf } from '../../text/spans';
import type { CompletionItem } from 'vscode-languageserver-types';

const REQUIRED: readonly FrontmatterKey[] = ['name', 'description'];
const MODEL_CHOICES = ['sonnet', 'opus', 'haiku', 'inherit'];

function choice(values: readonly string[]): string {
  return `\${1|${values.join(',')}|}`;
}

/** The snippet after `key: ` for each key (`\n` stands for the document's line ending). */
function valueSnippet(key: FrontmatterKey, doc: AgentDocument): string {
  const values = enumValues(key);
  if (values) return choice(values);
  switch (key) {
    case 'name':
      return `\${1:${nameFromFileYaml(doc.uri)}}`;
    case 'description':
      return '${1:Use this agent when …}';
    case 'tools':
      return '${1:Read, Grep, Glob}';
    case 'disallowedTools':
      return '${1:Write, Edit}';
    case 'model':
      return choice(MODEL_CHOICES);
    case 'background':
      return choice(['true', 'false']);
    case 'maxTurns':
      return '${1:10}';
    case 'hooks':
      return '\n  ${1:PreToolUse}:\n    - matcher: "${2:Bash}"\n      hooks:\n        - type: command\n          command: "${3:./check.sh}"';
    case 'skills':
    case 'mcpServers':
      return '\n  - ${1}';
    case 'proactive_triggers':
      return '\n  - ${1:trigger_id}';
    default:
      return '${1}';
  }
}

export function keyCompletions(doc: AgentDocument, span: Span, hasValue: boolean, options: CompletionOptions): CompletionItem[] {
  const line = lineOf(doc, span.start);
  const present = new Set((doc.frontmatter?.fields ?? []).filter((f) => lineOf(doc, f.keySpan.start) !== line).map((f) => f.key));
  const ordered = [...REQUIRED, ...FRONTMATTER_KEYS.filter((k) => !REQUIRED.includes(k))];
  return ordered
    .filter((key) => !present.has(key))
    .map((key, i) =>
      completionItem(
        doc,
        span,
        {
          label: key,
          kind: CompletionItemKind.Property,
          text: hasValue ? key : `${key}: `,
          snippet: hasValue ? key : `${key}: ${valueSnippet(key, doc).split('\n').join(doc.lineEnding)}`,
          detail: REQUIRED.includes(key) ? 'required' : undefined,
          documentation: keyDescription(key),
          sortText: rank(i),
        },
        options,
      ),
    );
}

/** A complete frontmatter block, offered on the first line of a file without one. */
export function frontmatterSkeleton(doc: AgentDocument, span: Span, options: CompletionOptions): CompletionItem {
  const eol = doc.lineEnding;
  const name = nameFromFileYaml(doc.uri);
  const lines = ['---', `name: \${1:${name}}`, 'description: ${2:Use this agent when …}', 'tools: ${3:Read, Grep, Glob}', `model: \${4|${MODEL_CHOICES.join(',')}|}`, '---', '', '$0'];
  const plain = ['---', `name: ${name}`, 'description: ', 'tools: Read, Grep, Glob', 'model: inherit', '---', ''];
  return completionItem(
    doc,
    span,
    {
      label: '---',
      kind: CompletionItemKind.Snippet,
      detail: 'Agent frontmatter',
      snippet: lines.join(eol),
      text: plain.join(eol),
      documentation: 'Starts the agent with its frontmatter: `name`, `description`, `tools` and `model`.',
      filterText: '---',
    },
    options,
  );
}
