// Building blocks of completion items: a text edit over the span being typed,
// snippet or plain text by what the client supports, Markdown documentation.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { spanToRange } from '../../text/spans';
import type { AgentDocument, Span } from '../../types';

export { CompletionItemKind };

export interface CompletionOptions {
  /** The client accepts snippet syntax in insert texts. */
  snippets: boolean;
}

export interface ItemSpec {
  label: string;
  kind: CompletionItemKind;
  /** Snippet text; used when the client takes snippets. */
  snippet?: string;
  /** Plain text; the label when absent. */
  text?: string;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
}

export function completionItem(doc: AgentDocument, span: Span, spec: ItemSpec, options: CompletionOptions): CompletionItem {
  const useSnippet = spec.snippet !== undefined && options.snippets;
  const item: CompletionItem = {
    label: spec.label,
    kind: spec.kind,
    textEdit: { range: spanToRange(doc, span), newText: useSnippet ? spec.snippet! : (spec.text ?? spec.label) },
  };
  if (useSnippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (spec.detail) item.detail = spec.detail;
  if (spec.documentation) item.documentation = { kind: MarkupKind.Markdown, value: spec.documentation };
  if (spec.sortText) item.sortText = spec.sortText;
  if (spec.filterText) item.filterText = spec.filterText;
  if (spec.preselect) item.preselect = true;
  return item;
}

/** A sort key that keeps the given order. */
export function rank(index: number): string {
  return String(index).padStart(5, '0');
}

/** The span from `start` to the end of the word (letters, digits, `_-*.`) after `offset`. */
export function wordSpan(text: string, start: number, offset: number): Span {
  let end = offset;
  while (end < text.length && /[\w\-*.]/.test(text[end])) end++;
  return { start, end };
}
