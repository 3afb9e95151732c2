// An unclosed prompt tag: insert its closing tag where the element ends (before
// the next tag of the same name, the enclosing element's end or the end of the
// text). A closing tag that closes nothing: remove it.
import { promptTags } from '../../parse/promptTags';
import { offsetRange, replaceSpan, type QuickFix } from './quickFix';

export const closeTag: QuickFix = {
  codes: ['unbalanced-tag'],
  provide(doc, diagnostic) {
    const span = offsetRange(doc, diagnostic);
    const reading = promptTags(doc);
    const unclosed = reading.unclosed.find((u) => u.tag.span.start === span.start && u.tag.span.end === span.end);
    if (unclosed) {
      const { tag, closeAt } = unclosed;
      const closing = `</${tag.name}>`;
      // In the body a tag on its own line gets its closing tag on a line of its own too (not in a
      // YAML value, where a new line would need the value's indentation).
      const ownLine = tag.ownLine && tag.region === 'body';
      const lineStart = doc.textDocument.offsetAt({ line: doc.textDocument.positionAt(closeAt).line, character: 0 });
      const atLineStart = doc.text.slice(lineStart, closeAt).trim() === '';
      const text = !ownLine ? closing : atLineStart ? `${closing}${doc.lineEnding}` : `${doc.lineEnding}${closing}`;
      const at = ownLine && atLineStart ? lineStart : closeAt;
      return [{ title: `Close \`<${tag.name}>\` with \`${closing}\``, edits: [replaceSpan(doc, { start: at, end: at }, text)], auto: false, preferred: true }];
    }
    const stray = reading.stray.find((t) => t.span.start === span.start && t.span.end === span.end);
    if (!stray) return [];
    return [{ title: `Remove \`</${stray.name}>\``, edits: [replaceSpan(doc, stray.span, '')], auto: false }];
  },
};
