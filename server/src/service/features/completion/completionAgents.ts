// Completion of agent names: in `- **name**:` / `- name:` items under a
// Cross-Agent Validation heading, and inside `Agent(…)` in `tools:`.
import type { CompletionItem } from 'vscode-languageserver-types';
import { fieldOf, type AgentDocument, type Span } from '../../types';
import { completionItem, CompletionItemKind, type CompletionOptions } from './completionItems';
import type { FeatureContext } from '../featureContext';
import { lineAround, lineOf } from '../../text/spans';
import { fileName } from '../../text/fileName';

const BOLD_ITEM = /^(\s*[-*+]\s+\*\*)([\w.-]*)$/;
const PLAIN_ITEM = /^(\s*[-*+]\s+)([\w-]*)$/;

/** Agent names offered: every agent of the workspace but this one and those excluded. */
export function agentNameCompletions(doc: AgentDocument, span: Span, exclude: ReadonlySet<string>, suffix: string, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const own = fieldOf(doc, 'name')?.value;
  const items: CompletionItem[] = [];
  for (const name of ctx.workspace.index.names().sort()) {
    if (name === own || exclude.has(name)) continue;
    const agent = ctx.workspace.index.agentsNamed(name)[0];
    items.push(completionItem(doc, span, { label: name, kind: CompletionItemKind.Reference, text: `${name}${suffix}`, detail: fileName(agent.uri), documentation: agent.description }, options));
  }
  return items;
}

/** Inside the Cross-Agent Validation section: is the cursor line under that heading? */
export function inCrossAgentSection(doc: AgentDocument, line: number): boolean {
  return doc.crossAgentSections.some((s) => s.startLine <= line && line <= s.endLine);
}

export function crossAgentCompletions(doc: AgentDocument, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const cursorLine = lineOf(doc, offset);
  if (!inCrossAgentSection(doc, cursorLine)) return [];
  const line = lineAround(doc, offset);
  const before = doc.text.slice(line.start, offset);
  const after = doc.text.slice(offset, line.end);
  const bold = BOLD_ITEM.exec(before);
  const match = bold ?? PLAIN_ITEM.exec(before);
  if (!match) return [];
  const start = line.start + match[1].length;
  const typedAfter = /^[\w.-]*/.exec(after)![0].length;
  const rest = after.slice(typedAfter);
  const suffix = bold ? (rest.startsWith('**') ? '' : '**: ') : rest.startsWith(':') ? '' : ': ';
  const listed = new Set(doc.crossAgentReferences.filter((r) => lineOf(doc, r.span.start) !== cursorLine).map((r) => r.name));
  return agentNameCompletions(doc, { start, end: offset + typedAfter }, listed, suffix, ctx, options);
}
