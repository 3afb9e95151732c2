// Built-in tool names of current Claude Code, with one-line docs for completions
// and hovers, and the legacy names older agents still list.

export const BUILTIN_TOOLS: Readonly<Record<string, string>> = {
  Agent: 'Spawns a subagent with its own context window to handle a task. `Agent(a, b)` limits which subagents it may start.',
  AskUserQuestion: 'Asks the user multiple-choice questions to gather requirements or clarify ambiguity.',
  Bash: 'Runs a shell command in a persistent shell session. `Bash(git log:*)` limits it to matching commands.',
  CronCreate: 'Schedules a recurring or one-off prompt within the session.',
  CronDelete: 'Cancels a scheduled task.',
  CronList: 'Lists the scheduled tasks of the session.',
  Edit: 'Makes exact string replacements in a file.',
  EnterPlanMode: 'Switches the session to plan mode to design an approach before coding.',
  EnterWorktree: 'Creates an isolated git worktree and switches into it.',
  ExitPlanMode: 'Presents a plan for approval and leaves plan mode.',
  ExitWorktree: 'Leaves a worktree session and returns to the original directory.',
  Glob: 'Finds files by name pattern.',
  Grep: 'Searches file contents with regular expressions (ripgrep).',
  ListMcpResourcesTool: 'Lists the resources exposed by connected MCP servers.',
  LSP: 'Code intelligence through language servers: definitions, references, type errors.',
  Monitor: 'Runs a command in the background and feeds each output line back.',
  NotebookEdit: 'Edits cells of a Jupyter notebook.',
  PowerShell: 'Runs a PowerShell command (Windows).',
  Read: 'Reads a file: text, images, PDFs and notebooks.',
  ReadMcpResourceTool: 'Reads a specific MCP resource by URI.',
  SendMessage: 'Sends a message to another agent of an agent team.',
  Skill: 'Runs a skill within the main conversation.',
  TaskCreate: 'Creates a task in the task list.',
  TaskGet: 'Gets the full details of a task.',
  TaskList: 'Lists the tasks with their status.',
  TaskOutput: 'Reads the output of a background task or shell.',
  TaskStop: 'Stops a running background task or shell.',
  TaskUpdate: 'Updates the status, dependencies or details of a task.',
  TeamCreate: 'Creates an agent team.',
  TeamDelete: 'Disbands an agent team.',
  TodoWrite: 'Manages the session checklist of todos.',
  ToolSearch: 'Searches for and loads deferred tools, such as MCP tools.',
  WebFetch: 'Fetches content from a URL.',
  WebSearch: 'Performs a web search.',
  Write: 'Creates or overwrites a file.',
};

/** Names Claude Code no longer offers, with what replaced them. */
export const LEGACY_TOOLS: Readonly<Record<string, { replacement: string; note: string }>> = {
  Task: { replacement: 'Agent', note: '`Task` is the old name of the `Agent` tool; Claude Code still maps it, but new agents should say `Agent`.' },
  LS: { replacement: 'Glob', note: '`LS` was removed; `Glob` (or `Bash` with `ls`) lists files.' },
  MultiEdit: { replacement: 'Edit', note: '`MultiEdit` was removed; `Edit` makes the same replacements.' },
  NotebookRead: { replacement: 'Read', note: '`NotebookRead` was removed; `Read` reads notebooks.' },
  BashOutput: { replacement: 'TaskOutput', note: '`BashOutput` was replaced by `TaskOutput`.' },
  KillShell: { replacement: 'TaskStop', note: '`KillShell` was replaced by `TaskStop`.' },
  KillBash: { replacement: 'TaskStop', note: '`KillBash` was replaced by `TaskStop`.' },
  TodoRead: { replacement: 'TodoWrite', note: '`TodoRead` was removed; `TodoWrite` holds the checklist.' },
  SlashCommand: { replacement: 'Skill', note: '`SlashCommand` was folded into `Skill`.' },
};

/** The description of a built-in tool, or undefined when `name` is not one (own keys only, so not `constructor`). */
export function builtinTool(name: string): string | undefined {
  return Object.hasOwn(BUILTIN_TOOLS, name) ? BUILTIN_TOOLS[name] : undefined;
}

export function isBuiltinTool(name: string): boolean {
  return builtinTool(name) !== undefined;
}

/** What replaced a legacy tool name, or undefined when `name` is not one. */
export function legacyToolOf(name: string): { replacement: string; note: string } | undefined {
  return Object.hasOwn(LEGACY_TOOLS, name) ? LEGACY_TOOLS[name] : undefined;
}

/** `Tool(argument)` forms: the tool name before the parenthesis. */
export function baseToolName(entry: string): string {
  const paren = entry.indexOf('(');
  return (paren > 0 ? entry.slice(0, paren) : entry).trim();
}

/** Parts of an MCP tool reference `mcp__server`, `mcp__server__tool`, `mcp__server__*`. */
export function parseMcpTool(entry: string): { server: string; tool?: string } | undefined {
  if (!entry.startsWith('mcp__')) return undefined;
  const rest = entry.slice(5);
  const separator = rest.indexOf('__');
  if (separator < 0) return rest ? { server: rest } : undefined;
  const server = rest.slice(0, separator);
  const tool = rest.slice(separator + 2);
  return server ? { server, tool: tool || undefined } : undefined;
}
