// Checks across files: duplicate agent names, a name that differs from the file
// name, Cross-Agent references to agents that do not exist, and `Rule N`
// references that nothing defines.
import { Range } from 'vscode-languageserver-types';
import { fieldOf, type AgentDocument } from '../types';
import { stemOf, summarize, type AgentSummary } from '../workspace/workspaceIndex';
import { agentFileLabel, claudeCodeChoice, placeOf } from '../workspace/sameName';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { Report } from './reporter';
import { checkSkills, unknownSkills } from './skillChecks';

export function checkWorkspace(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  checkNames(doc, workspace, report);
  checkAgentReferences(doc, workspace, report);
  checkRuleReferences(doc, workspace, report);
  checkSkills(doc, workspace, report);
}

function checkNames(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  const name = fieldOf(doc, 'name');
  if (!name || typeof name.value !== 'string' || !name.value) return;
  const stem = stemOf(doc.uri);
  if (stem && name.value !== stem) {
    report('name-file-mismatch', name.valueSpan, `The agent is named \`${name.value}\` but its file is \`${stem}.md\`.`, { data: { stem, name: name.value } });
  }
  if (!workspace) return;
  const others = workspace.index.agentsNamed(name.value).filter((a) => a.uri !== doc.uri);
  if (others.length === 0) return;
  const self = workspace.index.get(doc.uri) ?? summarize(doc);
  const chosen = claudeCodeChoice([self, ...others]);
  const labels = others.map((o) => `\`${agentFileLabel(o)}\``).join(', ');
  const message = !chosen
    ? `Another agent is also named \`${name.value}\` (${labels}); Claude Code keeps only one of them.`
    : chosen.uri === doc.uri
      ? `Claude Code uses this file for \`${name.value}\` and ignores ${labels}, which ${others.length > 1 ? 'have' : 'has'} the same name.`
      : `Claude Code ignores this agent: \`${agentFileLabel(chosen)}\` has the same name, \`${name.value}\`, and wins${whyWins(chosen, doc.uri)}.`;
  report('duplicate-agent-name', name.valueSpan, message, {
    related: others.map((o) => ({ uri: o.uri, range: Range.create(o.nameLine ?? 0, 0, o.nameLine ?? 0, 0), message: `\`${name.value}\` is also defined here` })),
  });
}

function whyWins(chosen: AgentSummary, uri: string): string {
  const mine = placeOf(uri);
  const theirs = placeOf(chosen.uri);
  if (!mine.root) return ' (this file is not in a .claude/agents folder)';
  if (theirs.root !== mine.root) return ' (a nearer .claude/agents folder wins when Claude Code runs there)';
  return ' (within one agents folder the alphabetically last path wins)';
}

function checkAgentReferences(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  if (!workspace || doc.crossAgentReferences.length === 0) return;
  const index = workspace.index;
  const othersExist = index.size > (index.get(doc.uri) ? 1 : 0);
  if (!othersExist) return;
  for (const ref of doc.crossAgentReferences) {
    if (index.agentsNamed(ref.name).length > 0) continue;
    const suggestion = index.closestName(ref.name);
    report('unknown-agent-reference', ref.span, `No agent named \`${ref.name}\` exists in this workspace${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, {
      data: { name: ref.name, suggestion },
    });
  }
}

function checkRuleReferences(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  if (doc.ruleReferences.length === 0) return;
  const local = new Set(doc.rules.map((r) => r.number));
  const canonical = new Set(workspace?.rulesDocument?.rules.map((r) => r.number) ?? []);
  for (const ref of doc.ruleReferences) {
    if (local.has(ref.number) || canonical.has(ref.number)) continue;
    if (workspace && workspace.index.ruleDefinedElsewhere(ref.number, doc.uri).length > 0) continue;
    report('undefined-rule-reference', ref.span, `Rule ${ref.number} is not defined in this file${workspace?.rulesDocument ? ', the rules document' : ''} or any other agent.`);
  }
}

/**
 * Everything checkWorkspace reads from the other files for this agent, as a string:
 * equal keys mean equal cross-file diagnostics, so a cache (the CLI's --cache) can
 * keep a file's results while other files change, and re-validate it when its key does.
 * Mirrors the checks above; the rules document is not in it (callers key on it).
 */
export function crossFileKey(agent: AgentSummary, workspace: WorkspaceContext): string {
  const { index } = workspace;
  const parts: string[] = [];
  if (agent.name) {
    const others = index.agentsNamed(agent.name).filter((a) => a.uri !== agent.uri);
    parts.push(`name:${others.map((o) => `${o.uri}@${o.nameLine ?? 0}`).join(' ')}`);
  }
  if (agent.crossAgentReferences.length) {
    const othersExist = index.size > (index.get(agent.uri) ? 1 : 0);
    const unknown = othersExist ? agent.crossAgentReferences.filter((name) => index.agentsNamed(name).length === 0) : [];
    parts.push(`agents:${othersExist}:${unknown.map((name) => `${name}>${index.closestName(name) ?? ''}`).join(' ')}`);
  }
  if (agent.ruleReferences.length) {
    const defined = new Set([...agent.rules.map((r) => r.number), ...(workspace.rulesDocument?.rules.map((r) => r.number) ?? [])]);
    const undefinedHere = agent.ruleReferences.filter((n) => !defined.has(n));
    parts.push(`rules:${undefinedHere.filter((n) => index.ruleDefinedElsewhere(n, agent.uri).length === 0).join(' ')}`);
  }
  if (agent.skills?.length && workspace.skills) {
    parts.push(
      `skills:${unknownSkills(agent.skills, agent.uri, workspace.skills)
        .map((u) => `${u.name}>${u.suggestion ?? ''}`)
        .join(' ')}`,
    );
  }
  return parts.join('|');
}
