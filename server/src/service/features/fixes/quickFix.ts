// The shape every quick fix has: which codes it answers and the edit it makes.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../../diagnostics/codes';
import { spanToRange } from '../../text/spans';
import { yamlScalar } from '../../schema/yamlScalar';
import type { AgentDocument, FrontmatterField, Span, ValueItem } from '../../types';

export interface FixEdit {
  title: string;
  edits: TextEdit[];
  /** A file rename to make along with the edits. */
  rename?: { oldUri: string; newUri: string };
  /** A new file to create with this text (never over an existing one); the edits are then empty. */
  create?: { uri: string; text: string };
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
    const index = itemIndex(field.items, span);
    return { field, item: field.items[index], index };
  }
  return undefined;
}

/** Binary search: items are in document order, and fix-all asks once per item. */
function itemIndex(items: readonly ValueItem[], span: Span): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = items[mid].span;
    if (at.start === span.start) return at.end === span.end ? mid : -1;
    if (at.start < span.start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Removes one item of a comma list (with its separator) or its whole `- item` line. */
export function removeItemEdit(doc: AgentDocument, field: FrontmatterField, index: number): TextEdit {
  const items = field.items;
  const item = items[index];
  const text = doc.text;
  const lineStart = dashLineStart(text, item.span.start);
  if (lineStart !== undefined) {
    // To the end of the line and its break, whichever it is: only that line goes.
    let lineEnd = item.span.end;
    while (lineEnd < text.length && !isLineBreak(text[lineEnd])) lineEnd++;
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    return replaceSpan(doc, { start: lineStart, end: lineEnd }, '');
  }
  if (index > 0) return replaceSpan(doc, { start: items[index - 1].span.end, end: item.span.end }, '');
  if (items.length > 1) return replaceSpan(doc, { start: item.span.start, end: items[1].span.start }, '');
  return replaceSpan(doc, item.span, '');
}

/**
 * Start of the line when only `-` and blanks stand before `at` on it (a `- item`
 * line), by a scan back over those few characters: searching back for the line
 * start would cost the whole line for each item of a long comma list.
 */
function dashLineStart(text: string, at: number): number | undefined {
  const blank = (i: number) => i > 0 && !isLineBreak(text[i - 1]) && /\s/.test(text[i - 1]);
  let i = at;
  while (blank(i)) i--;
  if (text[i - 1] !== '-') return undefined;
  i--;
  while (blank(i)) i--;
  return i === 0 || isLineBreak(text[i - 1]) ? i : undefined;
}

function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

const memos = new WeakMap<object, Map<string, unknown>>();

/**
 * Computes a value once per document (or field): fixes are asked for one
 * diagnostic at a time, and fix-all asks for every diagnostic of the file.
 */
export function once<T>(owner: object, key: string, compute: () => T): T {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/**
 * New text for a span: where the span is a whole frontmatter value, quoted when
 * YAML would read it plain as something other than that string (`1`, `true`, `null`).
 */
export function valueText(doc: AgentDocument, span: Span, text: string): string {
  const values = once(doc, 'valueSpans', () => new Set((doc.frontmatter?.fields ?? []).map((f) => `${f.valueSpan.start}:${f.valueSpan.end}`)));
  return values.has(`${span.start}:${span.end}`) ? yamlScalar(text) : text;
}
