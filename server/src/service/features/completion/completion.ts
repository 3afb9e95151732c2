// Completion: dispatches by where the cursor stands — frontmatter keys and
// values, or in the body rule numbers, Cross-Agent agent names and rule blocks;
// snippets where their text can start.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import { fieldOf, type AgentDocument } from '../../types';
import { crossAgentCompletions } from './completionAgents';
import { directiveCompletions } from './completionDirective';
import type { CompletionOptions } from './completionItems';
import { frontmatterSkeleton, keyCompletions } from './completionKeys';
import { hookCompletions } from './completionHooks';
import { ruleCompletions } from './completionRules';
import { skillCompletions } from '../skills';
import { toolCompletions } from './completionTools';
import { triggerCompletions } from './completionTriggers';
import { valueCompletions } from './completionValues';
import type { Cancellation, FeatureContext } from '../featureContext';
import { snippetCompletions, lineStartWord } from './completionSnippets';
import { frontmatterCursor, inFrontmatter, type FrontmatterCursor } from '../../text/frontmatterCursor';
import { lineAround } from '../../text/spans';

export type { CompletionOptions } from './completionItems';

export function completion(doc: AgentDocument, position: Position, ctx: FeatureContext, options: CompletionOptions, token: Cancellation): CompletionItem[] {
  if (token.isCancellationRequested) return [];
  const offset = doc.textDocument.offsetAt(position);
  const codes = directiveCompletions(doc, offset, options);
  if (codes) return codes;
  if (inFrontmatter(doc, offset)) return frontmatterCompletion(doc, offset, ctx, options);
  const line = lineAround(doc, offset);
  const word = lineStartWord(doc, line, offset);
  if (!doc.frontmatter) {
    if (line.start !== doc.bomLength) return [];
    const skeleton = /^-{0,3}$/.test(doc.text.slice(line.start, line.end)) ? [frontmatterSkeleton(doc, line, options)] : [];
    return word && word.end > word.start ? [...skeleton, ...snippetCompletions(doc, 'document-start', word, options)] : skeleton;
  }
  if (offset < doc.bodyStart || doc.codeRegions.some((r) => r.startLine <= position.line && position.line <= r.endLine)) return [];
  const rules = ruleCompletions(doc, offset, ctx, options);
  const items = rules.length ? rules : crossAgentCompletions(doc, offset, ctx, options);
  return word?.start === line.start ? [...items, ...snippetCompletions(doc, 'body-line', word, options)] : items;
}

function frontmatterCompletion(doc: AgentDocument, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const hooks = hookCompletions(doc, offset, options);
  if (hooks) return hooks;
  const cursor = frontmatterCursor(doc, offset);
  if (!cursor) return descriptionLineSnippets(doc, offset, options);
  if (cursor.kind === 'key') {
    const keys = keyCompletions(doc, cursor.span, cursor.hasValue, options);
    return cursor.hasValue || fieldOf(doc, 'description') ? keys : [...keys, ...snippetCompletions(doc, 'frontmatter-key', cursor.span, options)];
  }
  const items = valueItems(doc, cursor, offset, ctx, options);
  if (cursor.needsSpace) for (const item of items) if (item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
  return items;
}

/** On an indented line of the description (a block scalar), up to the next key: the example snippet. */
function descriptionLineSnippets(doc: AgentDocument, offset: number, options: CompletionOptions): CompletionItem[] {
  const description = fieldOf(doc, 'description');
  const line = lineAround(doc, offset);
  const word = lineStartWord(doc, line, offset);
  if (!description || !word || word.start === line.start || line.start <= description.keySpan.start) return [];
  const nextKey = Math.min(...doc.frontmatter!.fields.map((f) => f.keySpan.start).filter((start) => start > description.keySpan.start));
  return offset < nextKey ? snippetCompletions(doc, 'description-line', word, options) : [];
}

function valueItems(doc: AgentDocument, cursor: Extract<FrontmatterCursor, { kind: 'value' }>, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  if (cursor.key === 'tools' || cursor.key === 'disallowedTools') return toolCompletions(doc, cursor, offset, ctx, options);
  if (cursor.key === 'skills') return skillCompletions(doc, cursor, offset, ctx, options);
  if (cursor.key === 'proactive_triggers') return triggerCompletions(doc, cursor.valueStart, offset, ctx, options);
  if (cursor.listItem) return [];
  return valueCompletions(doc, cursor.key, { start: cursor.valueStart, end: Math.max(offset, cursor.lineEnd) }, ctx, options);
}
