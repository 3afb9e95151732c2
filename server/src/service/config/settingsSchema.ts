// Every Agentry setting, in one zod schema: the configuration file (`.agentry.json`, or the
// `agentry` key of package.json) takes some of them, the editor's `agentry.*` settings take
// others, and the ones both take mean the same thing in each. The configuration's JSON Schema
// is generated from it (scripts/generate-schemas.ts); a test checks package.json's settings
// against it.
import { array, boolean, enum as zEnum, object, record, string } from 'zod';
import { SEVERITY_NAMES } from '../diagnostics/codes';

/** A severity as a setting: a level, or `off` to silence the code. */
export const SEVERITY_LEVEL = zEnum([...SEVERITY_NAMES, 'off']);

export const settingsSchema = object({
  $schema: string().optional().describe('The JSON Schema of this file, for editors; Agentry does not read it.'),
  enable: boolean().optional().describe('Validate the agent files of the folder.'),
  agentGlobs: array(string()).optional().describe('Glob patterns, relative to the folder, of further Markdown files that are agents.'),
  userAgents: boolean().optional().describe("Count the user's own agents (~/.claude/agents) when agent names are resolved."),
  requiredSections: array(string()).nullable().optional().describe('Headings every agent must have. Omitted or null: none for plain agents, and the rule-enforcement sections for agents that carry the rule-enforcement block.'),
  rulesDocument: string().optional().describe('A Markdown file, relative to this file, whose `**Rule N: Title**` definitions every agent may reference.'),
  extraTools: array(string()).optional().describe("Tool names to accept besides Claude Code's built-in tools."),
  extraModels: array(string()).optional().describe("Model values to accept besides Claude Code's aliases and model ids."),
  triggers: array(string()).optional().describe('The `proactive_triggers` ids the team uses, offered as completions.'),
  severity: record(string(), SEVERITY_LEVEL).optional().describe('Severity per diagnostic code: error, warning, information, hint, or off to silence it.'),
  ignore: array(string()).optional().describe('Glob patterns, relative to this file, of files not to check.'),
});

/** The settings the configuration file takes, in the order its JSON Schema lists them. */
export const FILE_SETTINGS = { $schema: true, requiredSections: true, rulesDocument: true, extraTools: true, extraModels: true, triggers: true, severity: true, ignore: true } as const;

/** The settings the editor takes (`agentry.<key>`, per resource). */
export const CLIENT_SETTINGS = { enable: true, agentGlobs: true, severity: true, rulesDocument: true, extraTools: true, extraModels: true, requiredSections: true, userAgents: true } as const;
