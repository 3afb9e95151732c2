// The extent of each heading's section: from the heading line to the last
// non-blank line before the next heading of the same or a higher level.
import type { AgentDocument, Heading } from '../types';
import { lineSpan } from '../text/spans';

export interface Section {
  heading: Heading;
  /** Last non-blank line of the section (0-based). */
  endLine: number;
}

export function sectionsOf(doc: AgentDocument): Section[] {
  const lastLine = lastContentLine(doc, doc.textDocument.lineCount - 1, 0);
  return doc.headings.map((heading, i) => {
    let next = i + 1;
    while (next < doc.headings.length && doc.headings[next].level > heading.level) next++;
    const limit = next < doc.headings.length ? doc.headings[next].line - 1 : lastLine;
    return { heading, endLine: Math.max(heading.line, lastContentLine(doc, limit, heading.line)) };
  });
}

/** The last line at or before `line` (not before `floor`) that is not blank. */
export function lastContentLine(doc: AgentDocument, line: number, floor: number): number {
  let l = line;
  while (l > floor && lineIsBlank(doc, l)) l--;
  return l;
}

function lineIsBlank(doc: AgentDocument, line: number): boolean {
  const { start, end } = lineSpan(doc, line);
  return doc.text.slice(start, end).trim() === '';
}
