// The facts a run observed about one Claude Code version, in a stable, reviewable shape: the
// committed snapshot of the pinned version (conformance/facts/<version>.json) is what a run
// against another version is diffed with, so the catalog can follow Claude Code month by month.
import type { FileAnswer, LayoutAnswer, SpawnOutcome } from './oracle.js';
import { claudeCodeVerdict } from './compare.js';

export type ProbeFact = { spawned: string[] } | { refused: string } | { failed: string };
export interface FileFact {
  verdict: 'dropped' | 'refuses' | 'runs';
  dropReason?: string;
  name?: string;
  description?: string;
  model?: string;
  spawnModel?: string;
  /** "all" when the agent got exactly the `tools: "*"` set. */
  tools?: 'all' | string[];
  notes?: string[];
}
export interface Facts {
  claudeCode: string;
  builtinAgents: string[];
  tools: { all: string[]; probes: Record<string, ProbeFact>; withheld?: Record<string, string[]> };
  cases: Record<string, FileFact>;
  layouts: Record<string, { agents: string[]; notes: string[] }>;
  files: Record<string, FileFact>;
}

/** The refusal's reason without the agent's name: "unrecognized", "not available to subagents"… */
export function refusalKind(message: string): string {
  const match = /resolved to nothing: ([^[]+?) \[/.exec(message);
  return match ? match[1].trim() : message;
}

export function probeFact(spawn: SpawnOutcome | undefined): ProbeFact {
  if (!spawn || spawn.kind === 'not-seen') return { failed: 'not seen' };
  if (spawn.kind === 'spawned') return { spawned: [...spawn.tools] };
  if (spawn.kind === 'refused') return { refused: refusalKind(spawn.message) };
  return { failed: spawn.message.slice(0, 200) };
}

function fileFact(answer: FileAnswer, all: string[], detailed: boolean): FileFact {
  const fact: FileFact = { verdict: claudeCodeVerdict(answer) };
  if (answer.dropReason) fact.dropReason = answer.dropReason;
  if (!detailed) return fact;
  if (answer.agent) {
    fact.name = answer.agent.name;
    if (answer.agent.description !== undefined) fact.description = answer.agent.description;
    if (answer.agent.model !== undefined) fact.model = answer.agent.model;
  }
  if (answer.spawn?.kind === 'spawned') {
    fact.spawnModel = answer.spawn.model;
    const tools = [...answer.spawn.tools].sort();
    fact.tools = tools.join() === [...all].sort().join() ? 'all' : tools;
  }
  const notes = answer.notes.map((note) => `${note.kind}: ${note.reason}`);
  if (notes.length) fact.notes = notes;
  return fact;
}

export function buildFacts(input: {
  version: string;
  builtinAgents: string[];
  probes: Map<string, SpawnOutcome | undefined>;
  all: string[];
  withheld?: Map<string, string[]>;
  cases: FileAnswer[];
  layouts: LayoutAnswer[];
  files: FileAnswer[];
}): Facts {
  const sorted = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    claudeCode: input.version,
    builtinAgents: [...input.builtinAgents].sort(),
    tools: {
      all: [...input.all].sort(),
      probes: sorted([...input.probes].map(([name, spawn]) => [name, probeFact(spawn)])),
      withheld: sorted([...(input.withheld ?? [])]),
    },
    cases: sorted(input.cases.map((answer) => [answer.id, fileFact(answer, input.all, true)])),
    layouts: sorted(
      input.layouts.map((layout) => [
        layout.id,
        {
          agents: layout.agents.map((agent) => `${agent.name}: ${agent.description ?? ''}`).sort(),
          notes: Object.entries(layout.notes)
            .flatMap(([file, notes]) => notes.map((note) => `${file}: ${note.kind}: ${note.reason}`))
            .sort(),
        },
      ]),
    ),
    files: sorted(input.files.map((answer) => [answer.id, fileFact(answer, input.all, false)])),
  };
}

/** Old names as the probes show them: a name that reached the API as another name. */
export function observedRenames(facts: Facts): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts.tools.probes)) {
    if ('spawned' in fact && fact.spawned.length === 1 && fact.spawned[0] !== name) renames[name] = fact.spawned[0];
  }
  return renames;
}

const text = (value: unknown) => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

function diffLists(label: string, before: string[], after: string[]): string[] {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  return added.length || removed.length ? [`${label}: ${[...added.map((item) => `+${item}`), ...removed.map((item) => `-${item}`)].join(' ')}`] : [];
}

function diffRecords<T>(label: string, before: Record<string, T>, after: Record<string, T>, describe: (a: T | undefined, b: T | undefined) => string | undefined): string[] {
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const change = describe(before[key], after[key]);
    if (change) lines.push(`${label} ${key}: ${change}`);
  }
  return lines;
}

function describeFileChange(a: FileFact | undefined, b: FileFact | undefined): string | undefined {
  if (!a) return 'new';
  if (!b) return 'not asked';
  const changes = (Object.keys({ ...a, ...b }) as (keyof FileFact)[]).filter((key) => text(a[key]) !== text(b[key])).map((key) => `${key} ${text(a[key])} → ${text(b[key])}`);
  return changes.length ? changes.join('; ') : undefined;
}

/** What changed from `before` (the snapshot) to `after` (this run), one line per change. */
export function diffFacts(before: Facts, after: Facts): string[] {
  const probe = (fact: ProbeFact | undefined) => (!fact ? '(not probed)' : 'spawned' in fact ? `spawned as ${fact.spawned.join(', ') || '(no tools)'}` : 'refused' in fact ? `refused: ${fact.refused}` : `failed: ${fact.failed}`);
  const beforeRenames = observedRenames(before);
  const afterRenames = observedRenames(after);
  return [
    ...diffLists('built-in agents', before.builtinAgents, after.builtinAgents),
    ...diffLists('tools of an agent with tools: "*"', before.tools.all, after.tools.all),
    ...diffRecords('tool', before.tools.probes, after.tools.probes, (a, b) => (a && b && probe(a) === probe(b) ? undefined : `${probe(a)} → ${probe(b)}`)),
    ...diffRecords('tool left out beside', before.tools.withheld ?? {}, after.tools.withheld ?? {}, (a, b) => (text(a) === text(b) ? undefined : `${text(a)} → ${text(b)}`)),
    ...diffRecords('old name', beforeRenames, afterRenames, (a, b) => (a === b ? undefined : `${a ?? '(not mapped)'} → ${b ?? '(not mapped)'}`)),
    ...diffRecords('case', before.cases, after.cases, describeFileChange),
    ...diffRecords('layout', before.layouts, after.layouts, (a, b) => (JSON.stringify(a) === JSON.stringify(b) ? undefined : `${text(a?.agents)} → ${text(b?.agents)}`)),
    ...diffRecords('file', before.files, after.files, describeFileChange),
  ];
}
