// The block structure of a body markdown-it cannot read otherwise than line by line:
// code fences that open at the first column, and outside them no indented line, no block
// quote, no setext underline, no fence anywhere else, no CR or NUL (and html is off: no HTML
// blocks). Then the only structure is the fences, which end any paragraph or list, and ATX
// headings, which interrupt anything. Any other body gives undefined and goes to markdown-it,
// the reference: a differential test compares the two on every seed and corpus file, on the
// fuzz inputs and on generated bodies.
import type { LineRange } from '../types';
import type { BlockHeading, BlockStructure } from './blockStructure';

/** What needs markdown-it's normalize rule. */
const NOT_PLAIN_ANYWHERE = ['\r', '\0'];
/**
 * A line start markdown-it may read as code, a quote or a fence inside a container, or that
 * this reader leaves to it: a line indented four columns or by a tab; a quote; a fence
 * indented one to three spaces; a list marker followed by five spaces (its item starts with
 * indented code), by a tab, by another marker (lists nested on one line), a quote, a `#` or a
 * fence. Tested only on lines that start with a blank, `>`, a marker or a digit.
 */
const NOT_PLAIN_LINE = /^(?: {4}| {0,3}\t| {0,3}>| {1,3}(?:```|~~~)| {0,3}(?:[-*+]|\d{1,9}[.)])(?: {5}|\t| +(?:[>#]|```|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))))/;
const MAY_NOT_BE_PLAIN = /^[ \t>*+\-0-9]/;
/** A line that underlines the paragraph before it as a setext heading. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A fence that opens at the first column: three backticks or more and no backtick after them, or three tildes or more. */
const FENCE_OPENING = /^(?:`{3,}[^`]*$|~{3,})/;
/** The closing line of each fence: the next line of the same character, at least as many, indented at most three spaces. */
const fenceClosings = new Map<string, RegExp>();
const closingOf = (fence: string) => {
  let closing = fenceClosings.get(fence);
  if (!closing) fenceClosings.set(fence, (closing = new RegExp(`\n {0,3}\\${fence[0]}{${fence.length},}[ \t]*(?=\n|$)`, 'g')));
  return closing;
};

export function readPlainBlocks(body: string, lineOffset: number): BlockStructure | undefined {
  if (NOT_PLAIN_ANYWHERE.some((piece) => body.includes(piece))) return undefined;
  const headings: BlockHeading[] = [];
  const codeRegions: LineRange[] = [];
  let previousBlank = true;
  let line = 0;
  for (let start = 0; start <= body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const text = body.slice(start, end);
    const first = text.charCodeAt(0);
    // 0x60 `, 0x7e ~
    if ((first === 0x60 || first === 0x7e) && FENCE_OPENING.test(text)) {
      const closing = closingOf(/^(`+|~+)/.exec(text)![1]);
      closing.lastIndex = end;
      const close = closing.exec(body);
      const closeEnd = close ? close.index + close[0].length : body.length;
      const endLine = line + linesIn(body, end, close ? close.index + 1 : closeEnd) - (close ? 0 : lastLineIsEmpty(body) ? 1 : 0);
      codeRegions.push({ startLine: line + lineOffset, endLine: endLine + lineOffset });
      if (!close) break;
      line = endLine;
      previousBlank = true;
      start = closeEnd + 1;
      continue;
    }
    if (MAY_NOT_BE_PLAIN.test(text) && NOT_PLAIN_LINE.test(text)) return undefined;
    const blank = isBlank(text);
    if (!previousBlank && UNDERLINE.test(text)) return undefined;
    const heading = atxHeading(text);
    if (heading) headings.push({ level: heading.level, line: line + lineOffset, text: heading.text });
    // A heading ends its paragraph: what follows it cannot underline it.
    previousBlank = blank || heading !== undefined;
    start = end + 1;
  }
  return { headings, codeRegions };
}

/** How many line breaks `body` holds from `from` to before `to`. */
function linesIn(body: string, from: number, to: number): number {
  let count = 0;
  for (let at = body.indexOf('\n', from); at >= 0 && at < to; at = body.indexOf('\n', at + 1)) count++;
  return count;
}

/** markdown-it counts no line after a final line break. */
const lastLineIsEmpty = (body: string) => body.length === 0 || body.endsWith('\n');

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text[i])) return false;
  return true;
}

/** markdown-it's heading rule on one line (indented at most three spaces). */
function atxHeading(text: string): { level: number; text: string } | undefined {
  let pos = 0;
  while (text[pos] === ' ') pos++;
  if (text[pos] !== '#') return undefined;
  let level = 0;
  while (text[pos] === '#' && level <= 6) {
    level++;
    pos++;
  }
  if (level > 6 || (pos < text.length && !isSpace(text[pos]))) return undefined;
  // Cut a closing sequence: `## Title ##`.
  let max = text.length;
  while (max > pos && isSpace(text[max - 1])) max--;
  let hashes = max;
  while (hashes > pos && text[hashes - 1] === '#') hashes--;
  if (hashes > pos && isSpace(text[hashes - 1])) max = hashes;
  return { level, text: trimBlanks(text.slice(pos, max)) };
}

function trimBlanks(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s[start])) start++;
  while (end > start && isSpace(s[end - 1])) end--;
  return s.slice(start, end);
}
