// Which of several agents with one name Claude Code uses: the user's own agents
// (~/.claude/agents) lose to a project's, a project's own .claude/agents beats a
// parent folder's, and within one agents folder the alphabetically last path wins.
import { fileName } from '../text/fileName';
import type { AgentSummary } from './workspaceIndex';

const AGENTS_FOLDER = '/.claude/agents/';

interface Place {
  /** The URI up to and including `.claude/agents/`, or undefined for a file Claude Code does not load from there. */
  root?: string;
  /** The path below the agents folder. */
  path: string;
}

export function placeOf(uri: string): Place {
  const at = uri.lastIndexOf(AGENTS_FOLDER);
  if (at < 0) return { path: fileName(uri) };
  const end = at + AGENTS_FOLDER.length;
  return { root: uri.slice(0, end), path: decodeURIComponent(uri.slice(end)) };
}

/** A file under .claude/agents that Claude Code skips for its name: it ends in `.MD` or `.Md`, not `.md`. */
export function isSkippedByExtension(uri: string): boolean {
  return uri.includes(AGENTS_FOLDER) && /\.md$/i.test(uri) && !uri.endsWith('.md');
}

/** The agent Claude Code uses among same-named ones, or undefined when it loads none of them from an agents folder. */
export function claudeCodeChoice(agents: readonly AgentSummary[]): AgentSummary | undefined {
  let best: { agent: AgentSummary; rank: [number, number, string] } | undefined;
  for (const agent of agents) {
    const place = placeOf(agent.uri);
    if (!place.root || isSkippedByExtension(agent.uri)) continue;
    const rank: [number, number, string] = [agent.scope === 'user' ? 0 : 1, place.root.length, place.path];
    if (!best || compare(rank, best.rank) > 0) best = { agent, rank };
  }
  return best?.agent;
}

function compare(a: [number, number, string], b: [number, number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/** How a message names an agent's file: `~/.claude/agents/x.md` for the user's, else its path below the agents folder. */
export function agentFileLabel(agent: AgentSummary): string {
  const { path } = placeOf(agent.uri);
  return agent.scope === 'user' ? `~/.claude/agents/${path}` : path;
}
