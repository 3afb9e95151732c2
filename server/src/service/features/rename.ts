// Rename an agent across the workspace: its `name:` value and every
// Cross-Agent item and `Agent(…)` entry that names it, in every agent file.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { spanToRange } from '../diagnostics/reporter';
import { NAME_PATTERN } from '../schema/frontmatterSchema';
import type { AgentDocument } from '../types';
import { agentNameAt } from './agentNames';
import type { Cancellation, FeatureContext } from './featureContext';
import { agentReferences } from './references';

export function prepareRename(doc: AgentDocument, position: Position): { range: Range; placeholder: string } | undefined {
  const spot = agentNameAt(doc, doc.textDocument.offsetAt(position));
  return spot ? { range: spanToRange(doc, spot.span), placeholder: spot.name } : undefined;
}

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

export function renameAgent(doc: AgentDocument, position: Position, newName: string, ctx: FeatureContext, token: Cancellation): RenameResult | undefined {
  const spot = agentNameAt(doc, doc.textDocument.offsetAt(position));
  if (!spot) return undefined;
  if (!NAME_PATTERN.test(newName)) return { error: `\`${newName}\` is not a valid agent name: use lowercase letters, digits and hyphens.` };
  if (newName !== spot.name && ctx.workspace.index.agentsNamed(newName).length > 0) return { error: `An agent named \`${newName}\` already exists.` };
  const changes: Record<string, TextEdit[]> = {};
  for (const location of agentReferences(doc, spot.name, ctx, true, token)) {
    (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
  }
  return { edit: { changes } };
}
