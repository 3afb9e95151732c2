// Checks across files: duplicate agent names, a name that differs from the file
// name, Cross-Agent references to agents that do not exist, and `Rule N`
// references that nothing defines.
import { Range } from 'vscode-languageserver-types';
import { fieldOf, type AgentDocument } from '../types';
import { stemOf } from '../workspace/workspaceIndex';
import { closestMatch } from '../schema/suggest';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { Report } from './reporter';

export function checkWorkspace(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  checkNames(doc, workspace, report);
  checkAgentReferences(doc, workspace, report);
  checkRuleReferences(doc, workspace, report);
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
  report('duplicate-agent-name', name.valueSpan, `Another agent is also named \`${name.value}\`; Claude Code keeps only one of them.`, {
    related: others.map((o) => ({ uri: o.uri, range: Range.create(o.nameLine ?? 0, 0, o.nameLine ?? 0, 0), message: `\`${name.value}\` is also defined here` })),
  });
}

function checkAgentReferences(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  if (!workspace || doc.crossAgentReferences.length === 0) return;
  const index = workspace.index;
  const othersExist = index.size > (index.get(doc.uri) ? 1 : 0);
  if (!othersExist) return;
  for (const ref of doc.crossAgentReferences) {
    if (index.agentsNamed(ref.name).length > 0) continue;
    const suggestion = closestMatch(ref.name, index.names());
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
