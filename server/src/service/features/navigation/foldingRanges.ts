// Folding: the frontmatter block, each section, each rule block and code fences.
import type { FoldingRange } from 'vscode-languageserver-types';
import type { AgentDocument } from '../../types';
import type { Cancellation } from '../featureContext';
import { sectionsOf } from '../sections';
import { lineOf } from '../../text/spans';

export function foldingRanges(doc: AgentDocument, token: Cancellation): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const fm = doc.frontmatter;
  if (fm) add(lineOf(doc, fm.span.start), lineOf(doc, Math.max(fm.span.start, fm.span.end - 1)));
  for (const section of sectionsOf(doc)) {
    if (token.isCancellationRequested) return [];
    add(section.heading.line, section.endLine);
  }
  for (const rule of doc.rules) add(rule.line, lineOf(doc, rule.blockSpan.end));
  for (const region of doc.codeRegions) add(region.startLine, region.endLine);
  return ranges;
}
