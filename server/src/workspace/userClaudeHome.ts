// What Claude Code reads from the user's home folder besides the project: the
// user's own agents (~/.claude/agents, any depth), which count when a name is
// resolved, and the MCP servers ~/.claude.json configures for every project or
// for this one. Read-only; a missing or unreadable file means "none".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { hashBytes } from './projectSources';

export function userAgentsFolder(home = homedir()): string {
  return path.join(home, '.claude', 'agents');
}

/** Every `.md` under ~/.claude/agents (links followed, as Claude Code does), sorted. */
export function userAgentFiles(home = homedir()): string[] {
  const root = userAgentsFolder(home);
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.toLowerCase().endsWith('.md')) continue;
    const file = path.join(root, entry);
    try {
      if (statSync(file).isFile()) files.push(file);
    } catch {
      // A dangling link: Claude Code cannot read it either.
    }
  }
  return files.sort();
}

/** MCP server names ~/.claude.json configures for all projects and for `projectRoot`; undefined without the file. */
export function userMcpServers(projectRoot: string, home = homedir()): Set<string> | undefined {
  let data: { mcpServers?: Record<string, unknown>; projects?: Record<string, { mcpServers?: Record<string, unknown> }> };
  try {
    data = JSON.parse(readFileSync(path.join(home, '.claude.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  const add = (servers: unknown) => {
    if (servers && typeof servers === 'object' && !Array.isArray(servers)) for (const name of Object.keys(servers)) names.add(name);
  };
  add(data?.mcpServers);
  add(data?.projects?.[path.resolve(projectRoot)]?.mcpServers);
  return names;
}

/**
 * What the user's home adds to a run's results, as a key the CLI's cache can check before
 * it loads the linter: the MCP servers ~/.claude.json names, and each user agent file
 * with the hash of its content (none when the user's agents are not counted).
 */
export function userHomeKey(projectRoot: string, countAgents: boolean, home = homedir()): string {
  const agents = countAgents ? userAgentFiles(home).map((file) => [file, hashOf(file)]) : [];
  return JSON.stringify([[...(userMcpServers(projectRoot, home) ?? [])], agents]);
}

function hashOf(file: string): string | null {
  try {
    return hashBytes(readFileSync(file));
  } catch {
    return null;
  }
}
