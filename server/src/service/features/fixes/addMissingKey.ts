// Adds a missing `name` (from the file name) or a `description` stub right after
// the opening `---` line, indented as the keys already there.
import { nameFromFileYaml } from '../../schema/agentName';
import type { AgentDocument } from '../../types';
import { replaceSpan, type QuickFix } from './quickFix';

export const addMissingKey: QuickFix = {
  codes: ['missing-name', 'missing-description'],
  provide(doc, diagnostic) {
    const fm = doc.frontmatter;
    if (!fm) return [];
    const isName = diagnostic.code === 'missing-name';
    if (doc.textDocument.offsetAt(diagnostic.range.start) !== fm.span.start) return [];
    const eol = doc.lineEnding;
    const line = isName ? `name: ${nameFromFileYaml(doc.uri)}` : 'description: Use this agent when … (describe when Claude should delegate to it)';
    // After the opening line's break, whichever it is (`\r\n`, `\n` or a lone `\r`), and after a BOM
    // there (YAML skips one only at the start of its stream).
    const at = fm.contentSpan.start + /^(?:\r\n|\r|\n)?\uFEFF?/.exec(doc.text.slice(fm.contentSpan.start, fm.contentSpan.start + 3))![0].length;
    // A key line above a flow mapping (`{}`) would make the frontmatter unreadable.
    if (/^\s*\{/.test(doc.text.slice(at, fm.contentSpan.end))) return [];
    return [{ title: isName ? 'Add `name` from the file name' : 'Add a `description`', edits: [replaceSpan(doc, { start: at, end: at }, `${keyIndent(doc)}${line}${eol}`)], auto: false, preferred: true }];
  },
};

/** The blanks before the first key: an unindented key above indented ones would swallow them as its value. */
function keyIndent(doc: AgentDocument): string {
  const first = doc.frontmatter?.fields[0];
  if (!first) return '';
  let start = first.keySpan.start;
  while (start > 0 && (doc.text[start - 1] === ' ' || doc.text[start - 1] === '\t')) start--;
  return doc.text.slice(start, first.keySpan.start);
}
