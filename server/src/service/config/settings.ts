// The settings one document is analysed with: the configuration file and the editor's
// settings of its resource, merged (the editor wins key by key, lists of extra tools and
// models add up, severities merge), with the MCP servers Claude Code connects there.
// Hosts resolve them; the service reads them through its host, per document.
import type { infer as Infer } from 'zod';
import { mergeConfig, type AgentryConfig } from './config';
import type { CLIENT_SETTINGS, settingsSchema } from './settingsSchema';

/** What the editor sent, each value well-formed (workspace/clientSettings.ts reads it); unset values are absent. */
export type ClientSettings = Partial<Infer<ReturnType<typeof settingsSchema.pick<typeof CLIENT_SETTINGS>>>>;

export interface Settings {
  /** False: the folder's agent files get no diagnostics and no features. */
  enabled: boolean;
  /** Globs (relative to the folder) of further files that are agents. */
  agentGlobs: string[];
  rulesDocument?: string;
  /** Trigger ids the configuration declares (`triggers`), offered as completions. */
  triggers: readonly string[];
  /** Count the user's ~/.claude/agents when names are resolved. */
  userAgents: boolean;
  /** null: the default (enforcement sections only for files that carry the enforcement block). */
  requiredSections: string[] | null;
  extraTools: readonly string[];
  extraModels: readonly string[];
  severity: NonNullable<AgentryConfig['severity']>;
  /** MCP servers the workspace configures (.mcp.json); undefined when unknown. */
  mcpServers?: ReadonlySet<string>;
  /** MCP servers the user configures for this project (~/.claude.json), which Claude Code also connects. */
  userMcpServers?: ReadonlySet<string>;
}

/** What validating one document reads of its settings. */
export type AnalysisSettings = Pick<Settings, 'requiredSections' | 'extraTools' | 'extraModels' | 'severity' | 'mcpServers' | 'userMcpServers'>;

export function resolveSettings(file: AgentryConfig, client: ClientSettings = {}, mcpServers?: ReadonlySet<string>, userMcpServers?: ReadonlySet<string>): Settings {
  const union = (a?: string[], b?: string[]) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
  const merged = mergeConfig(file, {
    severity: client.severity,
    rulesDocument: client.rulesDocument,
    requiredSections: client.requiredSections ?? undefined,
    extraTools: union(file.extraTools, client.extraTools),
    extraModels: union(file.extraModels, client.extraModels),
  });
  return {
    enabled: client.enable ?? true,
    agentGlobs: client.agentGlobs ?? [],
    rulesDocument: merged.rulesDocument,
    triggers: merged.triggers ?? [],
    userAgents: client.userAgents ?? true,
    requiredSections: merged.requiredSections ?? null,
    extraTools: merged.extraTools ?? [],
    extraModels: merged.extraModels ?? [],
    severity: merged.severity ?? {},
    mcpServers,
    userMcpServers,
  };
}

/** Whether Claude Code connects MCP server `name` here: the workspace's .mcp.json or the user's configuration has it. */
export function mcpServerAvailable(settings: AnalysisSettings, name: string): boolean {
  return settings.mcpServers?.has(name) === true || settings.userMcpServers?.has(name) === true;
}

export const DEFAULT_SETTINGS: Settings = resolveSettings({});
