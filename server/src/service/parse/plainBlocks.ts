// The block structure of a body markdown-it cannot read otherwise than line by line:
// code fences that open at the first column, and outside them no indented line, no block
// quote, no setext underline, no fence anywhere else, no CR or NUL (and html is off: no HTML
// blocks). Then the only structure is the fences, which end any paragraph or list, and ATX
// headings, which interrupt anything. Any other body gives undefined and goes to markdown-it,
// the reference: a differential test compares the two on every seed and corpus file, on the
// fuzz inputs and on generated bodies.
import type { LineRange } from '../types';
import type { BlockHeading, BlockStructure } from './blockStructure';
import { atxHeading, isBlank } from './markdownLine';

/**
 * A line start markdown-it may read as code, a quote or a fence inside a container, or that
 * this reader leaves to it: a line indented four columns or by a tab; a quote; a fence
 * indented one to three spaces; a list marker followed by five spaces (its item starts with
 * indented code), by a tab, by another marker (lists nested on one line), a quote, a `#` or a
 * fence. Tested only on lines that start with a blank, `>`, a marker or a digit; some of these
 * lines are then taken as text (INDENTED_TEXT, QUOTED_TEXT).
 */
const NOT_PLAIN_LINE = /^(?: {4}| {0,3}\t| {0,3}>| {1,3}(?:```|~~~)| {0,3}(?:[-*+]|\d{1,9}[.)])(?: {5}|\t| +(?:[>#]|```|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))))/;
const MAY_NOT_BE_PLAIN = /^[ \t>*+\-0-9]/;
/** A line indented four spaces or more. */
const INDENTED = /^ {4}/;
/** Text that opens nothing where a block could start: no heading, quote, fence, underline, thematic break, blank, tab or list marker. */
const OPENS_NOTHING = '(?![-+=#>`~\\s]|\\*(?:[ \\t]|$)|\\d{1,9}[.)](?:[ \\t]|$)|\\*(?:[ \\t]*\\*){2,}[ \\t]*$|_(?:[ \\t]*_){2,}[ \\t]*$).';
/**
 * An indented line that continues the paragraph before it as text, wherever that paragraph is
 * (an indented line cannot start code inside a paragraph): at most one list marker, then text
 * that opens nothing.
 */
const INDENTED_TEXT = new RegExp(String.raw`^ {4,}(?:(?:[-*+]|\d{1,9}[.)]) {1,4})?${OPENS_NOTHING}`);
/** A block quote line, perhaps starting a list item, whose text opens nothing: a paragraph in the quote. */
const QUOTED_TEXT = new RegExp(String.raw`^ {0,3}(?:(?:[-*+]|\d{1,9}[.)]) {1,4})?> ?${OPENS_NOTHING}`);
/** A list item's start: its indentation, its marker and the spaces after it. */
const ITEM_START = /^( *)(?:[-*+]|\d{1,9}[.)])( {1,4})(?! )/;
/** A block quote line with nothing in it. */
const QUOTED_BLANK = /^ {0,3}>[ \t]*$/;
/** A line after which an indented line may start code: an empty list item or a thematic break, in any container. */
const ENDS_PARAGRAPH = /^ *(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:(?:[-*+]|\d{1,9}[.)])?[ \t]*$|([-*_])[ \t]*(?:\1[ \t]*){2,}$)/;
/** A line that underlines the paragraph before it as a setext heading. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A thematic break (`---` after a paragraph is an underline instead). */
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
/** A code fence's opening line, indented at most three spaces: three backticks or more and no backtick after them, or three tildes or more. */
const FENCE_OPENING = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
/** The closing line of a fence: the next line of the same character, at least as many, indented at most three spaces. */
const closingOf = memo((fence: string) => new RegExp(String.raw`\n( {0,3})${fence[0]}{${fence.length},}[ \t]*(?=\n|$)`, 'g'));
/**
 * Inside a fence indented `n` spaces (1-3), what leaves it to markdown-it: the fence may be in a
 * list item, whose end (a line indented less than its text) ends the fence, and whose fence
 * closes at an indentation of up to three columns past the item's: a line indented less than
 * the fence, a tab at a line start, or fence characters alone on a line indented four or more.
 */
