// Repairs double-encoded text: this occurrence, or every one in the file.
import { findMojibake } from '../../text/mojibake';
import { dataOf, offsetRange, replaceSpan, type QuickFix } from './quickFix';

export const repairMojibake: QuickFix = {
  codes: ['mojibake'],
  provide(doc, diagnostic) {
    const repaired = dataOf<string>(diagnostic, 'repaired');
    if (repaired === undefined) return [];
    const here = { title: `Repair to \`${repaired}\``, edits: [replaceSpan(doc, offsetRange(doc, diagnostic), repaired)], auto: true, preferred: true };
    const all = findMojibake(doc.text, 0, doc.truncated?.limit ?? doc.text.length);
    if (all.length < 2) return [here];
    return [here, { title: `Repair all ${all.length} mojibake occurrences in the file`, edits: all.map((r) => replaceSpan(doc, r, r.repaired)), auto: false }];
  },
};
