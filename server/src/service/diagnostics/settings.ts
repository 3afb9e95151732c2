// What one validation run needs to know beyond the document itself.
import type { AgentryConfig } from '../config/config';

export interface AnalysisSettings {
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

export function settingsFromConfig(config: AgentryConfig, mcpServers?: ReadonlySet<string>, userMcpServers?: ReadonlySet<string>): AnalysisSettings {
  return {
    requiredSections: config.requiredSections ?? null,
    extraTools: config.extraTools ?? [],
    extraModels: config.extraModels ?? [],
    severity: config.severity ?? {},
    mcpServers,
    userMcpServers,
  };
}

/** Whether Claude Code connects MCP server `name` here: the workspace's .mcp.json or the user's configuration has it. */
export function mcpServerAvailable(settings: AnalysisSettings, name: string): boolean {
  return settings.mcpServers?.has(name) === true || settings.userMcpServers?.has(name) === true;
}

export const DEFAULT_SETTINGS: AnalysisSettings = settingsFromConfig({});
