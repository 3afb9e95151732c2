// Every place an agent name stands: the `name:` value, Cross-Agent Validation
// items and `Agent(…)` tool entries. Navigation, hover and rename share these.
import { unquotedSpan } from '../parse/listItems';
import { fieldOf, type AgentDocument, type Span } from '../types';
import type { AgentSummary, WorkspaceIndex } from '../workspace/workspaceIndex';
import { touches } from '../text/spans';

export type AgentNameRole = 'name' | 'crossAgent' | 'agentTool';

export interface AgentNameSpot {
  name: string;
  span: Span;
  role: AgentNameRole;
}

export function agentNameSpots(doc: AgentDocument): AgentNameSpot[] {
  const spots: AgentNameSpot[] = [];
  const name = fieldOf(doc, 'name');
  if (name && typeof name.value === 'string' && name.value) {
    spots.push({ name: name.value, span: unquotedSpan(doc.text, name.valueSpan), role: 'name' });
  }
  for (const ref of doc.agentToolReferences) spots.push({ name: ref.name, span: ref.span, role: 'agentTool' });
  for (const ref of doc.crossAgentReferences) spots.push({ name: ref.name, span: ref.span, role: 'crossAgent' });
  return spots;
}

export function agentNameAt(doc: AgentDocument, offset: number): AgentNameSpot | undefined {
  return agentNameSpots(doc).find((s) => touches(s.span, offset));
}

/** Agents that are named `name` or mention it, from the index summaries alone. */
export function agentsMentioning(index: WorkspaceIndex, name: string): AgentSummary[] {
  const found: AgentSummary[] = [];
  for (const agent of index.all()) {
    if (agent.name === name || agent.crossAgentReferences.includes(name) || agent.agentToolReferences.includes(name)) found.push(agent);
  }
  return found;
}
