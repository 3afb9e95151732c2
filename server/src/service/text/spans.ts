// Spans of a document, shared by the checks and the features: LSP ranges of spans, lines around an offset.
import type { Range } from 'vscode-languageserver-types';
import type { AgentDocument, Span } from '../types';
import { lineSpanOf } from './lineSpan';

export function spanToRange(doc: AgentDocument, span: Span): Range {
  return { start: doc.textDocument.positionAt(span.start), end: doc.textDocument.positionAt(span.end) };
}

/** The line holding `offset`, without its line break. */
export function lineAround(doc: AgentDocument, offset: number): Span {
  const line = doc.textDocument.positionAt(offset).line;
  return lineSpan(doc, line);
}

export function lineSpan(doc: AgentDocument, line: number): Span {
  return lineSpanOf(doc.textDocument, doc.text, line);
}

/** Cursor inside or at either end of the span. */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function lineOf(doc: AgentDocument, offset: number): number {
  return doc.textDocument.positionAt(offset).line;
}

/** A string shortened to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A Markdown link to a 1-based line of a file: a `#L<line>` fragment, which VS Code opens at that
 * line. Parentheses are escaped so that the URI cannot end the link early.
 */
export function lineLink(uri: string, line: number, text = `line ${line}`): string {
  return `[${text}](${uri.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${line})`;
}
