// The index of every agent file of the workspace, holding small summaries only
// (not documents), so that ten thousand agents stay cheap. Cross-file checks,
// completions and navigation read it.
import { closestMatch } from '../schema/suggest';
import type { AgentDocument } from '../types';
import { fieldOf } from '../types';
import { fileName } from '../text/fileName';
import { Revision } from './revision';

export interface RuleSummary {
  number: number;
  title: string;
  line: number;
}

export interface AgentSummary {
  uri: string;
  /** The file name without `.md` (and without `.agent`). */
  stem: string;
  name?: string;
  nameLine?: number;
  description?: string;
  triggers: string[];
  rules: RuleSummary[];
  crossAgentReferences: string[];
  /** Names inside `Agent(…)` tool entries. */
  agentToolReferences: string[];
  /** Rule numbers referenced as `Rule N` (each once). */
  ruleReferences: number[];
  /** The names listed in `skills:`. */
  skills: string[];
  /** `user` for an agent of the user's ~/.claude/agents, which resolves names but is not part of the workspace. */
  scope?: 'user';
}

/** What a summary is made of: a parsed document, or the frontmatter-only reading of summaryOfText. */
export type SummarySource = Pick<AgentDocument, 'uri' | 'frontmatter' | 'rules' | 'crossAgentReferences' | 'agentToolReferences' | 'ruleReferences'> & {
  textDocument: Pick<AgentDocument['textDocument'], 'positionAt'>;
};

/** The summary of a parsed document; its strings are copies, so it keeps none of the document's text alive. */
export function summarize(doc: SummarySource): AgentSummary {
  const name = fieldOf(doc, 'name');
  const description = fieldOf(doc, 'description');
  const triggers = fieldOf(doc, 'proactive_triggers');
  return {
    uri: doc.uri,
    stem: detach(stemOf(doc.uri)),
    name: typeof name?.value === 'string' ? detach(name.value) : undefined,
    nameLine: name ? doc.textDocument.positionAt(name.valueSpan.start).line : undefined,
    description: typeof description?.value === 'string' ? detach(description.value) : undefined,
    triggers: listOf(triggers ? triggers.items.map((i) => detach(i.text)) : NONE),
    rules: listOf(doc.rules.map((r) => ({ number: r.number, title: detach(r.title), line: r.line }))),
    crossAgentReferences: listOf(doc.crossAgentReferences.map((r) => detach(r.name))),
    agentToolReferences: listOf(doc.agentToolReferences.map((r) => detach(r.name))),
    ruleReferences: listOf([...new Set(doc.ruleReferences.map((r) => r.number))]),
    skills: listOf(fieldOf(doc, 'skills')?.items.map((i) => detach(i.text)) ?? NONE),
  };
}

/**
 * The one empty list that every summary without triggers, rules, references or skills
 * holds: most summaries have four or more empty lists, ten thousand of them an array each.
 * Frozen, as a summary's lists are never changed in place.
 */
const NONE: never[] = Object.freeze([]) as never[];

function listOf<T>(items: T[]): T[] {
  return items.length > 0 ? items : NONE;
}

/** The same summary with its empty lists shared (a summary read back from the index cache). */
export function compactSummary(summary: AgentSummary): AgentSummary {
  const { triggers, rules, crossAgentReferences, agentToolReferences, ruleReferences, skills } = summary;
  return { ...summary, triggers: listOf(triggers), rules: listOf(rules), crossAgentReferences: listOf(crossAgentReferences), agentToolReferences: listOf(agentToolReferences), ruleReferences: listOf(ruleReferences), skills: listOf(skills) };
}

/**
 * A flat copy of a string. Substrings of the file text (slice, regex groups) are views
 * that keep the whole text alive: held by the index of ten thousand agents, they kept
 * every file's text in memory (bench/README.md, measurements).
 */
function detach(s: string): string {
  // Joining makes one flat string: `(' ' + s).slice(1)` made a slice of a flat copy (two
  // strings each), and a JSON round trip was as flat but eight times slower.
  return s.length > 1 ? [s[0], s.slice(1)].join('') : (' ' + s).slice(1);
}

/*
 * What other files' checks read of an agent: whether it exists, its name and the line
 * of its name (duplicate-agent-name points there), and the rule numbers it defines.
 * crossFileKey (diagnostics/workspaceChecks.ts) is the same facts seen from the reading
 * side; a test keeps the two in agreement. Descriptions and trigger ids are not among
 * them: only completions and hovers read those, and they are asked for afresh.
 */
/** Whether replacing `before` by `after` in the index can change another file's diagnostics. */
export function affectsOthers(before: AgentSummary | undefined, after: AgentSummary | undefined): boolean {
  if (!before || !after) return before !== after;
  return sharedFacts(before) !== sharedFacts(after);
}

function sharedFacts(agent: AgentSummary): string {
  const rules = [...new Set(agent.rules.map((r) => r.number))].sort((a, b) => a - b);
  return JSON.stringify([agent.scope, agent.name, agent.name === undefined ? undefined : agent.nameLine, rules]);
}

export function stemOf(uri: string): string {
  return fileName(uri)
    .replace(/\.md$/i, '')
    .replace(/\.agent$/i, '');
}

export class WorkspaceIndex {
  private readonly agents = new Map<string, AgentSummary>();
  private readonly userAgents = new Map<string, AgentSummary>();
  private readonly byName = new Map<string, Uris>();
  private readonly ruleDefiners = new Map<number, Uris>();
  /** Bumps only when the set of names changes: what "did you mean" suggestions depend on. */
  private namesGeneration = 0;
  /** Bumps only when some agent's triggers change, or an agent with triggers comes or goes. */
  private triggersGeneration = 0;
  private triggerCache?: { generation: number; usage: Map<string, string[]> };
  private suggestionCache?: { generation: number; byName: Map<string, string | undefined> };

