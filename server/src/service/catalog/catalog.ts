// What Claude Code knows, as data: built-in tools, old tool names it still maps,
// retired names, model aliases, keys, enum values, hook events and limits, read
// from claude-code.json, which is stamped with the Claude Code version it was
// verified against (the conformance suite checks it against that binary).
import data from './claude-code.json';

export const CATALOG = data;
export const CLAUDE_CODE_VERSION: string = data.claudeCodeVersion;

/** "Claude Code 2.1.332": how messages name the version a fact is from. */
export const CLAUDE_CODE = `Claude Code ${CLAUDE_CODE_VERSION}`;

export type EnumKey = keyof typeof data.values;

/** Own-key lookup in a catalog table, so `constructor` and other Object members are never found. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
