// The shape of claude-code.json, checked by a test (the data is read without
// validation at run time, so start-up pays nothing for it).
import { array, object, record, string, number } from 'zod';

export const catalogSchema = object({
  claudeCodeVersion: string().regex(/^\d+\.\d+\.\d+$/),
  verifiedOn: string(),
  limits: object({ maxFileBytes: number().int(), maxNameLength: number().int(), minAutoCompactWindow: number().int() }),
  tools: record(string(), string().min(1)),
  oldToolNames: record(string(), string()),
  retiredTools: record(string(), object({ replacement: string().optional(), note: string() })),
  notForSubagents: array(string()),
  modelAliases: record(string(), string()),
  modelIds: array(string()),
  values: record(string(), record(string(), string())),
  valueAliases: record(string(), record(string(), string())),
  keys: record(string(), string().min(1)),
  hookEvents: array(string()),
  topLevelHookKeysThatDrop: array(string()),
  /** Events whose invalid hooks drop the whole agent (they may be what guards its permissions). */
  hookGuardEvents: array(string()),
  hookTypes: record(string(), string().min(1)),
  /** Built-in skills an agent's `skills:` can preload, by name (and alias). */
  builtinSkills: record(string(), object({ description: string().min(1), aliases: array(string()).optional() })),
}).strict();