  /** `revision` is bumped by every change that affects other files (affectsOthers): cross-file results may differ. */
  constructor(private readonly revision = new Revision()) {}

  get size(): number {
    return this.agents.size;
  }

  /**
   * Adds or replaces an agent. An edit that keeps the name and triggers (most keystrokes)
   * leaves the suggestion and trigger caches alone: rebuilding suggestions for ten thousand
   * names is slow per unknown reference (bench/README.md, measurements).
   */
  upsert(summary: AgentSummary): void {
    if (summary.scope === 'user') {
      this.upsertUserAgent(summary);
      return;
    }
    const old = this.agents.get(summary.uri);
    if (old?.name !== summary.name) {
      if (old?.name) this.removeName(old.name, summary.uri);
      if (summary.name) this.addName(summary.name, summary.uri);
    }
    if (old) for (const rule of old.rules) removeFrom(this.ruleDefiners, rule.number, summary.uri);
    for (const rule of summary.rules) addTo(this.ruleDefiners, rule.number, summary.uri);
    if (old ? !sameList(old.triggers, summary.triggers) : summary.triggers.length > 0) this.triggersGeneration++;
    this.agents.set(summary.uri, summary);
    if (affectsOthers(old, summary)) this.revision.bump();
  }

  /**
   * The user's own agents (~/.claude/agents) resolve names and take part in same-name
   * choices, and are not agents of the workspace: all(), size and the rule and trigger
   * tables leave them out.
   */
  private upsertUserAgent(summary: AgentSummary): void {
    const old = this.userAgents.get(summary.uri);
    if (old?.name !== summary.name) {
      if (old?.name) this.removeName(old.name, summary.uri);
      if (summary.name) this.addName(summary.name, summary.uri);
    }
    this.userAgents.set(summary.uri, summary);
    if (affectsOthers(old, summary)) this.revision.bump();
  }

  /** Forgets every user agent (the setting that counts them was turned off, or they are read again). */
  clearUserAgents(): void {
    for (const uri of [...this.userAgents.keys()]) this.remove(uri);
  }

  remove(uri: string): void {
    const user = this.userAgents.get(uri);
    if (user) {
      this.userAgents.delete(uri);
      if (user.name) this.removeName(user.name, uri);
      this.revision.bump();
      return;
    }
    const old = this.agents.get(uri);
    if (!old) return;
    this.agents.delete(uri);
    if (old.name) this.removeName(old.name, uri);
    for (const rule of old.rules) removeFrom(this.ruleDefiners, rule.number, uri);
    if (old.triggers.length > 0) this.triggersGeneration++;
    this.revision.bump();
  }

  private addName(name: string, uri: string): void {
    if (!this.byName.has(name)) this.namesGeneration++;
    addTo(this.byName, name, uri);
  }

  private removeName(name: string, uri: string): void {
    removeFrom(this.byName, name, uri);
    if (!this.byName.has(name)) this.namesGeneration++;
  }

  /** A workspace agent, or one of the user's. */
  get(uri: string): AgentSummary | undefined {
    return this.agents.get(uri) ?? this.userAgents.get(uri);
  }

  all(): IterableIterator<AgentSummary> {
    return this.agents.values();
  }

  /** By URI: the order of the files, never the order they were indexed in (a long-running server and a fresh one agree). */
  agentsNamed(name: string): AgentSummary[] {
    return urisOf(this.byName.get(name))
      .sort()
      .map((u) => this.get(u)!);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The agent name closest to `name` ("did you mean"), remembered until the index changes: agents share their unknown references. */
  closestName(name: string): string | undefined {
    if (this.suggestionCache?.generation !== this.namesGeneration) this.suggestionCache = { generation: this.namesGeneration, byName: new Map() };
    const { byName } = this.suggestionCache;
    if (!byName.has(name)) byName.set(name, closestMatch(name, this.byName.keys()));
    return byName.get(name);
  }

  /** Agents other than `exceptUri` that define rule `number`. */
  ruleDefinedElsewhere(number: number, exceptUri: string): AgentSummary[] {
    return urisOf(this.ruleDefiners.get(number))
      .filter((u) => u !== exceptUri)
      .sort()
      .map((u) => this.agents.get(u)!);
  }

  /** Trigger id → uris of the agents listing it. */
  triggerUsage(): Map<string, string[]> {
    if (this.triggerCache?.generation === this.triggersGeneration) return this.triggerCache.usage;
    const usage = new Map<string, string[]>();
    for (const agent of this.agents.values()) {
      for (const trigger of agent.triggers) {
        const list = usage.get(trigger);
        if (list) list.push(agent.uri);
        else usage.set(trigger, [agent.uri]);
      }
    }
    this.triggerCache = { generation: this.triggersGeneration, usage };
    return usage;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The agents a name or rule number leads to: one URI as itself (most names have one agent), more in a set. */
type Uris = string | Set<string>;

function urisOf(uris: Uris | undefined): string[] {
  return uris === undefined ? [] : typeof uris === 'string' ? [uris] : [...uris];
}

function addTo<K>(map: Map<K, Uris>, key: K, uri: string): void {
  const uris = map.get(key);
  if (uris === undefined) map.set(key, uri);
  else if (typeof uris !== 'string') uris.add(uri);
  else if (uris !== uri) map.set(key, new Set([uris, uri]));
}

function removeFrom<K>(map: Map<K, Uris>, key: K, uri: string): void {
  const uris = map.get(key);
  if (uris === undefined) return;
  if (typeof uris === 'string') {
    if (uris === uri) map.delete(key);
    return;
  }
  uris.delete(uri);
  if (uris.size === 1) map.set(key, uris.values().next().value!);
}
