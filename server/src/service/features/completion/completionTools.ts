// Completion in `tools:` / `disallowedTools:`: built-in tools with their docs,
// configured extra tools, `mcp__<server>__` for each .mcp.json server, and
// `Agent(` with the workspace's agents inside the parentheses. Works after `, `
// in a comma-separated string and in `- ` list items, and leaves out tools
// already listed.
import type { CompletionItem } from 'vscode-languageserver-types';
import { AGENT_TOOL_OPEN } from '../../parse/agentTools';
import { baseToolName, BUILTIN_TOOLS } from '../../schema/tools';
import { fieldOf, type AgentDocument } from '../../types';
import { agentNameCompletions } from './completionAgents';
import { completionItem, CompletionItemKind, rank, wordSpan, type CompletionOptions } from './completionItems';
import type { FeatureContext } from '../featureContext';
import type { FrontmatterCursor } from '../../text/frontmatterCursor';
import { touches } from '../../text/spans';

type ValueCursor = Extract<FrontmatterCursor, { kind: 'value' }>;

interface ItemPosition {
  /** Where the item being typed starts. */
  start: number;
  /** Set inside `Agent(…)`: where the agent name being typed starts. */
  agentArgument?: number;
}

/** Finds the item under the cursor in `a, b(c, d), e` (commas inside parentheses do not split). */
export function itemPosition(text: string, from: number, offset: number): ItemPosition {
  let start = from;
  while (start < offset && /["'[\s]/.test(text[start])) start++;
  let itemStart = start;
  let depth = 0;
  let argumentStart = start;
  for (let i = start; i < offset; i++) {
    const c = text[i];
    if (c === '(') {
      depth++;
      argumentStart = i + 1;
    } else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) itemStart = i + 1;
    else if (c === ',' && depth === 1) argumentStart = i + 1;
  }
  while (itemStart < offset && /\s/.test(text[itemStart])) itemStart++;
  while (argumentStart < offset && /\s/.test(text[argumentStart])) argumentStart++;
  const inAgent = depth === 1 && AGENT_TOOL_OPEN.test(text.slice(itemStart, offset));
  return { start: itemStart, agentArgument: inAgent ? argumentStart : undefined };
}

export function toolCompletions(doc: AgentDocument, cursor: ValueCursor, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const position = itemPosition(doc.text, cursor.valueStart, offset);
  const others = (fieldOf(doc, cursor.key)?.items ?? []).filter((i) => !touches(i.span, offset));
  if (position.agentArgument !== undefined) {
    const inside = doc.agentToolReferences.filter((r) => r.span.start >= position.start && r.span.start < position.agentArgument!);
    return agentNameCompletions(doc, wordSpan(doc.text, position.agentArgument, offset), new Set(inside.map((r) => r.name)), '', ctx, options);
  }
  const listed = new Set(others.map((i) => baseToolName(i.text)));
  const span = wordSpan(doc.text, position.start, offset);
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, more: { detail?: string; documentation?: string; snippet?: string; text?: string } = {}) => {
    items.push(completionItem(doc, span, { label, kind, sortText: rank(items.length), ...more }, options));
  };
  for (const [name, documentation] of Object.entries(BUILTIN_TOOLS)) {
    if (!listed.has(name)) add(name, CompletionItemKind.Function, { detail: 'built-in tool', documentation });
  }
  if (!listed.has('Agent') && ctx.workspace.index.size > 0) {
    add('Agent(…)', CompletionItemKind.Snippet, { detail: 'only these subagents', documentation: BUILTIN_TOOLS.Agent, snippet: 'Agent(${1})', text: 'Agent(' });
  }
  for (const name of ctx.settings.extraTools) if (!listed.has(name)) add(name, CompletionItemKind.Function, { detail: 'from the configuration' });
  for (const server of [...(ctx.settings.mcpServers ?? [])].sort()) {
    const prefix = `mcp__${server}__`;
    if (!others.some((i) => i.text.startsWith(prefix)))
      add(prefix, CompletionItemKind.Module, { detail: `MCP server ${server}`, documentation: `Tools of the MCP server \`${server}\` configured in .mcp.json: \`${prefix}<tool>\`, or \`${prefix}*\` for all of them.` });
  }
  return items;
}
