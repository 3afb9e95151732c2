// Loads the project's configuration from disk: `.agentry.json` (or the `agentry`
// key of package.json) and the MCP servers named in `.mcp.json`. Data only.
import * as path from 'node:path';
import { parseConfig, type AgentryConfig } from '../service/config/config';
import { findConfigFile, readIfExists, type ConfigFile } from './projectSources';
import { UsageError } from './usageError';

export interface ProjectConfig {
  config: AgentryConfig;
  /** Folder the config was found in (paths in it are relative to this). */
  root: string;
  configFile?: string;
  /** The config file's wrong entries, left out (see parseConfig). */
  problems: string[];
  /** The config file's text, which tells one version of it from another. */
  text?: string;
}

/** The nearest config at or above `start`; a malformed one is an error the caller reports. */
export async function loadProjectConfig(start: string): Promise<ProjectConfig> {
  return parseProjectConfig(findConfigFile(start), start);
}

/** Checks a config file found for `start` against the schema (no file: the empty config). */
export function parseProjectConfig(found: ConfigFile | undefined, start: string): ProjectConfig {
  if (!found) return { config: {}, root: path.resolve(start), problems: [] };
  const result = parseConfig(found.text, found.inPackageJson);
  if ('error' in result) throw new ConfigFileError(found.file, result.error);
  return { config: result.config, root: found.root, configFile: found.file, problems: result.problems, text: found.text };
}

/** The problems of one version of a config file, for the user (startServer: lsp/configNotifier.ts). */
export interface ConfigReport {
  file: string;
  /** Tells one version of the file from another: its text, or the error read from it. */
  version: string;
  problems: string[];
}

/** A config file that cannot be used at all (not a JSON object): the whole file is left out. */
export class ConfigFileError extends UsageError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Server names from `.mcp.json` (`mcpServers` keys); undefined when there is no such file. */
export async function readMcpServers(root: string): Promise<Set<string> | undefined> {
  const text = readIfExists(path.join(root, '.mcp.json'));
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
