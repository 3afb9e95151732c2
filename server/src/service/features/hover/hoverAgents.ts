// Hover on an agent name: the agent's description and file, or that no agent of
// the workspace has that name; on the agent's own `name:`, who refers to it.
import type { AgentDocument } from '../../types';
import { agentsMentioning, type AgentNameSpot } from '../agentNames';
import type { FeatureContext } from '../featureContext';
import { fileName } from '../../text/fileName';

export function agentHover(doc: AgentDocument, spot: AgentNameSpot, ctx: FeatureContext): string {
  const index = ctx.workspace.index;
  if (spot.role === 'name') {
    const referrers = agentsMentioning(index, spot.name).filter((a) => a.uri !== doc.uri && a.name !== spot.name);
    const head = `**Agent \`${spot.name}\`**`;
    if (referrers.length === 0) return `${head}\n\nNo other agent of the workspace refers to it.`;
    return `${head}\n\nReferred to by ${referrers.map((a) => `\`${a.name ?? a.stem}\` (${fileName(a.uri)})`).join(', ')}.`;
  }
  const agents = index.agentsNamed(spot.name);
  if (agents.length === 0) return `No agent named \`${spot.name}\` exists in this workspace.`;
  return agents.map((agent) => `**Agent \`${spot.name}\`** — \`${fileName(agent.uri)}\`${agent.description ? `\n\n${agent.description}` : ''}`).join('\n\n---\n\n');
}
