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
}

export function settingsFromConfig(config: AgentryConfig, mcpServers?: ReadonlySet<string>): AnalysisSettings {
  return {
    requiredSections: config.requiredSections ?? null,
    extraTools: config.extraTools ?? [],
    extraModels: config.extraModels ?? [],
    severity: config.severity ?? {},
    mcpServers,
  };
}

export const DEFAULT_SETTINGS: AnalysisSettings = settingsFromConfig({});
