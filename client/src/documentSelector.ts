// Which documents the client hands to the language server: Markdown (or VS
// Code's `chatagent` Markdown) files in agent folders or matching
// `agentry.agentGlobs`. A superset: the server decides which of them are
// agents (the agent-file rule, with agentGlobs folder-relative).
// Pure: no vscode import.
import { DEFAULT_AGENT_GLOBS } from '../../server/src/service/workspace/agentFileRule';

/** Language ids of agent files: plain Markdown, and VS Code's id for `.claude/agents/*.md`. */
export const AGENT_LANGUAGES = ['markdown', 'chatagent'] as const;

export { DEFAULT_AGENT_GLOBS };

export interface AgentDocumentFilter {
  language: string;
  scheme: string;
  pattern: string;
}

/**
 * The patterns in effect: the defaults plus `agentry.agentGlobs`, without
 * blanks or repeats. Document filters match absolute paths while the setting
 * is folder-relative, so a relative glob such as `prompts/*.md` gets a leading
 * `**` segment (that path at any depth; the server narrows it to the folder).
 */
export function agentGlobs(extra: readonly unknown[] | undefined): string[] {
  const globs: string[] = [...DEFAULT_AGENT_GLOBS];
  for (const glob of extra ?? []) {
    if (typeof glob !== 'string') continue;
    const pattern = anchorGlob(glob.trim());
    if (pattern && !globs.includes(pattern)) globs.push(pattern);
  }
  return globs;
}

function anchorGlob(glob: string): string {
  const relative = glob.replace(/^(?:\.\/)+/, '');
  if (!relative || relative.startsWith('**') || relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return relative;
  return `**/${relative}`;
}

/**
 * One filter per language and pattern. Only `file:` documents: the server
 * reads the rest of the workspace (other agents, .mcp.json, .agentry.json,
 * the rules document) from disk.
 */
export function agentDocumentSelector(globs: readonly string[]): AgentDocumentFilter[] {
  return AGENT_LANGUAGES.flatMap((language) => globs.map((pattern) => ({ language, scheme: 'file', pattern })));
}
