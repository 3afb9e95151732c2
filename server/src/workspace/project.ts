// A project: one workspace folder with its own language service (index, rules
// document), configuration file, .mcp.json servers and folder-level settings.
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ConfigFileError, loadProjectConfig, readMcpServers, type ConfigReport } from './projectConfig';
import { userAgentFiles, userMcpServers } from './userClaudeHome';
import { summarize } from '../service/workspace/workspaceIndex';
import { createAgentService, parseAgent, type AgentHost, type AgentService } from '../service';
import type { AgentryConfig } from '../service/config/config';
import { resolveSettings, type ClientSettings, type Settings } from '../service/config/settings';
import { declaresAgent, isAgentFile as agentFileRule } from '../service/workspace/agentFileRule';
import { pathToUri, readText, readTextSync, slashRelative, uriToPath } from './files';
import type { Logger } from './logger';

export interface Project {
  /** The folder on disk; undefined for files outside every workspace folder. */
  root?: string;
  folderUri?: string;
  service: AgentService;
  config: AgentryConfig;
  /** Folder of the configuration file: its paths are relative to it. */
  configRoot?: string;
  mcpServers?: Set<string>;
  /** MCP servers ~/.claude.json configures for every project or for this one. */
  userMcpServers?: Set<string>;
  /** Folder-scoped settings: which files are agents, the rules document. */
  settings: Settings;
  rulesUri?: string;
  /** Compiled `ignore` (relative to the config root) and `agentGlobs` (relative to the folder). */
  matchers: { ignored?: (relative: string) => boolean; agents?: (relative: string) => boolean };
  /**
   * Symbolic links the index followed (files and folders), by path, with their real paths: a
   * watcher reports a change at the real path (often outside every agent folder), never at the link.
   */
  links: Map<string, string>;
}

/** `host` gives the project's service the other agent files (open buffers, the disk). */
export function createProject(host: AgentHost, folderUri?: string): Project {
  const root = folderUri ? uriToPath(folderUri) : undefined;
  return { root, folderUri, service: createAgentService(host), config: {}, settings: resolveSettings({}), matchers: {}, links: new Map() };
}

/** Reads the configuration file and .mcp.json, and applies the folder's client settings. */
export async function loadProjectFiles(project: Project, client: ClientSettings, log: Logger, report: (problems: ConfigReport) => void = () => {}): Promise<void> {
  if (project.root) {
    try {
      const loaded = await loadProjectConfig(project.root);
      project.config = loaded.config;
      project.configRoot = loaded.root;
      for (const problem of loaded.problems) log.error(`Agentry configuration: ${loaded.configFile}: ${problem}`);
      if (loaded.configFile) report({ file: loaded.configFile, version: loaded.text ?? '', problems: loaded.problems });
    } catch (error) {
      log.error(`Agentry configuration ignored: ${(error as Error).message}`);
      if (error instanceof ConfigFileError) report({ file: error.file, version: error.reason, problems: [`${error.reason}; the whole file is ignored`] });
      project.config = {};
      project.configRoot = project.root;
    }
    project.mcpServers = await readMcpServers(project.configRoot!);
    project.userMcpServers = userMcpServers(project.configRoot!);
  }
  project.settings = resolveSettings(project.config, client, project.mcpServers, project.userMcpServers);
  indexUserAgents(project, log);
  const rulesFile = project.settings.rulesDocument && project.configRoot ? path.resolve(project.configRoot, project.settings.rulesDocument) : undefined;
  project.rulesUri = rulesFile ? pathToUri(rulesFile) : undefined;
  const ignore = project.config.ignore ?? [];
  const globs = project.settings.agentGlobs;
  project.matchers = {
    ignored: ignore.length ? picomatch(ignore, { dot: true }) : undefined,
    agents: globs.length ? picomatch(globs, { dot: true }) : undefined,
  };
}

/** Puts the user's own agents (~/.claude/agents) in the project's index for name resolution, or takes them out when the setting is off. */
function indexUserAgents(project: Project, log: Logger): void {
  const index = project.service.index;
  index.clearUserAgents();
  if (!project.settings.userAgents) return;
  for (const file of userAgentFiles()) {
    const text = readTextSync(pathToUri(file));
    if (text === undefined) continue;
    try {
      index.upsert({ ...summarize(parseAgent(pathToUri(file), 0, text)), scope: 'user' });
    } catch (error) {
      log.error(`user agent ${file} not read: ${(error as Error).message}`);
    }
  }
}

/** Sets the project's rules document from `text` (the open buffer or the file); clears it when absent. */
export function applyRulesDocument(project: Project, text: string | undefined, version = 0): void {
  project.service.setRulesDocument(project.rulesUri && text !== undefined ? parseAgent(project.rulesUri, version, text) : undefined);
}

export async function readRulesDocument(project: Project): Promise<string | undefined> {
  const file = project.rulesUri ? uriToPath(project.rulesUri) : undefined;
  return file ? readText(file) : undefined;
}

/**
 * Whether a file is an agent of this project: never the rules document or an
 * ignored file; otherwise as the agent-file rule says for the editor, with the
 * folder's `agentGlobs` (folder-relative). Being open in the client is no reason.
 */
export function isAgentFile(project: Project, uri: string, text: string): boolean {
  return isAgentPath(project, uri, () => declaresAgent(text));
}

/** isAgentFile for a file whose text is not at hand: `declares` says whether its frontmatter sets `name:` or `description:`. */
export function isAgentPath(project: Project, uri: string, declares: () => boolean): boolean {
  if (uri === project.rulesUri) return false;
  const file = uriToPath(uri);
  const ignoredPath = relativeTo(project.configRoot, file);
  if (ignoredPath && project.matchers.ignored?.(ignoredPath)) return false;
  const folderPath = relativeTo(project.root, file);
  const matchesGlobs = folderPath !== undefined && (project.matchers.agents?.(folderPath) ?? false);
  return agentFileRule({ path: file ?? uri, origin: 'editor', matchesGlobs, declaresAgent: declares });
}

function relativeTo(base: string | undefined, file: string | undefined): string | undefined {
  if (!base || !file) return undefined;
  const relative = slashRelative(base, file);
  return relative.startsWith('..') ? undefined : relative;
}
