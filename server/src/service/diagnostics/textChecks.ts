// Checks on the raw text: double-encoded UTF-8 (mojibake) and files larger than
// Claude Code reads.
import type { AgentDocument } from '../types';
import { CATALOG } from '../catalog/catalog';
import { utf8Length } from '../text/utf8Length';
import { isSkippedByExtension } from '../workspace/sameName';
import { findMojibake } from '../text/mojibake';
import type { Report } from './reporter';

export function checkText(doc: AgentDocument, report: Report): void {
  const end = doc.truncated ? doc.truncated.limit : doc.text.length;
  for (const run of findMojibake(doc.text, 0, end)) {
    report('mojibake', run, `Mojibake: \`${run.text}\` is \`${run.repaired}\` decoded with the wrong encoding (UTF-8 read as Windows-1252).`, { data: { repaired: run.repaired } });
  }
  if (isSkippedByExtension(doc.uri)) {
    report('md-extension-case', { start: 0, end: 0 }, `Claude Code loads only files whose name ends in lowercase \`.md\` from .claude/agents, and skips this one. Rename it to end in \`.md\`.`);
  }
  // Three bytes at most per UTF-16 unit: most files cannot be near the limit.
  const bytes = doc.text.length * 3 > CATALOG.limits.maxFileBytes ? utf8Length(doc.text) : 0;
  if (bytes > CATALOG.limits.maxFileBytes) {
    const analysed = doc.truncated ? ` Agentry analysed only its first ${doc.truncated.limit.toLocaleString('en-US')} characters.` : '';
    report('file-too-large', { start: 0, end: 0 }, `Claude Code silently skips agent files over 1 MiB (${CATALOG.limits.maxFileBytes.toLocaleString('en-US')} bytes); this one has ${bytes.toLocaleString('en-US')} bytes.${analysed}`);
  }
}
