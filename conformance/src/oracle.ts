// Asks Claude Code about many agent files: lays them out in temporary projects (names unique
// within each), reads which load (the `initialize` answer) and why the others do not (the
// debug log), then spawns the loaded ones against the fake API to see their model and tools.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { initialize, spawnAgents, type LoadedAgent } from './claude.js';
import { dropReason, notesByAgentName, notesByFile, parseLog, type FileNote } from './debugLog.js';
import type { SpawnRecord, ToolResult } from './fakeApi.js';

/** One agent file to ask about: its bytes and where it goes under `.claude/agents/`. */
export interface AgentSource {
  id: string;
  agentPath: string;
  content: Buffer;
}

export type SpawnOutcome = { kind: 'spawned'; model: string; tools: string[] } | { kind: 'refused'; message: string } | { kind: 'failed'; message: string } | { kind: 'not-seen' };

export interface FileAnswer {
  id: string;
  loaded: boolean;
  agent?: LoadedAgent;
  /** Claude Code's own words for the drop, when its debug log has any (else it dropped the file silently). */
  dropReason?: string;
  /** Everything the debug log says about the file (unknown keys, ignored values, parse errors). */
  notes: FileNote[];
  spawn?: SpawnOutcome;
}

export interface LayoutAnswer {
  id: string;
  /** Agents Claude Code loads beyond the built-in ones (or built-in ones it overrides). */
  agents: LoadedAgent[];
  /** Debug-log notes per file of the layout (paths relative to the layout folder). */
  notes: Record<string, FileNote[]>;
  /** The name each `.md` of the layout declares on some `name:` line (a file can be dropped silently). */
  names: Record<string, string | undefined>;
  spawns: Record<string, SpawnOutcome>;
}

export interface OracleOptions {
  binary: string;
  /** How many projects to run at once. */
  concurrency: number;
  /** Most files per project. */
  batchSize: number;
  spawn: boolean;
  workDir?: string;
  log?: (line: string) => void;
}

const same = (a: LoadedAgent, b: LoadedAgent) => a.name === b.name && a.description === b.description && a.model === b.model;

