// Skills built into Claude Code 2.1.332 that an agent's `skills:` can preload (seen
// with the binary: every built-in command name tried in `skills:`; these loaded, and
// commands such as `clear` or `compact` were "not found"). Aliases find them too.

export interface BuiltinSkill {
  description: string;
  aliases?: readonly string[];
}

export const BUILTIN_SKILLS: Readonly<Record<string, BuiltinSkill>> = {
  'claude-api': { description: 'Reference for the Claude API and the Anthropic SDK.' },
  'code-review': { description: 'Reviews the current diff, or a PR, branch or path, for correctness bugs.', aliases: ['review'] },
  dataviz: { description: 'How to make charts, plots and dashboards.' },
  'fewer-permission-prompts': { description: 'Adds an allowlist of common read-only tool calls to the project settings.' },
  init: { description: 'Initializes a CLAUDE.md file with documentation of the code base.' },
  loop: { description: 'Runs a prompt or slash command on a recurring interval.', aliases: ['proactive'] },
  'plugin-authoring': { description: "Makes a change to Claude Code's own interface or behaviour." },
  run: { description: "Launches and drives the project's app to see a change working." },
  'security-review': { description: 'A security review of the pending changes of the current branch.' },
  simplify: { description: 'Reviews the changed code for reuse, simplification and efficiency, then applies the fixes.' },
  'update-config': { description: 'Configures Claude Code through settings.json.' },
  'workflow-authoring': { description: 'Reference for writing a Workflow tool script.' },
};

/** The built-in skill `name` means (by name or alias), with its canonical name. */
export function builtinSkill(name: string): (BuiltinSkill & { name: string }) | undefined {
  if (Object.hasOwn(BUILTIN_SKILLS, name)) return { name, ...BUILTIN_SKILLS[name] };
  const entry = Object.entries(BUILTIN_SKILLS).find(([, skill]) => skill.aliases?.includes(name));
  return entry ? { name: entry[0], ...entry[1] } : undefined;
}
