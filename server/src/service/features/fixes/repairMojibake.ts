// Repairs double-encoded text: this occurrence, or every one in the file.
import type { AgentDocument } from '../../types';
import { findMojibake } from '../../text/mojibake';
import { dataOf, offsetRange, once, replaceSpan, type FixEdit, type QuickFix } from './quickFix';

export const repairMojibake: QuickFix = {
  codes: ['mojibake'],
  provide(doc, diagnostic) {
    const repaired = dataOf<string>(diagnostic, 'repaired');
    if (repaired === undefined) return [];
    const here = { title: `Repair to \`${repaired}\``, edits: [replaceSpan(doc, offsetRange(doc, diagnostic), repaired)], auto: true, preferred: true };
    const all = once(doc, 'repairAll', () => repairAll(doc));
    return all ? [here, all] : [here];
  },
};

/** One fix for every occurrence, built once per document however many diagnostics ask. */
function repairAll(doc: AgentDocument): FixEdit | undefined {
  const all = findMojibake(doc.text, 0, doc.truncated?.limit ?? doc.text.length);
  if (all.length < 2) return undefined;
  return { title: `Repair all ${all.length} mojibake occurrences in the file`, edits: all.map((r) => replaceSpan(doc, r, r.repaired)), auto: false };
}
