// Checks on the raw text: double-encoded UTF-8 (mojibake) and files too large
// to analyse fully.
import type { AgentDocument } from '../types';
import { findMojibake } from '../text/mojibake';
import type { Report } from './reporter';

export function checkText(doc: AgentDocument, report: Report): void {
  const end = doc.truncated ? doc.truncated.limit : doc.text.length;
  for (const run of findMojibake(doc.text, 0, end)) {
    report('mojibake', run, `Mojibake: \`${run.text}\` is \`${run.repaired}\` decoded with the wrong encoding (UTF-8 read as Windows-1252).`, { data: { repaired: run.repaired } });
  }
  if (doc.truncated) {
    const at = doc.truncated.limit;
    report('file-too-large', { start: 0, end: 0 }, `The file has ${doc.text.length} characters; only the first ${at} were analysed.`);
  }
}
