// Invariants every result of the core must keep, whatever the input: ranges
// inside the document, edits that touch only their own range, and a result that
// the core can parse and validate again. The fuzz and robustness tests share them.
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { applyEdits, createAgentService, type AgentDocument } from '../../server/src/service';
import type { FixEdit } from '../../server/src/service/features/fixes';

/** Offsets where each line starts, counting `\r\n`, `\r` and `\n` as line breaks (as LSP does). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** A text with its line table, so many ranges can be checked against it cheaply. */
export class Lines {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** Length of a line without its line break. */
  lengthOf(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > this.starts[line] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end - this.starts[line];
  }

  /** Asserts the range lies inside the text (line < lineCount, character <= line length, start <= end). */
  assertInside(range: Range, what: string): void {
    for (const p of [range.start, range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < this.starts.length, `${what}: line ${p.line} outside 0..${this.starts.length - 1}`);
      const length = this.lengthOf(p.line);
      assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= length, `${what}: character ${p.character} outside line ${p.line} of length ${length}`);
    }
    assert.ok(this.offset(range.start) <= this.offset(range.end), `${what}: range ends before it starts`);
  }

  offset(p: { line: number; character: number }): number {
    return this.starts[p.line] + p.character;
  }
}

/**
 * Applies edits and asserts that the text outside their ranges is unchanged:
 * the result is the original, cut at each (non-overlapping) range, with each
 * range replaced by its new text and nothing else.
 */
export function applyChecked(lines: Lines, edits: TextEdit[], what: string): string {
  let expected = '';
  let at = 0;
  for (const span of checkedSpans(lines, edits, what)) {
    expected += lines.text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  expected += lines.text.slice(at);
  const actual = applyEdits(lines.text, edits);
  assert.equal(actual, expected, `${what}: text outside the edited ranges changed`);
  return actual;
}

/** The edits as offset spans in order, asserting each lies inside the text and none overlap. */
export function checkedSpans(lines: Lines, edits: TextEdit[], what: string): { start: number; end: number; newText: string }[] {
  const spans = edits.map((edit, i) => {
    lines.assertInside(edit.range, `${what} edit ${i}`);
    return { start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText, i };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  spans.forEach((span, i) => assert.ok(i === 0 || span.start >= spans[i - 1].end, `${what}: edits overlap at offset ${span.start}`));
  return spans;
}

export function assertDiagnosticsInside(lines: Lines, uri: string, diagnostics: Diagnostic[], what: string): void {
  diagnostics.forEach((d, i) => {
    lines.assertInside(d.range, `${what} diagnostic ${i} (${d.code})`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${what} diagnostic ${i} (${d.code}) has no message`);
    for (const r of d.relatedInformation ?? []) if (r.location.uri === uri) lines.assertInside(r.location.range, `${what} related of ${d.code}`);
  });
}

/** Parses and validates a text with a fresh service, asserting its diagnostics lie inside it. */
export function reanalyse(uri: string, text: string, what: string): { doc: AgentDocument; diagnostics: Diagnostic[] } {
  const service = createAgentService();
  const doc = service.parse(uri, 1, text);
  service.indexDocument(doc);
  const diagnostics = service.validate(doc);
  assertDiagnosticsInside(new Lines(text), uri, diagnostics, what);
  return { doc, diagnostics };
}

/** The model without its TextDocument (which caches line offsets lazily), for deep comparison. */
export function comparableModel(doc: AgentDocument): Omit<AgentDocument, 'textDocument'> {
  const { textDocument: _ignored, ...rest } = doc;
  return rest;
}

export interface FixOutcome {
  title: string;
  auto: boolean;
  /** The fixed text (undefined for a rename-only fix). */
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Applies one fix on its own: text outside its edits unchanged, and a result the
 * core parses and validates (a file rename is applied to the URI).
 */
export function applyFix(doc: AgentDocument, fix: FixEdit, what: string, lines = new Lines(doc.text)): FixOutcome {
  const text = applyChecked(lines, fix.edits, `${what} "${fix.title}"`);
  const uri = fix.rename?.newUri ?? doc.uri;
  if (fix.rename) assert.equal(fix.rename.oldUri, doc.uri, `${what}: rename of another file`);
  const { diagnostics } = reanalyse(uri, text, `${what} after "${fix.title}"`);
  return { title: fix.title, auto: fix.auto, text, diagnostics };
}

function countCode(diagnostics: Diagnostic[], code: unknown): number {
  return diagnostics.filter((d) => d.code === code).length;
}

/** Whether the same diagnostic (code, start and message) is still reported. */
function stillReported(diagnostics: Diagnostic[], target: Diagnostic): boolean {
  return diagnostics.some((d) => d.code === target.code && d.message === target.message && d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character);
}

function errorCounts(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === DiagnosticSeverity.Error) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

/** A fix (or fix-all) brings no error of a kind the file did not have as often before. */
export function assertNoNewErrors(before: Diagnostic[], after: Diagnostic[], what: string): void {
  const was = errorCounts(before);
  for (const [code, count] of errorCounts(after)) assert.ok(count <= (was.get(code) ?? 0), `${what} introduced the error ${code}`);
}

/** Frontmatter YAML that cannot be read: a fix there is best effort, as the rest may read differently after it. */
export function yamlUnreadable(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'yaml-unreadable');
}

/**
 * A fix does what it says: an `auto` fix (applied without looking) leaves fewer
 * diagnostics of its kind (or, where a later duplicate of a removed item now
 * carries that diagnostic, as in `LS, Read, LS`, fewer in all) and brings no new
 * error. With `everyFix`, any other fix must too bring no new error and at least
 * change the diagnostic it was offered for. (Not asked of fixes in frontmatter
 * that was unreadable YAML to begin with.)
 */
export function assertFixHelps(before: Diagnostic[], target: Diagnostic, fix: FixOutcome, what: string, everyFix = false): void {
  if (yamlUnreadable(before) || !(fix.auto || everyFix)) return;
  assertNoNewErrors(before, fix.diagnostics, `${what} "${fix.title}"`);
  if (fix.auto) {
    const fewer = countCode(fix.diagnostics, target.code) < countCode(before, target.code) || fix.diagnostics.length < before.length;
    assert.ok(fewer, `${what}: "${fix.title}" left as many ${target.code}`);
  } else {
    assert.ok(!stillReported(fix.diagnostics, target), `${what}: "${fix.title}" left the diagnostic as it was`);
  }
}
