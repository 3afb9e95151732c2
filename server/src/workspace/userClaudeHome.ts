// What Claude Code reads from the user's home folder besides the project: the
// user's own agents (~/.claude/agents, any depth), which count when a name is
// resolved, and the MCP servers ~/.claude.json configures for every project or
// for this one. Read-only; a missing or unreadable file means "none".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

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
