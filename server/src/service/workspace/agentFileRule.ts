// What an agent file is: the one rule the language server (open documents and the
// index walk) and the CLI (folder walks and files named on the command line) share.
// Light on purpose (no parser): the CLI's light entry reads it.
import { hasFrontmatter } from '../text/hasFrontmatter';

/** How a file came to be looked at. */
export type AgentFileOrigin =
  /** Opened in an editor, or found by the language server's index walk. */
  | 'editor'
  /** Found by the CLI walking a folder it was given. */
  | 'folder-walk'
  /** Named on the CLI's command line. */
  | 'command-line';

export interface AgentFileCandidate {
  /** Absolute path or URI of the file (either separator). */
  path: string;
  origin: AgentFileOrigin;
  /** Whether the configured agent globs match the file. */
  matchesGlobs?: boolean;
  /** Whether its frontmatter sets `name:` or `description:`; asked only when the location does not decide. */
  declaresAgent: () => boolean;
}

/** Claude Code loads every `.md` under a `.claude/agents/` folder, at any depth. */
const IN_CLAUDE_AGENTS = /(?:^|\/)\.claude\/agents\//;
/** In the editor, other Markdown files are agents only inside an `agents/` folder. */
const IN_AGENTS_FOLDER = /(?:^|\/)agents\//;
const MARKDOWN = /\.md$/i;

/** The locations above as globs, for the editor to hand files to the server and to activate on (package.json's activationEvents). */
export const DEFAULT_AGENT_GLOBS = ['**/.claude/agents/**/*.md', '**/agents/**/*.md'] as const;

/**
 * A file named on the command line always is; else a file the globs match; else a
 * `.md` under `.claude/agents/`; else a `.md` whose frontmatter declares an agent, in
 * the editor only inside an `agents/` folder, in a CLI folder walk anywhere.
 */
export function isAgentFile(candidate: AgentFileCandidate): boolean {
  if (candidate.origin === 'command-line' || candidate.matchesGlobs) return true;
  const file = candidate.path.replace(/\\/g, '/');
  if (!MARKDOWN.test(file)) return false;
  if (IN_CLAUDE_AGENTS.test(file)) return true;
  if (candidate.origin === 'editor' && !IN_AGENTS_FOLDER.test(file)) return false;
  return candidate.declaresAgent();
}

/** A closing fence (group 1) or a top-level `name:` / `description:` key, at a line start. */
const FENCE_OR_AGENT_KEY = /^(?:(---[ \t]*\r?$)|["']?(?:name|description)["']?[ \t]*:)/gm;

/** Whether the text opens with frontmatter that sets `name:` or `description:` at its top level. */
export function declaresAgent(text: string): boolean {
  if (!hasFrontmatter(text)) return false;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return false;
  FENCE_OR_AGENT_KEY.lastIndex = firstBreak + 1;
  const found = FENCE_OR_AGENT_KEY.exec(text);
  return found !== null && found[1] === undefined;
}
