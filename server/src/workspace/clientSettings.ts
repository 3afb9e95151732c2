// The `agentry` settings of the client (per resource) merged over the project's
// configuration file: the client wins key by key, lists of extra tools and
// models add up, severities merge. Unset (null, empty) client values fall back.
import { array, boolean, object, record, string, unknown } from 'zod';
import { configSchema, mergeConfig, type AgentryConfig } from '../service/config/config';
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

/** The configuration's severity level (one entry of its `severity` record). */
const LEVEL = configSchema.shape.severity.unwrap().valueType;
/** A list the client sent: its strings; an empty list is unset (the Settings UI's default). */
const STRINGS = array(unknown()).transform((items) => (items.length ? items.filter((item): item is string => typeof item === 'string') : undefined));

/** What the client may send, each value read with the configuration's schema where it has one; a malformed value is unset. */
const clientSettingsSchema = object({
  enable: boolean().optional().catch(undefined),
  agentGlobs: STRINGS.optional().catch(undefined),
  // Each entry on its own: one bad level leaves the others in force.
  severity: record(string(), unknown())
    .transform((entries) => {
      const valid = Object.entries(entries).filter(([, level]) => LEVEL.safeParse(level).success);
      return valid.length ? (Object.fromEntries(valid) as AgentryConfig['severity']) : undefined;
    })
    .optional()
    .catch(undefined),
  rulesDocument: string()
    .transform((file) => file.trim() || undefined)
    .optional()
    .catch(undefined),
  extraTools: STRINGS.optional().catch(undefined),
  extraModels: STRINGS.optional().catch(undefined),
  requiredSections: STRINGS.optional().catch(undefined),
  userAgents: boolean().optional().catch(undefined),
});

/** Keeps only well-formed values of whatever the client sent. */
export function readClientSettings(raw: unknown): ClientSettings {
  const parsed = clientSettingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
  return {
    enable: parsed.enable,
    agentGlobs: parsed.agentGlobs,
    severity: parsed.severity,
    rulesDocument: parsed.rulesDocument,
    extraTools: parsed.extraTools,
    extraModels: parsed.extraModels,
    requiredSections: parsed.requiredSections,
    userAgents: parsed.userAgents,
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
