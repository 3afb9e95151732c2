// Compares Claude Code's answer for each file with Agentry's. With Agentry's per-file `agents`
// records it compares what each side says about the file (loads, name, description, model as
// written, runs, tools, ignored keys); without them only the verdict: an error-severity
// diagnostic exactly when Claude Code drops the file or refuses to run the agent.
import type { AgentryAnswer } from './agentry.js';
import type { FileAnswer, LayoutAnswer } from './oracle.js';

export type Category = 'verdict' | 'loads' | 'name' | 'description' | 'model' | 'runs' | 'tools' | 'ignored' | 'winner';
export const CATEGORIES: Category[] = ['verdict', 'loads', 'name', 'description', 'model', 'runs', 'tools', 'ignored', 'winner'];

export interface Disagreement {
  id: string;
  category: Category;
  claudeCode: string;
  agentry: string;
}
export interface Comparison {
  checked: Record<Category, number>;
  disagreements: Disagreement[];
}

/** What the environment offers a spawned agent, learnt from the tool probes. */
export interface ToolEnvironment {
  /** The tools an agent with `tools: "*"` gets. */
  all: string[];
  /** Names that reach the API when an agent lists them alone (and what they become). */
  available: Map<string, string[]>;
  /** Tools Claude Code leaves out when the agent also has one of the given tools (Glob, Grep beside Bash). */
  withheld?: Map<string, string[]>;
}

