// The project configuration: `.agentry.json` or an `agentry` key in package.json.
// Data only: read as JSON and checked with zod, never executed.
import type { infer as Infer } from 'zod';
import type { SeverityName } from '../diagnostics/codes';
import { FILE_SETTINGS, settingsSchema, SEVERITY_LEVEL } from './settingsSchema';

export { CONFIG_FILE } from './configFile';

const buildConfigSchema = () => settingsSchema.pick(FILE_SETTINGS).strict();
let builtConfigSchema: ReturnType<typeof buildConfigSchema> | undefined;

/**
 * The configuration file's schema, from which its JSON Schema is generated: built on first use.
 * parseConfig reads each entry with its setting's own schema, so the language server's
 * start-up never builds this one (bench/README.md, the third round).
 */
export function configSchema(): ReturnType<typeof buildConfigSchema> {
  return (builtConfigSchema ??= buildConfigSchema());
}

export type AgentryConfig = Infer<ReturnType<typeof configSchema>>;

/** Sections an agent that carries the rule-enforcement block is expected to have. */
export const ENFORCEMENT_SECTIONS = ['PRE-EXECUTION VALIDATION', 'VIOLATION RESPONSE', 'Cross-Agent Validation', 'Success Criteria'];

/** A config with the entries that are wrong left out, and a sentence for each of them. */
export type ConfigResult = { config: AgentryConfig; problems: string[] } | { error: string };

/**
 * Parses config JSON text; `fromPackageJson` reads its `agentry` key. Text that is not a JSON
 * object is an error; otherwise each wrong entry (an unknown key, a value of the wrong type, one
 * severity that is not a level) is left out with a problem, and the rest of the config applies.
 */
export function parseConfig(text: string, fromPackageJson = false): ConfigResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (fromPackageJson) data = (data as Record<string, unknown> | null)?.agentry ?? {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { error: 'config: not a JSON object' };
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(FILE_SETTINGS, key)) {
      problems.push(`\`${key}\` is not a setting Agentry knows; ignored`);
      continue;
    }
    if (key === 'severity' && value && typeof value === 'object' && !Array.isArray(value)) {
      config.severity = validEntries(value as Record<string, unknown>, problems);
      continue;
    }
    const result = settingsSchema.shape[key as keyof typeof FILE_SETTINGS].safeParse(value);
    if (result.success) config[key] = result.data;
    else problems.push(`\`${key}\`: ${result.error.issues[0].message}; ignored`);
  }
  return { config: config as AgentryConfig, problems };
}

/** The severities whose level is valid; a wrong one drops that code only. */
function validEntries(severity: Record<string, unknown>, problems: string[]): Record<string, SeverityName | 'off'> {
  const level = SEVERITY_LEVEL;
  const valid: Record<string, SeverityName | 'off'> = {};
  for (const [code, value] of Object.entries(severity)) {
    const result = level.safeParse(value);
    if (result.success) valid[code] = result.data;
    else problems.push(`\`severity.${code}\`: ${JSON.stringify(value)} is not one of ${level.options.join(', ')}; ignored`);
  }
  return valid;
}

/** Later configs override earlier ones key by key; severities merge. */
export function mergeConfig(...configs: (AgentryConfig | undefined)[]): AgentryConfig {
  const merged: AgentryConfig = {};
  for (const config of configs) {
    if (!config) continue;
    for (const [key, value] of Object.entries(config)) {
      if (value === undefined) continue;
      if (key === 'severity') merged.severity = { ...merged.severity, ...(value as AgentryConfig['severity']) };
      else (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