/** A cheap guess at the name a file declares, only to keep names unique within a project. */
export function guessName(content: Buffer): string | undefined {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.startsWith('---')) return undefined;
  const match = /^[ \t]*name:[ \t]*(.*?)[ \t]*\r?$/m.exec(text.slice(0, 64 * 1024));
  if (!match) return undefined;
  const quoted = /^(["'])(.*)\1$/.exec(match[1]);
  if (quoted) return quoted[2];
  return match[1] || undefined;
}

/** Splits `sources` into batches with unique guessed names; files that need a project alone come back alone. */
export function planBatches(sources: AgentSource[], builtinNames: Set<string>, batchSize: number): AgentSource[][] {
  const batches: { files: AgentSource[]; names: Set<string> }[] = [];
  const singles: AgentSource[][] = [];
  for (const source of sources) {
    const name = guessName(source.content);
    if (name !== undefined && builtinNames.has(name)) {
      singles.push([source]);
      continue;
    }
    const key = name ?? `\u0000${source.id}`;
    let batch = batches.find((candidate) => candidate.files.length < batchSize && !candidate.names.has(key));
    if (!batch) {
      batch = { files: [], names: new Set() };
      batches.push(batch);
    }
    batch.files.push(source);
    batch.names.add(key);
  }
  return [...batches.map((batch) => batch.files), ...singles];
}

async function pool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

function spawnOutcome(name: string, spawns: SpawnRecord[], results: ToolResult[]): SpawnOutcome {
  const spawn = spawns.find((record) => record.agent === name);
  if (spawn) return { kind: 'spawned', model: spawn.model, tools: spawn.tools };
  const result = results.find((record) => record.agent === name);
  if (!result) return { kind: 'not-seen' };
  if (/would be spawned with zero tools/.test(result.text)) return { kind: 'refused', message: result.text };
  return { kind: 'failed', message: result.text };
}

export class Oracle {
  private readonly root: string;
  private counter = 0;
  builtins: LoadedAgent[] = [];
  version?: string;

  constructor(private readonly options: OracleOptions) {
    this.root = mkdtempSync(join(options.workDir ?? tmpdir(), 'agentry-conformance-'));
    // Interrupted runs leave no temporary projects behind either.
    process.once('exit', () => this.dispose());
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private freshRun(): { project: string; home: string; spawnHome: string; dir: string } {
    const dir = join(this.root, `run-${++this.counter}`);
    const project = join(dir, 'project');
    mkdirSync(join(project, '.claude', 'agents'), { recursive: true });
    return { dir, project, home: join(dir, 'home'), spawnHome: join(dir, 'home-spawn') };
  }

  /** Learns the built-in agents from an empty project. */
  async start(): Promise<void> {
    const run = this.freshRun();
    const answer = await initialize(this.options.binary, run.project, run.home, join(run.dir, 'debug.log'));
    this.builtins = answer.agents;
    this.version = answer.version;
  }

  /** The agents of an answer that are not the built-in ones as they are in an empty project. */
  private ownAgents(agents: LoadedAgent[]): LoadedAgent[] {
    return agents.filter((agent) => !this.builtins.some((builtin) => same(builtin, agent)));
  }

  async askFiles(sources: AgentSource[]): Promise<FileAnswer[]> {
    const builtinNames = new Set(this.builtins.map((agent) => agent.name));
    const batches = planBatches(sources, builtinNames, this.options.batchSize);
    const answers = new Map<string, FileAnswer>();
    const retry: AgentSource[] = [];
    await pool(batches, this.options.concurrency, async (batch) => {
      const { resolved, unresolved } = await this.askBatch(batch);
      for (const answer of resolved) answers.set(answer.id, answer);
      if (batch.length > 1) retry.push(...unresolved);
      else for (const source of unresolved) answers.set(source.id, { id: source.id, loaded: false, notes: [], dropReason: 'unattributed answer' });
    });
    this.options.log?.(`  ${batches.length} projects; ${retry.length} files asked again alone`);
    await pool(retry, this.options.concurrency, async (source) => {
      const { resolved } = await this.askBatch([source]);
      for (const answer of resolved) answers.set(answer.id, answer);
    });
    return sources.map((source) => answers.get(source.id) ?? { id: source.id, loaded: false, notes: [], dropReason: 'no answer' });
  }

  private async askBatch(batch: AgentSource[]): Promise<{ resolved: FileAnswer[]; unresolved: AgentSource[] }> {
    const run = this.freshRun();
    const agentsDir = join(run.project, '.claude', 'agents');
    const paths = new Map<string, string>();
    for (const source of batch) {
      const path = join(agentsDir, source.agentPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source.content);
      paths.set(source.id, path);
    }
    const started = Date.now();
    const answer = await initialize(this.options.binary, run.project, run.home, join(run.dir, 'debug.log'));
    const own = this.ownAgents(answer.agents);
    this.options.log?.(`    project of ${batch.length}: ${own.length} loaded, initialize ${Date.now() - started} ms`);
    const entries = parseLog(answer.log);
    const notes = notesByFile(entries, [...paths.values()]);
    const byName = notesByAgentName(entries);
    const claimed = new Set<LoadedAgent>();
    const resolved: FileAnswer[] = [];
    const open: AgentSource[] = [];
    for (const source of batch) {
      const fileNotes = notes.get(paths.get(source.id)!) ?? [];
      const guess = guessName(source.content);
      const agent = batch.length === 1 ? (own.length === 1 ? own[0] : undefined) : own.find((candidate) => candidate.name === guess);
      const reason = dropReason(fileNotes);
      if (agent) {
        claimed.add(agent);
        resolved.push({ id: source.id, loaded: true, agent, notes: withNameNotes(fileNotes, byName.get(agent.name)) });
      } else if (reason !== undefined || batch.length === 1) {
        const nameNotes = guess !== undefined ? byName.get(guess) : undefined;
        resolved.push({ id: source.id, loaded: false, notes: withNameNotes(fileNotes, nameNotes), dropReason: preciseReason(reason, nameNotes) });
      } else open.push(source);
    }
    // Files neither matched by name nor dropped with a reason: dropped silently when no agent is
    // left over, else they are asked again one per project.
    const leftover = own.filter((agent) => !claimed.has(agent));
    const unresolved: AgentSource[] = [];
    for (const source of open) {
      if (leftover.length === 0) resolved.push({ id: source.id, loaded: false, notes: notes.get(paths.get(source.id)!) ?? [] });
      else unresolved.push(source);
    }
    if (this.options.spawn) {
      const loaded = resolved.filter((answer) => answer.loaded && answer.agent);
      if (loaded.length) {
        const state = await spawnAgents(
          this.options.binary,
          run.project,
          run.spawnHome,
          join(run.dir, 'spawn.log'),
          loaded.map((answer) => answer.agent!.name),
        );
        for (const answer of loaded) answer.spawn = spawnOutcome(answer.agent!.name, state.spawns, state.results);
        // A spawn the fake never saw (a busy machine, a timed-out turn) is tried once more, alone.
        for (const answer of loaded.filter((candidate) => candidate.spawn?.kind === 'not-seen')) {
          const again = await spawnAgents(this.options.binary, run.project, `${run.spawnHome}-again`, join(run.dir, 'spawn-again.log'), [answer.agent!.name]);
          answer.spawn = spawnOutcome(answer.agent!.name, again.spawns, again.results);
        }
        this.options.log?.(`    spawned ${loaded.length} in ${Date.now() - started} ms${state.timedOut ? ' (timed out)' : ''}`);
      }
    }
    rmSync(run.dir, { recursive: true, force: true });
    for (const answer of resolved) answer.notes = normalizeNotes(answer.notes, run.dir);
    return { resolved, unresolved };
  }

  /** A folder laid out as `project/` (the project) and optionally `home/` (the user's HOME); `cwd` inside project. */
  async askLayout(id: string, folder: string, cwd = '.'): Promise<LayoutAnswer> {
    const run = this.freshRun();
    cpSync(join(folder, 'project'), run.project, { recursive: true, verbatimSymlinks: true });
    if (existsSync(join(folder, 'home'))) cpSync(join(folder, 'home'), run.home, { recursive: true, verbatimSymlinks: true });
    if (existsSync(join(folder, 'home'))) cpSync(join(folder, 'home'), run.spawnHome, { recursive: true, verbatimSymlinks: true });
    const projectCwd = join(run.project, cwd);
    const answer = await initialize(this.options.binary, projectCwd, run.home, join(run.dir, 'debug.log'));
    const own = this.ownAgents(answer.agents);
    const files = [...listFiles(run.project), ...listFiles(run.home)];
    const notes = notesByFile(parseLog(answer.log), files);
    const relativeNotes: Record<string, FileNote[]> = {};
    const names: Record<string, string | undefined> = {};
    const layoutPath = (file: string) => (file.startsWith(run.project) ? join('project', relative(run.project, file)) : join('home', relative(run.home, file)));
    for (const [file, fileNotes] of notes) {
      if (fileNotes.length) relativeNotes[layoutPath(file)] = fileNotes;
      names[layoutPath(file)] = declaredName(file);
    }
    const spawns: Record<string, SpawnOutcome> = {};
    if (this.options.spawn && own.length) {
      const state = await spawnAgents(
        this.options.binary,
        projectCwd,
        run.spawnHome,
        join(run.dir, 'spawn.log'),
        own.map((agent) => agent.name),
      );
      for (const agent of own) spawns[agent.name] = spawnOutcome(agent.name, state.spawns, state.results);
    }
    rmSync(run.dir, { recursive: true, force: true });
    for (const file of Object.keys(relativeNotes)) relativeNotes[file] = normalizeNotes(relativeNotes[file], run.dir);
    return { id, agents: own, notes: relativeNotes, names, spawns };
  }
}

/** Temporary paths in the log's words become `<run>`, so that facts compare across runs. */
function normalizeNotes(notes: FileNote[], dir: string): FileNote[] {
  return notes.map((note) => ({ ...note, reason: note.reason.split(dir).join('<run>') }));
}

function withNameNotes(notes: FileNote[], nameNotes: string[] | undefined): FileNote[] {
  return [...notes, ...(nameNotes ?? []).map((reason) => ({ kind: 'other' as const, level: 'ERROR', reason }))];
}

/** "Unknown parsing error" says nothing; a message about the agent by name says why. */
function preciseReason(reason: string | undefined, nameNotes: string[] | undefined): string | undefined {
  if (reason === 'Unknown parsing error' && nameNotes?.length) return `${reason}: ${nameNotes.join('; ')}`;
  return reason;
}

/** The value of the first `name:` line anywhere in the file (unquoted), or undefined. */
function declaredName(file: string): string | undefined {
  try {
    return guessName(Buffer.from(`---\n${readFileSync(file, 'utf8').replace(/^\uFEFF/, '')}`));
  } catch {
    return undefined;
  }
}

/** Every `.md` under `dir`, through symlinked folders too (as Claude Code walks them), each real folder once. */
function listFiles(dir: string, seen = new Set<string>()): string[] {
  if (!existsSync(dir)) return [];
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return entry.toLowerCase().endsWith('.md') ? [path] : [];
    }
    if (stat.isDirectory()) return listFiles(path, seen);
    return entry.toLowerCase().endsWith('.md') ? [path] : [];
  });
}

export function readSource(id: string, path: string, agentPath: string): AgentSource {
  return { id, agentPath, content: readFileSync(path) };
}
