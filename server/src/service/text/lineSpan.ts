// The span of one line of a document, without its line break (LF, CRLF or lone CR).
import type { Lines } from './lineTable';
import type { Span } from '../types';

export function lineSpanOf(doc: Pick<Lines, 'lineCount' | 'offsetAt'>, text: string, line: number): Span {
  const start = doc.offsetAt({ line, character: 0 });
  let end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end };
}
