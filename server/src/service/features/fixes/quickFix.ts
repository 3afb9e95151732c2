// The shape every quick fix has: which codes it answers and the edit it makes.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../../diagnostics/codes';
import { spanToRange } from '../../diagnostics/reporter';
import type { AgentDocument, FrontmatterField, Span, ValueItem } from '../../types';

export interface FixEdit {
  title: string;
  edits: TextEdit[];
  /** A file rename to make along with the edits. */
  rename?: { oldUri: string; newUri: string };
  /** Safe to apply without looking: used by "fix all" and the CLI's --fix. */
  auto: boolean;
  preferred?: boolean;
}

export interface QuickFix {
  codes: readonly DiagnosticCode[];
  provide(doc: AgentDocument, diagnostic: Diagnostic): FixEdit[];
}

export function replaceSpan(doc: AgentDocument, span: Span, newText: string): TextEdit {
  return { range: spanToRange(doc, span), newText };
}

export function offsetRange(doc: AgentDocument, diagnostic: Diagnostic): Span {
  return { start: doc.textDocument.offsetAt(diagnostic.range.start), end: doc.textDocument.offsetAt(diagnostic.range.end) };
}

export function dataOf<T>(diagnostic: Diagnostic, key: string): T | undefined {
  return (diagnostic.data as Record<string, unknown> | undefined)?.[key] as T | undefined;
}

/** The frontmatter field and item (if any) a diagnostic points at. */
export function itemAt(doc: AgentDocument, span: Span): { field: FrontmatterField; item?: ValueItem; index: number } | undefined {
  for (const field of doc.frontmatter?.fields ?? []) {
    if (span.start < field.entrySpan.start || span.end > field.entrySpan.end) continue;
    const index = field.items.findIndex((i) => i.span.start === span.start && i.span.end === span.end);
    return { field, item: field.items[index], index };
  }
  return undefined;
}

/** Removes one item of a comma list (with its separator) or its whole `- item` line. */
export function removeItemEdit(doc: AgentDocument, field: FrontmatterField, index: number): TextEdit {
  const items = field.items;
  const item = items[index];
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', item.span.start - 1) + 1;
  if (/^\s*-\s*$/.test(text.slice(lineStart, item.span.start))) {
    let lineEnd = text.indexOf('\n', item.span.end);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    return replaceSpan(doc, { start: lineStart, end: lineEnd }, '');
  }
  if (index > 0) return replaceSpan(doc, { start: items[index - 1].span.end, end: item.span.end }, '');
  if (items.length > 1) return replaceSpan(doc, { start: item.span.start, end: items[1].span.start }, '');
  return replaceSpan(doc, item.span, '');
}
