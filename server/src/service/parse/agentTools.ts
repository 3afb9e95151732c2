// The agent names inside `Agent(a, b)` entries of `tools:` and `disallowedTools:`,
// with their spans, so navigation and rename can treat them like other references.
import type { AgentReference, FrontmatterField } from '../types';
import { splitCommaList } from './listItems';

/** The opening of an `Agent(…)` (or legacy `Task(…)`) tool entry, at the start of the text. */
export const AGENT_TOOL_OPEN = /^(?:Agent|Task)\s*\(/;

export function agentToolReferences(fields: readonly FrontmatterField[]): AgentReference[] {
  const references: AgentReference[] = [];
  for (const field of fields) {
    if (field.key !== 'tools' && field.key !== 'disallowedTools') continue;
    for (const item of field.items) {
      const open = AGENT_TOOL_OPEN.exec(item.text);
      if (!open) continue;
      const close = item.text.lastIndexOf(')');
      const inner = item.text.slice(open[0].length, close > open[0].length ? close : item.text.length);
      for (const name of splitCommaList(inner, item.span.start + open[0].length)) references.push({ name: name.text, span: name.span });
    }
  }
  return references;
}