const notInsideFence = memo((key: string) => new RegExp(String.raw`\n(?: {0,${Number(key[0]) - 1}}[^ \n]| *\t| {4,}${key[1]}{3,}[ \t]*(?=\n|$))`, 'g'));

function memo<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

export function readPlainBlocks(body: string, lineOffset: number): BlockStructure | undefined {
  // markdown-it's normalize rule, which keeps every line where it is.
  const source = body.includes('\r') || body.includes('\0') ? body.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd') : body;
  const headings: BlockHeading[] = [];
  const codeRegions: LineRange[] = [];
  let previousBlank = true;
  /** The line before, when it is paragraph text (not blank, a heading, a break or a fence's end). */
  let previousText: string | undefined;
  /**
   * The last list item that started in the paragraph text before: an indented item after it is
   * taken only beside it or inside it (elsewhere markdown-it may end the lists, and read the line as code).
   */
  let lastItem: { indent: number; content: number } | undefined;
  let line = 0;
  for (let start = 0; start <= source.length; line++) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end);
    const first = text.charCodeAt(0);
    // 0x60 `, 0x7e ~, 0x20 space
    const fence = (first === 0x60 || first === 0x7e || first === 0x20) && FENCE_OPENING.exec(text);
    if (fence) {
      const closing = closingOf(fence[2]);
      closing.lastIndex = end;
      const close = closing.exec(source);
      const indent = fence[1].length;
      if (indent > 0) {
        if (close && close[1].length < indent) return undefined;
        const inside = notInsideFence(`${indent}${fence[2][0]}`);
        inside.lastIndex = end;
        const odd = inside.exec(source);
        if (odd && (!close || odd.index < close.index)) return undefined;
      }
      const closeEnd = close ? close.index + close[0].length : source.length;
      const endLine = line + linesIn(source, end, close ? close.index + 1 : closeEnd) - (close || !lastLineIsEmpty(source) ? 0 : 1);
      codeRegions.push({ startLine: line + lineOffset, endLine: endLine + lineOffset });
      if (!close) break;
      line = endLine;
      previousBlank = true;
      previousText = lastItem = undefined;
      start = closeEnd + 1;
      continue;
    }
    if (!previousBlank && UNDERLINE.test(text)) return undefined;
    start = end + 1;
    if (THEMATIC_BREAK.test(text)) {
      previousBlank = true;
      previousText = lastItem = undefined;
      continue;
    }
    if (MAY_NOT_BE_PLAIN.test(text) && NOT_PLAIN_LINE.test(text)) {
      if (QUOTED_BLANK.test(text)) {
        previousBlank = true;
        previousText = lastItem = undefined;
        continue;
      }
      const item = ITEM_START.exec(text);
      const indented = INDENTED.test(text);
      if (indented && item && lastItem && item[1].length !== lastItem.indent && item[1].length < lastItem.content) return undefined;
      const indentedText = indented && previousText !== undefined && INDENTED_TEXT.test(text) && !ENDS_PARAGRAPH.test(previousText);
      if (!indentedText && !QUOTED_TEXT.test(text)) return undefined;
      if (item) lastItem = { indent: item[1].length, content: item[0].length };
      previousBlank = false;
      previousText = text;
      continue;
    }
    const heading = atxHeading(text);
    if (heading) headings.push({ level: heading.level, line: line + lineOffset, text: heading.text });
    // A heading ends its paragraph: what follows it cannot underline it.
    previousBlank = heading !== undefined || isBlank(text);
    previousText = previousBlank ? undefined : text;
    if (previousBlank) lastItem = undefined;
    else if (MAY_NOT_BE_PLAIN.test(text)) {
      const item = ITEM_START.exec(text);
      if (item) lastItem = { indent: item[1].length, content: item[0].length };
    }
  }
  return { headings, codeRegions };
}

/** How many line breaks `body` holds from `from` to before `to`. */
function linesIn(body: string, from: number, to: number): number {
  let count = 0;
  for (let at = body.indexOf('\n', from); at >= 0 && at < to; at = body.indexOf('\n', at + 1)) count++;
  return count;
}

/** markdown-it counts no line after the last line break unless it holds more than blanks. */
const lastLineIsEmpty = (body: string) => isBlank(body.slice(body.lastIndexOf('\n') + 1));
