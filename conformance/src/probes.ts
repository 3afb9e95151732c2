// Tool probes: one agent per tool name, listing only that name, so that spawning it shows what
// the name becomes (itself, its new name) or why Claude Code refuses it; and one with "*".
import type { AgentSource } from './oracle.js';

export const PROBE_ALL = 'probe/*';

function probe(id: string, name: string, tools: string): AgentSource {
  const content = `---\nname: ${name}\ndescription: Tool probe for ${JSON.stringify(tools)}\ntools: ${JSON.stringify(tools)}\n---\nA tool probe.\n`;
  return { id, agentPath: `probes/${name}.md`, content: Buffer.from(content) };
}

export function probeSources(names: string[]): AgentSource[] {
  return [probe(PROBE_ALL, 'probe-all-tools', '*'), ...names.map((name) => probe(`probe/${name}`, `probe-tool-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`, name))];
}
