// The `agentry` settings of the client (per resource) merged over the project's
// configuration file: the client wins key by key, lists of extra tools and
// models add up, severities merge. Unset (null, empty) client values fall back.
import type { AgentryConfig } from '../service/config/config';
import { mergeConfig } from '../service/config/config';
import { settingsFromConfig, type AnalysisSettings } from '../service/diagnostics/settings';

export const SETTINGS_SECTION = 'agentry';

export interface ClientSettings {
  enable?: boolean;
  agentGlobs?: string[];
  severity?: AgentryConfig['severity'];
  rulesDocument?: string;
  extraTools?: string[];
  extraModels?: string[];
  requiredSections?: string[] | null;
  userAgents?: boolean;
}

export interface EffectiveSettings {
  enabled: boolean;
  /** Globs (relative to the folder) that decide which files are agents; empty: every `.md` with frontmatter. */
  agentGlobs: string[];
  rulesDocument?: string;
  triggers: string[];
  /** Count the user's ~/.claude/agents when names are resolved. */
  userAgents: boolean;
  analysis: AnalysisSettings;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** Keeps only well-formed values of whatever the client sent. */
export function readClientSettings(raw: unknown): ClientSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity: Record<string, NonNullable<AgentryConfig['severity']>[string]> = {};
  if (value.severity && typeof value.severity === 'object') {
    for (const [code, level] of Object.entries(value.severity)) if (typeof level === 'string' && SEVERITIES.has(level)) severity[code] = level as never;
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : undefined,
    agentGlobs: strings(value.agentGlobs),
    severity: Object.keys(severity).length ? severity : undefined,
    rulesDocument: typeof value.rulesDocument === 'string' && value.rulesDocument.trim() ? value.rulesDocument.trim() : undefined,
    extraTools: strings(value.extraTools),
    extraModels: strings(value.extraModels),
    // The Settings UI edits a list, whose default is empty: empty means not set.
    requiredSections: strings(value.requiredSections)?.length ? strings(value.requiredSections) : undefined,
    userAgents: typeof value.userAgents === 'boolean' ? value.userAgents : undefined,
  };
}

export function effectiveSettings(fileConfig: AgentryConfig, client: ClientSettings, mcpServers: ReadonlySet<string> | undefined, userMcpServers: ReadonlySet<string> | undefined): EffectiveSettings {
  const union = (a?: string[], b?: string[]) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
  const merged = mergeConfig(fileConfig, {
    severity: client.severity,
    rulesDocument: client.rulesDocument,
    requiredSections: client.requiredSections ?? undefined,
    extraTools: union(fileConfig.extraTools, client.extraTools),
    extraModels: union(fileConfig.extraModels, client.extraModels),
  });
  return {
    enabled: client.enable ?? true,
    agentGlobs: client.agentGlobs ?? [],
    rulesDocument: merged.rulesDocument,
    triggers: merged.triggers ?? [],
    userAgents: client.userAgents ?? true,
    analysis: settingsFromConfig(merged, mcpServers, userMcpServers),
  };
}