export function claudeCodeVerdict(answer: FileAnswer): 'dropped' | 'refuses' | 'runs' {
  if (!answer.loaded) return 'dropped';
  return answer.spawn?.kind === 'refused' ? 'refuses' : 'runs';
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
const base = (tool: string) => tool.replace(/\(.*$/s, '').trim();

/** The tool names a list should reach the API as, in this environment. */
export function expectedTools(tools: 'all' | string[], environment: ToolEnvironment): string[] {
  if (tools === 'all') return [...environment.all].sort();
  const names = new Set<string>();
  for (const tool of tools) for (const name of environment.available.get(base(tool)) ?? []) names.add(name);
  for (const [name, by] of environment.withheld ?? []) if (by.some((other) => names.has(other))) names.delete(name);
  return [...names].sort();
}

/** Top-level keys Claude Code's debug log says it does not apply (unknown keys, invalid values, hook events). */
export function claudeCodeIgnoredKeys(answer: FileAnswer): string[] {
  const keys = new Set<string>();
  for (const note of answer.notes) {
    if (note.kind === 'unknown-keys') {
      for (const match of note.reason.replace(/\(did you mean [^)]*\)/g, '').matchAll(/"([^"]+)"/g)) keys.add(match[1]);
    }
    if (note.kind === 'invalid-value') {
      const match = /^invalid (\w+)/.exec(note.reason);
      if (match) keys.add(match[1]);
    }
    if (note.kind === 'other') {
      const match = /^hooks\.[^:]+: /.exec(note.reason);
      if (match) keys.add('hooks');
    }
  }
  return [...keys].sort();
}

export function compare(claude: FileAnswer[], agentry: Map<string, AgentryAnswer>, environment: ToolEnvironment, layouts: LayoutAnswer[] = []): Comparison {
  const checked = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  const disagreements: Disagreement[] = [];
  const check = (id: string, category: Category, claudeCode: unknown, ours: unknown, agree: boolean) => {
    checked[category]++;
    if (!agree) disagreements.push({ id, category, claudeCode: typeof claudeCode === 'string' ? claudeCode : show(claudeCode), agentry: typeof ours === 'string' ? ours : show(ours) });
  };
  for (const answer of claude) {
    const ours = agentry.get(answer.id);
    if (!ours) {
      disagreements.push({ id: answer.id, category: 'verdict', claudeCode: claudeCodeVerdict(answer), agentry: 'no answer from agentry check' });
      continue;
    }
    const verdict = claudeCodeVerdict(answer);
    const errors = ours.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    check(
      answer.id,
      'verdict',
      verdict === 'dropped' ? `dropped${answer.dropReason ? `: ${answer.dropReason}` : ' (silently)'}` : verdict === 'refuses' ? 'refuses to run (zero tools)' : 'loads and runs',
      errors.length ? `error ${errors.map((diagnostic) => diagnostic.code).join(', ')}` : 'no error',
      (verdict !== 'runs') === errors.length > 0,
    );
    const record = ours.agent;
    if (!record) continue;
    check(answer.id, 'loads', answer.loaded, record.loads, answer.loaded === record.loads);
    if (!answer.loaded || !record.loads || !answer.agent) continue;
    check(answer.id, 'name', answer.agent.name, record.name, answer.agent.name === record.name);
    check(answer.id, 'description', answer.agent.description, record.description, answer.agent.description === record.description);
    check(answer.id, 'model', answer.agent.model, record.model?.written, answer.agent.model === record.model?.written);
    const ignored = claudeCodeIgnoredKeys(answer);
    // Agentry may name a nested key (hooks.Stop); Claude Code's log names the top-level key.
    const ourIgnored = new Set(record.ignored.map((entry) => entry.key.split('.')[0]));
    check(
      answer.id,
      'ignored',
      ignored,
      [...ourIgnored].sort(),
      ignored.every((key) => ourIgnored.has(key)),
    );
    const spawn = answer.spawn;
    if (!spawn || (spawn.kind !== 'spawned' && spawn.kind !== 'refused')) continue;
    check(answer.id, 'runs', spawn.kind === 'spawned', record.runs, (spawn.kind === 'spawned') === record.runs);
    if (spawn.kind === 'spawned' && record.runs) {
      const got = [...new Set(spawn.tools)].sort();
      const want = expectedTools(record.tools, environment);
      check(answer.id, 'tools', got, record.tools === 'all' ? `all = ${show(want)}` : `${show(record.tools)} → ${show(want)}`, got.join() === want.join());
    }
  }
  // A layout's files: the verdict, and (with agent records) whether Claude Code uses the file or
  // another of the same name: Agentry says so in its duplicate-agent-name diagnostic.
  for (const layout of layouts) {
    for (const [id, ours] of agentry) {
      // Only files in an agents folder (a symlink's target elsewhere in the project is not one).
      if (!id.startsWith(`${layout.id}/project/`) || !id.includes('/.claude/agents/')) continue;
      const file = id.slice(layout.id.length + 1);
      const notes = layout.notes[file] ?? [];
      const logged = notes.find((note) => DROP_KINDS.has(note.kind));
      // Dropped silently when no loaded agent has the name the file declares.
      const silent = !logged && !layout.agents.some((agent) => agent.name === layout.names?.[file]);
      const drop = logged ?? (silent ? { reason: 'no agent of its name loads (a silent drop)' } : undefined);
      const errors = ours.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      // Claude Code reads only names ending in lower-case `.md` (the facts: `UPPER.MD` never loads);
      // whether Agentry treats another file as an agent is the winner check below.
      if (id.endsWith('.md')) check(id, 'verdict', drop ? `dropped: ${drop.reason}` : 'not dropped', errors.length ? `error ${errors.map((diagnostic) => diagnostic.code).join(', ')}` : 'no error', !drop === !errors.length);
      const record = ours.agent;
      if (!record?.loads) continue;
      const used = layout.agents.some((agent) => agent.name === record.name && agent.description === record.description);
      const ignored = ours.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-agent-name' && /ignores this agent/i.test(diagnostic.message));
      check(id, 'winner', used ? 'uses this file' : 'does not use this file', ignored ? 'says Claude Code ignores it' : 'says Claude Code uses it', used === !ignored);
    }
  }
  return { checked, disagreements };
}

const DROP_KINDS = new Set(['dropped', 'error', 'yaml-failed', 'skipped']);
