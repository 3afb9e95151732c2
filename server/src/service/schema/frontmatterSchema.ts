// The frontmatter schema: one source of truth for validation, hovers,
// completions and docs. Descriptions are the text users see in hovers.
import { array, boolean, enum as zEnum, number, object, record, string, union, unknown, ZodEnum } from 'zod';

export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TRIGGER_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export const PERMISSION_MODES = ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan'] as const;
export const COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] as const;
export const MEMORY_SCOPES = ['user', 'project', 'local'] as const;
export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export const ISOLATION_MODES = ['worktree'] as const;

const stringOrList = union([string(), array(string())]);

export const frontmatterSchema = object({
  name: string().describe('Unique identifier of the subagent: lowercase letters, digits and hyphens. Claude Code invokes the agent by this name.'),
  description: string().min(1).describe('When Claude should delegate to this subagent. Required: an agent without a description is silently dropped. Write "Use proactively…" to encourage automatic delegation.'),
  tools: stringOrList.describe('Tools the subagent may use, as a comma-separated string or a YAML list. Omit it to inherit every tool of the main conversation, MCP tools included.'),
  disallowedTools: stringOrList.describe('Tools removed from the inherited or listed set.'),
  model: string().describe('Model the subagent runs on: `sonnet`, `opus`, `haiku`, `inherit`, or a full model id such as `claude-sonnet-4-20250514`. Defaults to `inherit`.'),
  permissionMode: zEnum(PERMISSION_MODES).describe('How the subagent handles permission prompts.'),
  color: zEnum(COLORS).describe('Background colour of the subagent in the Claude Code interface.'),
  skills: stringOrList.describe('Skills loaded into the subagent\'s context at start-up.'),
  hooks: record(string(), unknown()).describe('Lifecycle hooks scoped to this subagent, keyed by event (PreToolUse, PostToolUse, Stop, …).'),
  memory: zEnum(MEMORY_SCOPES).describe('Persistent memory scope of the subagent: `user`, `project` or `local`.'),
  background: boolean().describe('Run the subagent in the background by default.'),
  isolation: zEnum(ISOLATION_MODES).describe('`worktree` runs the subagent in a temporary git worktree.'),
  initialPrompt: string().describe('A prompt sent automatically when the agent starts as the main session agent.'),
  maxTurns: number().int().positive().describe('Maximum number of agentic turns before the subagent stops.'),
  mcpServers: union([array(union([string(), record(string(), unknown())])), record(string(), unknown())]).describe('MCP servers available to this subagent: names of configured servers or inline definitions.'),
  effort: zEnum(EFFORT_LEVELS).describe('Reasoning effort level while the subagent is active.'),
  proactive_triggers: array(string()).describe('Agentry convention (not read by Claude Code): snake_case ids of the situations in which this agent should be used proactively.'),
});

export type FrontmatterKey = keyof typeof frontmatterSchema.shape;
export const FRONTMATTER_KEYS = Object.keys(frontmatterSchema.shape) as FrontmatterKey[];

export function isKnownKey(key: string): key is FrontmatterKey {
  return Object.hasOwn(frontmatterSchema.shape, key);
}

export function keyDescription(key: FrontmatterKey): string {
  return frontmatterSchema.shape[key].description ?? '';
}

/** The allowed values of an enum key, or undefined for free-form keys. */
export function enumValues(key: FrontmatterKey): readonly string[] | undefined {
  const schema = frontmatterSchema.shape[key];
  return schema instanceof ZodEnum ? (schema.options as readonly string[]) : undefined;
}

/** Checks one key's value against the schema; a short reason on failure. */
export function checkValue(key: FrontmatterKey, value: unknown): string | undefined {
  const result = frontmatterSchema.shape[key].safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return issue?.message ?? 'invalid value';
}

/** A one-line description of an enum value, for hovers and completion docs. */
export const ENUM_VALUE_DOCS: Readonly<Record<string, string>> = {
  default: 'Standard permission checking with prompts.',
  acceptEdits: 'Accepts file edits automatically.',
  auto: 'A classifier reviews each action and prompts only when it looks risky.',
  dontAsk: 'Denies anything not already allowed, without prompting.',
  bypassPermissions: 'Skips permission prompts entirely. Use with care.',
  plan: 'Plan mode: read-only exploration.',
  user: 'Memory shared by all projects of this user (~/.claude/agent-memory/).',
  project: 'Memory of this project, checked in (.claude/agent-memory/).',
  local: 'Memory of this project, not checked in (.claude/agent-memory-local/).',
  worktree: 'A temporary git worktree, removed when the subagent makes no changes.',
};
