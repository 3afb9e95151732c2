// Adds a missing `name` (from the file name) or a `description` stub right after
// the opening `---` line.
import { slugify } from '../../diagnostics/frontmatterChecks';
import { stemOf } from '../../workspace/workspaceIndex';
import { replaceSpan, type QuickFix } from './quickFix';

export const addMissingKey: QuickFix = {
  codes: ['missing-name', 'missing-description'],
  provide(doc, diagnostic) {
    const fm = doc.frontmatter;
    if (!fm) return [];
    const isName = diagnostic.code === 'missing-name';
    if (doc.textDocument.offsetAt(diagnostic.range.start) !== fm.span.start) return [];
    const eol = doc.lineEnding;
    const line = isName
      ? `name: ${slugify(stemOf(doc.uri))}`
      : 'description: Use this agent when … (describe when Claude should delegate to it)';
    const at = fm.contentSpan.start + (doc.text.startsWith('\r\n', fm.contentSpan.start) ? 2 : doc.text[fm.contentSpan.start] === '\n' ? 1 : 0);
    return [{ title: isName ? 'Add `name` from the file name' : 'Add a `description`', edits: [replaceSpan(doc, { start: at, end: at }, `${line}${eol}`)], auto: false, preferred: true }];
  },
};
