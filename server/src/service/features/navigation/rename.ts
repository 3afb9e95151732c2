// Rename an agent across the workspace: its `name:` value and every
// Cross-Agent item and `Agent(…)` entry that names it, in every agent file.
// When several agents share the name, only one is renamed (the one under the
// cursor, or for a reference the one Claude Code uses), and references move
// with it only if they resolve to it. The name-file-mismatch fix then offers
// to rename the file.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { spanToRange } from '../../text/spans';
import { NAME_PATTERN } from '../../schema/agentName';
import type { AgentDocument } from '../../types';
import { agentNameAt } from '../agentNames';
import type { Cancellation, FeatureContext } from '../featureContext';
import { claudeCodeChoice } from '../../workspace/sameName';
import { agentNameLocations } from './references';

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
  const named = ctx.workspace.index.agentsNamed(spot.name);
  const used = named.length > 1 ? claudeCodeChoice(named) : named[0];
  const renamed = spot.role === 'name' ? doc.uri : used?.uri;
  const referencesMove = named.length <= 1 || used?.uri === renamed;
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, other, spot: at } of agentNameLocations(doc, spot.name, ctx, token)) {
    if (at.role === 'name' ? uri !== renamed : !referencesMove) continue;
    (changes[uri] ??= []).push({ range: spanToRange(other, at.span), newText: newName });
  }
  return { edit: { changes } };
}
