// Replaces a retired tool name with its successor, or drops it when the
// successor is already listed.
import { dataOf, itemAt, offsetRange, once, removeItemEdit, replaceSpan, type QuickFix } from './quickFix';

export const replaceLegacyTool: QuickFix = {
  codes: ['legacy-tool'],
  provide(doc, diagnostic) {
    const replacement = dataOf<string>(diagnostic, 'suggestion');
    const span = offsetRange(doc, diagnostic);
    const located = itemAt(doc, span);
    if (!replacement || !located?.item) return [];
    const listed = once(located.field, 'itemTexts', () => new Set(located.field.items.map((i) => i.text)));
    if (listed.has(replacement)) {
      return [{ title: `Remove \`${located.item.text}\` (\`${replacement}\` is already listed)`, edits: [removeItemEdit(doc, located.field, located.index)], auto: true, preferred: true }];
    }
    return [{ title: `Replace \`${located.item.text}\` with \`${replacement}\``, edits: [replaceSpan(doc, span, replacement)], auto: true, preferred: true }];
  },
};
