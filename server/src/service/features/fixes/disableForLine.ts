// "Disable <code> for this line": the suppression comment on its own line above the
// diagnostic's first line, with that line's indentation (a YAML comment in the
// frontmatter, an HTML comment in the body), or the code added to a directive
// already there. Never on the opening `---` and never where the comment would
// change how Claude Code reads the frontmatter (inside a block scalar or a wrapped
// value, or where its lenient retry would rewrite it).
import type { Diagnostic } from 'vscode-languageserver-types';
import { disableComment, directiveOnLine } from '../../diagnostics/suppressions';
import { parseAgent } from '../../parse/parseAgent';
import type { AgentDocument } from '../../types';
import { lineSpan } from '../../text/spans';
import type { FixEdit } from './quickFix';

export function disableForLine(doc: AgentDocument, diagnostic: Diagnostic): FixEdit | undefined {
  const code = String(diagnostic.code ?? '');
  const line = diagnostic.range.start.line;
  if (!code || line === 0) return undefined;
  const title = `Disable \`${code}\` for this line`;
  const above = lineSpan(doc, line - 1);
  const directive = directiveOnLine(doc.text.slice(above.start, above.end));
  if (directive) {
    if (directive.codes.length === 0) return undefined;
    const at = doc.textDocument.positionAt(above.start + directive.codesEnd);
    return { title, edits: [{ range: { start: at, end: at }, newText: ` ${code}` }], auto: false };
  }
  const target = lineSpan(doc, line);
  const place = doc.frontmatter && target.start < doc.bodyStart ? 'frontmatter' : 'body';
  const indent = /^[ \t]*/.exec(doc.text.slice(target.start, target.end))![0];
  const newText = `${indent}${disableComment(place, [code])}${doc.lineEnding}`;
  if (place === 'frontmatter' && !sameReading(doc, doc.text.slice(0, target.start) + newText + doc.text.slice(target.start))) return undefined;
  const at = doc.textDocument.positionAt(target.start);
  return { title, edits: [{ range: { start: at, end: at }, newText }], auto: false };
}

/** Whether Claude Code reads the frontmatter of `text` as it reads the document's: the same keys and values, the same way. */
function sameReading(doc: AgentDocument, text: string): boolean {
  const before = reading(doc);
  return before !== undefined && reading(parseAgent(doc.uri, doc.version, text)) === before;
}

/** The reading as text; a value that refers to itself (a YAML alias inside its anchor) has none, and then no fix is offered. */
function reading(doc: AgentDocument): string | undefined {
  const fm = doc.frontmatter;
  try {
    return JSON.stringify(fm && [fm.mode, fm.closed, fm.errors.length, fm.fields.map((f) => [f.key, f.value])]);
  } catch {
    return undefined;
  }
}
