// Tool probes: one agent per tool name, listing only that name, so that spawning it shows what
// the name becomes (itself, its new name) or why Claude Code refuses it; and one with "*".
import type { AgentSource } from './oracle.js';

export const PROBE_ALL = 'probe/*';

function probe(id: string, name: string, tools: string): AgentSource {
  const content = `---\nname: ${name}\ndescription: Tool probe for ${JSON.stringify(tools)}\ntools: ${JSON.stringify(tools)}\n---\nA tool probe.\n`;
  return { id, agentPath: `probes/${name}.md`, content: Buffer.from(content) };
}

/** The tool seen to make Claude Code withhold others (Glob and Grep, when it has Bash). */
export const COMPANION = 'Bash';
export const pairId = (name: string) => `probe/${COMPANION}+${name}`;

const slug = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

/** One probe per name, one per name beside the companion, and the "*" probe. */
export function probeSources(names: string[]): AgentSource[] {
  return [
    probe(PROBE_ALL, 'probe-all-tools', '*'),
    ...names.map((name) => probe(`probe/${name}`, `probe-tool-${slug(name)}`, name)),
    ...names.filter((name) => name !== COMPANION).map((name) => probe(pairId(name), `probe-pair-${slug(name)}`, `${COMPANION}, ${name}`)),
  ];
}

/** Names that reach the API alone but not beside the companion: name → the names that withhold it. */
export function withheldTools(single: Map<string, string[]>, pairs: Map<string, string[] | undefined>): Map<string, string[]> {
  const withheld = new Map<string, string[]>();
  for (const [name, tools] of single) {
    const pair = pairs.get(name);
    if (!pair || tools.length !== 1 || name === COMPANION) continue;
    if (!pair.includes(tools[0]) && pair.includes(COMPANION)) withheld.set(tools[0], [COMPANION]);
  }
  return withheld;
}
