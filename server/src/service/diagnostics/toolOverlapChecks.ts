// A tool both granted (`tools`) and denied (`disallowedTools`), after Claude Code's
// name mapping (`Task` is `Agent`) and by tool, not by entry: a denied `Bash(rm:*)`
// removes the whole `Bash` tool. Seen with the binary: the denial always wins.
import { CLAUDE_CODE } from '../catalog/catalog';
import { baseToolName, mappedToolOf, parseMcpTool } from '../schema/tools';
import { fieldOf, type AgentDocument, type FrontmatterField } from '../types';
import type { Report } from './reporter';
import { spanToRange } from '../text/spans';

export interface ToolOverlap {
  /** The tool Claude Code means by both entries. */
  tool: string;
  tools: FrontmatterField;
  toolsIndex: number;
  denied: FrontmatterField;
  deniedIndex: number;
}

/** The tool an entry names: MCP entries as written, others by base name through the old-name mapping. */
function toolOf(entry: string): string {
  if (parseMcpTool(entry)) return entry;
  const name = baseToolName(entry);
  return mappedToolOf(name) ?? name;
}

const overlapsOf = new WeakMap<AgentDocument, ToolOverlap[]>();

export function toolOverlaps(doc: AgentDocument): ToolOverlap[] {
  let overlaps = overlapsOf.get(doc);
  if (overlaps) return overlaps;
  overlaps = [];
  const tools = fieldOf(doc, 'tools');
  const denied = fieldOf(doc, 'disallowedTools');
  if (tools && denied && !tools.unreadable && !denied.unreadable) {
    const deniedAt = new Map<string, number>();
    denied.items.forEach((item, i) => {
      if (!deniedAt.has(toolOf(item.text))) deniedAt.set(toolOf(item.text), i);
    });
    tools.items.forEach((item, toolsIndex) => {
      const tool = toolOf(item.text);
      const deniedIndex = item.text === '*' ? undefined : deniedAt.get(tool);
      if (deniedIndex !== undefined) overlaps!.push({ tool, tools, toolsIndex, denied, deniedIndex });
    });
  }
  overlapsOf.set(doc, overlaps);
  return overlaps;
}

export function checkToolOverlap(doc: AgentDocument, report: Report): void {
  for (const overlap of toolOverlaps(doc)) {
    const granted = overlap.tools.items[overlap.toolsIndex];
    const denied = overlap.denied.items[overlap.deniedIndex];
    const same = granted.text === denied.text ? '' : ` as \`${denied.text}\``;
    const mapped = baseToolName(granted.text) !== baseToolName(denied.text) ? ` (\`${baseToolName(granted.text)}\` and \`${baseToolName(denied.text)}\` are one tool)` : '';
    const whole = denied.text.includes('(') ? ' A denied `Tool(…)` entry removes the whole tool, not only what it matches.' : '';
    report(
      'tool-allowed-and-denied',
      granted.span,
      `\`${granted.text}\` is granted in \`tools\` and denied in \`disallowedTools\`${same}${mapped}: the denial wins, so ${CLAUDE_CODE} runs this agent without \`${overlap.tool}\`.${whole} Remove it from one of the two.`,
      { related: [{ uri: doc.uri, range: spanToRange(doc, denied.span), message: `\`${overlap.tool}\` is denied here` }] },
    );
  }
}
