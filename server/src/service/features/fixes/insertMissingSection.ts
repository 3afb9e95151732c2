// Appends a missing required section at the end of the file, closing first a
// code fence the file leaves open (the section would otherwise be code).
import { sectionTemplate } from '../../schema/sectionTemplates';
import type { AgentDocument } from '../../types';
import { lineSpan } from '../../text/spans';
import { dataOf, replaceSpan, type QuickFix } from './quickFix';

export const insertMissingSection: QuickFix = {
  codes: ['missing-section'],
  provide(doc, diagnostic) {
    const section = dataOf<string>(diagnostic, 'section');
    if (!section) return [];
    const eol = doc.lineEnding;
    const end = doc.text.length;
    const endsWithBreak = /[\r\n]$/.test(doc.text);
    const body = sectionTemplate(section).split('\n').join(eol);
    const fence = unclosedFence(doc);
    const text = `${endsWithBreak ? '' : eol}${fence ? `${fence}${eol}` : ''}${eol}${body}${eol}`;
    return [{ title: `Insert the "${section}" section`, edits: [replaceSpan(doc, { start: end, end }, text)], auto: false, preferred: true }];
  },
};

/** The fence that closes a fenced code block running to the end of the file, if one does. */
function unclosedFence(doc: AgentDocument): string | undefined {
  const last = doc.codeRegions.at(-1);
  const lineText = (line: number) => doc.text.slice(lineSpan(doc, line).start, lineSpan(doc, line).end);
  if (!last || last.endLine < doc.textDocument.positionAt(doc.text.trimEnd().length).line) return undefined;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lineText(last.startLine));
  if (!open) return undefined;
  const close = new RegExp(`^ {0,3}${open[1][0]}{${open[1].length},}[ \\t]*$`);
  return last.endLine > last.startLine && close.test(lineText(last.endLine)) ? undefined : open[1];
}
