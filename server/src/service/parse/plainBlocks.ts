// The block structure of a body markdown-it cannot read otherwise than line by line:
// no code fence, no indented line, no block quote, no setext underline, no CR or NUL
// (and html is off: no HTML blocks). Then the only structure is ATX headings, which
// interrupt anything, and there is no code at all. Any other body gives undefined and
// goes to markdown-it, the reference: a differential test compares the two on every
// seed and corpus file and on the fuzz inputs.
import type { BlockHeading, BlockStructure } from './blockStructure';
import { atxHeading, isBlank } from './markdownLine';

/** What may make a fence, or needs markdown-it's normalize rule. */
const NOT_PLAIN_ANYWHERE = ['```', '~~~', '\r', '\0'];
/**
 * A line start markdown-it may read as code or a quote, or that this reader leaves to it: a
 * line indented four columns or by a tab; a quote; a list marker followed by five spaces
 * (its item starts with indented code), by a tab, by another marker (lists nested on one
 * line), a quote or a `#`. Tested only on lines that start with a blank, `>`, a marker or a digit.
 */
const NOT_PLAIN_LINE = /^(?: {4}| {0,3}\t| {0,3}>| {0,3}(?:[-*+]|\d{1,9}[.)])(?: {5}|\t| +(?:[>#]|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))))/;
const MAY_NOT_BE_PLAIN = /^[ \t>*+\-0-9]/;
/** A line that underlines the paragraph before it as a setext heading. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

export function readPlainBlocks(body: string, lineOffset: number): BlockStructure | undefined {
  if (NOT_PLAIN_ANYWHERE.some((piece) => body.includes(piece))) return undefined;
  const headings: BlockHeading[] = [];
  let previousBlank = true;
  let line = 0;
  for (let start = 0; start <= body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const text = body.slice(start, end);
    if (MAY_NOT_BE_PLAIN.test(text) && NOT_PLAIN_LINE.test(text)) return undefined;
    const blank = isBlank(text);
    if (!previousBlank && UNDERLINE.test(text)) return undefined;
    const heading = atxHeading(text);
    if (heading) headings.push({ level: heading.level, line: line + lineOffset, text: heading.text });
    // A heading ends its paragraph: what follows it cannot underline it.
    previousBlank = blank || heading !== undefined;
    start = end + 1;
  }
  return { headings, codeRegions: [] };
}
