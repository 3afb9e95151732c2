// Removes a tool or trigger that is listed twice.
import { itemAt, offsetRange, removeItemEdit, type QuickFix } from './quickFix';

export const removeDuplicateItem: QuickFix = {
  codes: ['duplicate-tool', 'duplicate-trigger'],
  provide(doc, diagnostic) {
    const located = itemAt(doc, offsetRange(doc, diagnostic));
    if (!located?.item) return [];
    return [{ title: `Remove the duplicate \`${located.item.text}\``, edits: [removeItemEdit(doc, located.field, located.index)], auto: true, preferred: true }];
  },
};
