// Loads the project's configuration from disk: `.agentry.json` (or the `agentry`
// key of package.json) and the MCP servers named in `.mcp.json`. Data only.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, parseConfig, type AgentryConfig } from '../service/config/config';
import { UsageError } from './usageError';

export interface ProjectConfig {
  config: AgentryConfig;
  /** Folder the config was found in (paths in it are relative to this). */
  root: string;
  configFile?: string;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The nearest config at or above `start`; a malformed one is an error the caller reports. */
export async function loadProjectConfig(start: string): Promise<ProjectConfig> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const own = await readIfExists(path.join(dir, CONFIG_FILE));
    if (own !== undefined) return withResult(parseConfig(own), dir, path.join(dir, CONFIG_FILE));
    const pkg = await readIfExists(path.join(dir, 'package.json'));
    if (pkg !== undefined && /"agentry"\s*:/.test(pkg)) return withResult(parseConfig(pkg, true), dir, path.join(dir, 'package.json'));
    if (path.dirname(dir) === dir) return { config: {}, root: path.resolve(start) };
  }
}

function withResult(result: ReturnType<typeof parseConfig>, root: string, configFile: string): ProjectConfig {
  if ('error' in result) throw new UsageError(`${configFile}: ${result.error}`);
  return { config: result.config, root, configFile };
}

/** Server names from `.mcp.json` (`mcpServers` keys); undefined when there is no such file. */
export async function readMcpServers(root: string): Promise<Set<string> | undefined> {
  const text = await readIfExists(path.join(root, '.mcp.json'));
  if (text === undefined) return undefined;
  return mcpServersFromJson(text);
}

export function mcpServersFromJson(text: string): Set<string> | undefined {
  try {
    const servers = (JSON.parse(text) as { mcpServers?: Record<string, unknown> }).mcpServers;
    return servers && typeof servers === 'object' ? new Set(Object.keys(servers)) : new Set();
  } catch {
    return undefined;
  }
}
