// The shapes Claude Code accepts for the entries of `hooks:` (read from the pinned
// binary's own schemas): a matcher holds a list of hook entries, and each entry is
// one of the hook types with its required fields. Unknown fields are allowed.
import { array, boolean, enum as zEnum, literal, number, object, record, string, unknown, type ZodType } from 'zod';
import { CATALOG, lookup } from '../catalog/catalog';

export const HOOK_EVENTS: readonly string[] = CATALOG.hookEvents;
/** Events whose invalid hooks make Claude Code drop the whole agent. */
export const HOOK_GUARD_EVENTS: ReadonlySet<string> = new Set(CATALOG.hookGuardEvents);
export const HOOK_TYPES: Readonly<Record<string, string>> = CATALOG.hookTypes;

const timeout = number().positive().optional();
const common = { timeout, statusMessage: string().optional(), once: boolean().optional() };

const HOOK_ENTRY_SCHEMAS: Readonly<Record<string, ZodType>> = {
  command: object({ type: literal('command'), command: string(), args: array(string()).optional(), shell: zEnum(['bash', 'powershell']).optional(), async: boolean().optional(), ...common }),
  prompt: object({ type: literal('prompt'), prompt: string(), model: string().optional(), ...common }),
  agent: object({ type: literal('agent'), prompt: string(), model: string().optional(), ...common }),
  http: object({ type: literal('http'), url: string().url(), headers: record(string(), string()).optional(), ...common }),
  mcp_tool: object({ type: literal('mcp_tool'), server: string(), tool: string(), input: record(string(), unknown()).optional(), ...common }),
};

export const HOOK_MATCHER_SCHEMA = object({ matcher: string().optional(), hooks: array(unknown()) });

/** The schema of a hook type, or undefined for a type Claude Code does not know. */
export function hookEntrySchema(type: string): ZodType | undefined {
  return lookup(HOOK_ENTRY_SCHEMAS, type);
}
