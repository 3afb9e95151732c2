// Completion: dispatches by where the cursor stands — frontmatter keys and
// values, or in the body rule numbers, Cross-Agent agent names and rule blocks.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { AgentDocument } from '../types';
import { crossAgentCompletions } from './completionAgents';
import type { CompletionOptions } from './completionItems';
import { frontmatterSkeleton, keyCompletions } from './completionKeys';
import { ruleCompletions } from './completionRules';
import { skillCompletions } from './skills';
import { toolCompletions } from './completionTools';
import { triggerCompletions } from './completionTriggers';
import { valueCompletions } from './completionValues';
import type { Cancellation, FeatureContext } from './featureContext';
import { frontmatterCursor, inFrontmatter, type FrontmatterCursor } from './frontmatterCursor';
import { lineAround } from './text';

export type { CompletionOptions } from './completionItems';

export function completion(doc: AgentDocument, position: Position, ctx: FeatureContext, options: CompletionOptions, token: Cancellation): CompletionItem[] {
  if (token.isCancellationRequested) return [];
  const offset = doc.textDocument.offsetAt(position);
  if (inFrontmatter(doc, offset)) return frontmatterCompletion(doc, offset, ctx, options);
  if (!doc.frontmatter) {
    const line = lineAround(doc, offset);
    return line.start === doc.bomLength && /^-{0,3}$/.test(doc.text.slice(line.start, line.end)) ? [frontmatterSkeleton(doc, line, options)] : [];
  }
  if (offset < doc.bodyStart || doc.codeRegions.some((r) => r.startLine <= position.line && position.line <= r.endLine)) return [];
  const rules = ruleCompletions(doc, offset, ctx, options);
  return rules.length ? rules : crossAgentCompletions(doc, offset, ctx, options);
}

function frontmatterCompletion(doc: AgentDocument, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const cursor = frontmatterCursor(doc, offset);
  if (!cursor) return [];
  if (cursor.kind === 'key') return keyCompletions(doc, cursor.span, cursor.hasValue, options);
  const items = valueItems(doc, cursor, offset, ctx, options);
  if (cursor.needsSpace) for (const item of items) if (item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
  return items;
}

function valueItems(doc: AgentDocument, cursor: Extract<FrontmatterCursor, { kind: 'value' }>, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  if (cursor.key === 'tools' || cursor.key === 'disallowedTools') return toolCompletions(doc, cursor, offset, ctx, options);
  if (cursor.key === 'skills') return skillCompletions(doc, cursor, offset, ctx, options);
  if (cursor.key === 'proactive_triggers') return triggerCompletions(doc, cursor.valueStart, offset, ctx, options);
  if (cursor.listItem) return [];
  return valueCompletions(doc, cursor.key, { start: cursor.valueStart, end: Math.max(offset, cursor.lineEnd) }, ctx, options);
}
