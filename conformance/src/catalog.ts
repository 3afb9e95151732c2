// Reads Agentry's own tool catalog, wherever it lives: the versioned data file under
// server/src/service/catalog/ when there is one, else the tables of server/src/service/schema/tools.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AgentryCatalog {
  source: string;
  /** The Claude Code version the catalog says it was verified against, when it says. */
  verifiedAgainst?: string;
  tools: string[];
  /** Old names and what Agentry says they map to (undefined: removed, no mapping). */
  oldNames: Record<string, string | undefined>;
  /** Built-in tools Agentry says subagents never get. */
  notForSubagents?: string[];
}

type Json = Record<string, unknown>;

function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : String((item as Json)?.name ?? ''))).filter(Boolean);
  if (value && typeof value === 'object') return Object.keys(value);
  return [];
}

function mappingOf(value: unknown): Record<string, string | undefined> {
  const mapping: Record<string, string | undefined> = {};
  if (Array.isArray(value)) {
    for (const item of value as Json[]) {
      const name = typeof item === 'string' ? item : String(item?.name ?? item?.from ?? '');
      if (name) mapping[name] = typeof item === 'object' ? ((item.to ?? item.replacement ?? item.mapsTo) as string | undefined) : undefined;
    }
  } else if (value && typeof value === 'object') {
    for (const [name, target] of Object.entries(value as Json)) {
      mapping[name] = typeof target === 'string' ? target : (((target as Json)?.to ?? (target as Json)?.replacement ?? (target as Json)?.mapsTo) as string | undefined);
    }
  }
  return mapping;
}

/** A catalog data file: its tools under a `tools`-like key, old names under a `renamed`/`legacy`/`old`-like key. */
export function catalogFromJson(json: Json, source: string): AgentryCatalog {
  const find = (...patterns: RegExp[]) => {
    for (const pattern of patterns) {
      for (const [key, value] of Object.entries(json)) if (pattern.test(key)) return value;
      for (const value of Object.values(json)) {
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          for (const [key, inner] of Object.entries(value as Json)) if (pattern.test(key)) return inner;
        }
      }
    }
    return undefined;
  };
  const tools = namesOf(find(/^(builtin|builtIn)?tools$/i, /^builtinTools$/i));
  if (!tools.length) throw new Error(`${source}: no tool list found (looked for a "tools" or "builtinTools" key)`);
  const oldNames = { ...mappingOf(find(/^(renamed|old|legacy)(Tools|Names|ToolNames)?$/i)), ...Object.fromEntries(namesOf(find(/^(retired|removed)(Tools|Names|ToolNames)?$/i)).map((name) => [name, undefined])) };
  const version = find(/^(claudeCode|claudeCodeVersion|verifiedAgainst|version)$/i);
  const notForSubagents = namesOf(find(/^notForSubagents$/i));
  return { source, tools: tools.sort(), oldNames, verifiedAgainst: typeof version === 'string' ? version : undefined, ...(notForSubagents.length ? { notForSubagents } : {}) };
}

export async function readAgentryCatalog(repo: string): Promise<AgentryCatalog> {
  const dir = join(repo, 'server', 'src', 'service', 'catalog');
  if (existsSync(dir)) {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort();
    for (const file of files) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
      try {
        return catalogFromJson(json, join('server/src/service/catalog', file));
      } catch {
        /* not the tool catalog */
      }
    }
  }
  const module = (await import(pathToFileURL(join(repo, 'server', 'src', 'service', 'schema', 'tools.ts')).href)) as {
    BUILTIN_TOOLS?: Record<string, string>;
    LEGACY_TOOLS?: Record<string, { replacement?: string }>;
  };
  if (!module.BUILTIN_TOOLS) throw new Error('no Agentry tool catalog found (server/src/service/catalog/*.json or schema/tools.ts)');
  return {
    source: 'server/src/service/schema/tools.ts',
    tools: Object.keys(module.BUILTIN_TOOLS).sort(),
    oldNames: Object.fromEntries(Object.entries(module.LEGACY_TOOLS ?? {}).map(([name, entry]) => [name, entry.replacement])),
  };
}
