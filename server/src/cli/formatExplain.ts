// `agentry explain`: what Claude Code will do with each file, in words.
import * as path from 'node:path';
import type { EffectiveAgent } from '../service/claude/effectiveAgent';

export function formatExplain(files: string[], agents: EffectiveAgent[], cwd: string): string {
  return agents.map((agent, i) => explainOne(path.relative(cwd, files[i]) || files[i], agent)).join('\n');
}

function explainOne(file: string, agent: EffectiveAgent): string {
  const claude = `Claude Code ${agent.claudeCode}`;
  if (!agent.loads) return `${file}\n  ${claude} drops this file: ${agent.dropReason}\n`;
  const lines = [`${file}`, `  ${claude} ${agent.runs ? 'loads and runs' : 'loads, but refuses to run,'} \`${agent.name}\``];
  if (agent.refusal) lines.push(`  why: ${agent.refusal}`);
  lines.push(`  description: ${oneLine(agent.description ?? '')}`);
  lines.push(`  model: ${modelText(agent)}`);
  lines.push(`  tools: ${agent.tools === 'all' ? `all${agent.disallowedTools?.length ? ` but ${agent.disallowedTools.join(', ')}` : ''}` : agent.tools.length ? `${agent.tools.join(', ')} (${agent.tools.length})` : 'none'}`);
  if (agent.ignored.length) {
    lines.push(`  ignored (${agent.ignored.length}):`);
    for (const item of agent.ignored) lines.push(`    - ${item.key ? `${item.key}: ` : ''}${item.reason}`);
  }
  return lines.join('\n') + '\n';
}

function modelText(agent: EffectiveAgent): string {
  const model = agent.model;
  if (!model || model.kind === 'inherit') return "inherit (the main conversation's model)";
  return model.kind === 'alias' ? `${model.written} (alias)` : `${model.written} (sent to the API as written)`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}
