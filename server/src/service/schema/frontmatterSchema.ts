// The frontmatter schema: what Claude Code accepts for each key it reads, with the
// catalog's descriptions (the text users see in hovers). One source of truth for
// validation, hovers, completions, docs and the published JSON Schema.
import { array, boolean, enum as zEnum, number, object, record, string, union, unknown, ZodEnum, type ZodType } from 'zod';
import { CATALOG, lookup, type EnumKey } from '../catalog/catalog';

export const TRIGGER_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** The values Claude Code accepts for `key`: its own, and the old spellings it still reads (`manual`, `med`). */
function enumOf(key: EnumKey): ZodEnum<Record<string, string>> {
  const aliases = lookup(CATALOG.valueAliases as Record<string, Record<string, string>>, key) ?? {};
  return zEnum([...Object.keys(CATALOG.values[key]), ...Object.keys(aliases)] as [string, ...string[]]);
}

export const PERMISSION_MODES = Object.keys(CATALOG.values.permissionMode);
export const COLORS = Object.keys(CATALOG.values.color);
export const MEMORY_SCOPES = Object.keys(CATALOG.values.memory);
export const EFFORT_LEVELS = Object.keys(CATALOG.values.effort);
export const ISOLATION_MODES = Object.keys(CATALOG.values.isolation);

const stringOrList = union([string(), array(string())]);
const flag = union([boolean(), zEnum(['true', 'false'])]);
const positiveInteger = union([
  number().int().positive(),
  string()
    .regex(/^\s*\d+\s*$/)
    .refine((s) => Number(s) > 0),
]);
const keys = CATALOG.keys;

/** Claude Code's keys; `proactive_triggers` is this product's convention, which Claude Code ignores. */
const shape = {
  name: string().describe(keys.name),
  description: string().min(1).describe(keys.description),
  tools: stringOrList.describe(keys.tools),
  disallowedTools: stringOrList.describe(keys.disallowedTools),
  model: string().min(1).describe(keys.model),
  color: enumOf('color').describe(keys.color),
  effort: union([enumOf('effort'), number().int()]).describe(keys.effort),
  permissionMode: enumOf('permissionMode').describe(keys.permissionMode),
  mcpServers: array(union([string(), record(string(), unknown())])).describe(keys.mcpServers),
  hooks: record(string(), unknown()).describe(keys.hooks),
  maxTurns: positiveInteger.describe(keys.maxTurns),
  autoCompactWindow: number().int().min(CATALOG.limits.minAutoCompactWindow).describe(keys.autoCompactWindow),
  skills: stringOrList.describe(keys.skills),
  initialPrompt: string().describe(keys.initialPrompt),
  memory: enumOf('memory').describe(keys.memory),
  background: flag.describe(keys.background),
  omitClaudeMd: flag.describe(keys.omitClaudeMd),
  isolation: enumOf('isolation').describe(keys.isolation),
  observer: string().describe(keys.observer),
  observerMessage: string().describe(keys.observerMessage),
  observeToolResults: flag.describe(keys.observeToolResults),
  observeSubagents: flag.describe(keys.observeSubagents),
  experimental: record(string(), unknown()).describe(keys.experimental),
  proactive_triggers: array(string()).describe(
    'Agentry convention: snake_case ids of the situations in which this agent should be used proactively. Claude Code does not read this key (its debug log notes it as unrecognised); Agentry checks the ids and offers them across agents.',
  ),
} satisfies Record<string, ZodType>;

export const frontmatterSchema = object(shape);

export type FrontmatterKey = keyof typeof shape;
export const FRONTMATTER_KEYS = Object.keys(shape) as FrontmatterKey[];

export function isKnownKey(key: string): key is FrontmatterKey {
  return Object.hasOwn(shape, key);
}

export function keyDescription(key: FrontmatterKey): string {
  return shape[key].description ?? '';
}

/** The allowed string values of a key with a fixed set (its enum, or the enum of a union), or undefined. */
export function enumValues(key: FrontmatterKey): readonly string[] | undefined {
  return Object.hasOwn(CATALOG.values, key) ? Object.keys(CATALOG.values[key as EnumKey]) : undefined;
}

/** Checks one key's value against the schema; a short reason on failure. */
export function checkValue(key: FrontmatterKey, value: unknown): string | undefined {
  const result = shape[key].safeParse(value);
  if (result.success) return undefined;
  return result.error.issues[0]?.message ?? 'invalid value';
}

/** A one-line description of an enum value of `key`, for hovers and completion docs. */
export function enumValueDoc(key: string, value: string): string | undefined {
  const table = lookup(CATALOG.values as Record<string, Record<string, string>>, key);
  const doc = table ? lookup(table, value) : undefined;
  if (doc) return doc;
  const aliases = lookup(CATALOG.valueAliases as Record<string, Record<string, string>>, key);
  const canonical = aliases ? lookup(aliases, value) : undefined;
  return canonical ? `An older spelling that Claude Code reads as \`${canonical}\`.` : undefined;
}
