// The effective agent in words: one line for the code lens at the top of the file,
// and a short block for the hover on `name:`.
import type { EffectiveAgent } from './effectiveAgent';

/** "Claude Code 2.1.332 loads backend-architect · model opus · 6 tools, 3 ignored". */
export function effectiveAgentLine(agent: EffectiveAgent): string {
  const claude = `Claude Code ${agent.claudeCode}`;
  if (!agent.loads) return `${claude} drops this file (see its errors)`;
  const facts = [`model ${agent.model?.written ?? 'inherit'}`, toolsText(agent)];
  const ignored = agent.ignored.length ? `, ${agent.ignored.length} ignored` : '';
  if (!agent.runs) return `${claude} loads ${agent.name} but refuses to run it: no tool it lists is available`;
  return `${claude} loads ${agent.name} · ${facts.join(' · ')}${ignored}`;
}

/** Markdown for the hover on `name:`. */
export function effectiveAgentMarkdown(agent: EffectiveAgent): string {
  const claude = `Claude Code ${agent.claudeCode}`;
  if (!agent.loads) return `**${claude} drops this file:** ${agent.dropReason}`;
  const lines = [`**${claude} ${agent.runs ? 'loads and runs' : 'loads, but refuses to run,'} \`${agent.name}\`**`];
  if (agent.refusal) lines.push(agent.refusal);
  const model = agent.model;
  lines.push(`- model: ${!model || model.kind === 'inherit' ? "inherit (the main conversation's)" : model.kind === 'alias' ? `\`${model.written}\` (alias)` : `\`${model.written}\`, sent to the API as written`}`);
  lines.push(
    `- tools: ${agent.tools === 'all' ? `all${agent.disallowedTools?.length ? ` but ${agent.disallowedTools.map((t) => `\`${t}\``).join(', ')}` : ''}` : agent.tools.length ? agent.tools.map((t) => `\`${t}\``).join(', ') : 'none'}`,
  );
  if (agent.ignored.length) lines.push(`- ignored: ${[...new Set(agent.ignored.map((i) => i.key))].map((k) => `\`${k}\``).join(', ')}`);
  return lines.join('\n');
}

function toolsText(agent: EffectiveAgent): string {
  if (agent.tools === 'all') return agent.disallowedTools?.length ? `all tools but ${agent.disallowedTools.length}` : 'all tools';
  return agent.tools.length === 1 ? '1 tool' : `${agent.tools.length} tools`;
}
