// The block structure of a body read line by line as markdown-it reads it: paragraphs
// (with their lazy and indented continuation lines), setext headings of top-level
// paragraphs, nested lists, ATX headings, thematic breaks and fenced code, at the top level
// or in list items. Indented code, block quotes, setext underlines in list items, tabs in a
// line's indentation, empty list items, list items that start with a block, CR and NUL give
// undefined (html is off: no HTML blocks; tables and link reference definitions are off
// too). A full parse, and the workspace index's reading of the bodies that hold rules or
// agent references (summaryOfText.ts), read with it the bodies the plain reader leaves
// (markdownBlocks.ts): after that reader it has few bodies left to warm up on
// (bench/README.md). markdown-it stays the reference: a differential test compares the two
// on every seed and corpus file, on generated bodies and on the fuzz inputs.
import type { LineRange } from '../types';
import type { BlockHeading, BlockStructure } from './blockStructure';
import { atxHeading, isBlank, isSpace, trimBlanks } from './markdownLine';

/** What needs markdown-it's normalize rule. */
const NOT_PLAIN_ANYWHERE = ['\r', '\0'];
/** A line that underlines the paragraph before it as a setext heading (after its indentation). */
const UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** markdown-it's thematic break (`---`, `***`, `_ _ _`), after its indentation: it interrupts a paragraph and is never one. */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A fence's opening line, after its indentation: its marker run and the info string after it. */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** A list item's marker (bullet, or up to nine digits and `.` or `)`) and the spaces after it, after its indentation. */
const LIST_MARKER = /^(?:[-*+]|(\d{1,9})[.)])(?= |\t|$)( *)/;
/** What the first line of a list item may not start with here: a tab, a heading, a quote, a fence, another marker (markdown-it reads them as blocks inside the item). */
const ITEM_START_LEFT_OUT = /^(?:\t|#|>|```|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
/** Lists nested deeper than this are left to markdown-it (its nesting limit). */
const MAX_DEPTH = 20;

/** An open list item: the column its content starts at, and the indentation of the container its list is in. */
interface Item {
  content: number;
  listIndent: number;
}

/** The open paragraph: its container's indentation and list indentation (markdown-it's blkIndent and listIndent); at the top level, its first line and where it starts. */
interface Paragraph {
  indent: number;
  listIndent: number;
  top?: { line: number; start: number };
}

export function readLineBlocks(body: string, lineOffset: number): BlockStructure | undefined {
  if (NOT_PLAIN_ANYWHERE.some((piece) => body.includes(piece))) return undefined;
  const headings: BlockHeading[] = [];
  const codeRegions: LineRange[] = [];
  const items: Item[] = [];
  let paragraph: Paragraph | undefined;
  let line = 0;
  for (let start = 0; start <= body.length; line++) {
    const lineStart = start;
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    let indent = 0;
    while (body.charCodeAt(start + indent) === SPACE) indent++;
    const first = body.charCodeAt(start + indent);
    if (start + indent === end) {
      paragraph = undefined;
      start = end + 1;
      continue;
    }
    if (first === TAB) return undefined;
    // A line that starts with no marker is text: it continues the open paragraph, or starts one.
    let kind = first < 128 && MAY_MATTER[first] === 1 ? kindOf(body.slice(start + indent, end)) : TEXT;
    if (paragraph) {
      // markdown-it's paragraph rule: a line indented four more than the paragraph continues it, as does any line but those that start a block.
      if (indent - paragraph.indent > 3) {
        start = end + 1;
        continue;
      }
      if (kind.type === 'quote') return undefined;
      if (kind.type === 'underline') {
        // A top-level paragraph underlined is a heading from its first line; in a list item, left to markdown-it.
        if (!paragraph.top) return undefined;
        const text = trimBlanks(body.slice(paragraph.top.start, start - 1));
        headings.push({ level: body[start + indent] === '=' ? 1 : 2, line: paragraph.top.line + lineOffset, text });
        paragraph = undefined;
        start = end + 1;
        continue;
      }
      if (!interruptsParagraph(kind, indent, paragraph)) {
        start = end + 1;
        continue;
      }
      paragraph = undefined;
    }
    // With no paragraph to underline, `---` is a thematic break, `-` an empty item, `===` text.
    if (kind.type === 'underline') kind = kindOf(body.slice(start + indent, end), false);
    // A block starts here, in the innermost item this line is indented into.
    while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
    const container = items.length > 0 ? items[items.length - 1].content : 0;
    // Indented code and quotes are left to markdown-it.
    if (indent - container >= 4 || kind.type === 'quote') return undefined;
    if (kind.type === 'fence') {
      // A backtick in a backtick fence's info string makes the line text (inline code), not a fence.
      if (kind.marker === '`' && kind.info.includes('`')) return undefined;
      const close = closingLine(body, end + 1, kind.marker, kind.length, container);
      codeRegions.push({ startLine: line + lineOffset, endLine: line + close.lines + lineOffset });
      line += close.lines;
      start = close.next;
      continue;
    }
    start = end + 1;
    if (kind.type === 'break') continue;
    if (kind.type === 'heading') {
      headings.push({ level: kind.level, line: line + lineOffset, text: kind.text });
      continue;
    }
    if (kind.type === 'item') {
      // An empty item, one whose text is indented code, or starts with a block: left to markdown-it.
      if (kind.empty || kind.spaces > 4 || ITEM_START_LEFT_OUT.test(kind.content) || THEMATIC_BREAK.test(kind.content)) return undefined;
      if (items.length >= MAX_DEPTH) return undefined;
      const content = indent + kind.width;
      items.push({ content, listIndent: container });
      paragraph = { indent: content, listIndent: container };
      continue;
    }
    paragraph = items.length > 0 ? { indent: container, listIndent: items[items.length - 1].listIndent } : { indent: 0, listIndent: -1, top: { line, start: lineStart } };
  }
  return { headings, codeRegions };
}

/** What a line is, after its indentation, to markdown-it's block rules. */
type LineKind =
  | { type: 'text' | 'quote' | 'underline' | 'break' }
  | { type: 'fence'; marker: string; length: number; info: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'item'; ordered: number | undefined; width: number; spaces: number; content: string; empty: boolean };

const TEXT: LineKind = { type: 'text' };
const QUOTE: LineKind = { type: 'quote' };
const UNDERLINED: LineKind = { type: 'underline' };
const BREAK: LineKind = { type: 'break' };

/** Reads a line (after its indentation) that starts with a character that may make a block; `underline` when it may underline a paragraph. */
function kindOf(rest: string, underline = true): LineKind {
  const c = rest[0];
  if (c === '#') {
    const heading = atxHeading(rest);
    return heading ? { type: 'heading', ...heading } : TEXT;
  }
  if (c === '`' || c === '~') {
    const fence = FENCE_OPEN.exec(rest);
    return fence ? { type: 'fence', marker: c, length: fence[1].length, info: fence[2] } : TEXT;
  }
  if (c === '>') return QUOTE;
  // A setext underline (also a thematic break when it is `---`): what it means depends on the line before.
  if (underline && (c === '=' || c === '-') && UNDERLINE.test(rest)) return UNDERLINED;
  if ((c === '-' || c === '*' || c === '_') && THEMATIC_BREAK.test(rest)) return BREAK;
  const marker = LIST_MARKER.exec(rest);
  if (!marker) return TEXT;
  const content = rest.slice(marker[0].length);
  return { type: 'item', ordered: marker[1] === undefined ? undefined : Number(marker[1]), width: marker[0].length, spaces: marker[2].length, content, empty: isBlank(content) };
}

/** markdown-it's paragraph terminators (but the quote, left out before): a fence, a thematic break, a list item, an ATX heading. */
function interruptsParagraph(kind: LineKind, indent: number, paragraph: Paragraph): boolean {
  if (kind.type === 'fence' || kind.type === 'break' || kind.type === 'heading') return true;
  if (kind.type !== 'item') return false;
  // A line that far past its list's indentation, but short of the item's content, is no item.
  if (paragraph.listIndent >= 0 && indent - paragraph.listIndent >= 4 && indent < paragraph.indent) return false;
  // An item inside the paragraph's own container interrupts it only when not empty, and an ordered one only from 1.
  if (indent >= paragraph.indent && (kind.empty || (kind.ordered !== undefined && kind.ordered !== 1))) return false;
  return true;
}

const SPACE = 0x20;
const TAB = 0x09;
/** The first characters of the lines that may be more than paragraph text: a blank, a heading, an underline, a marker, a quote, a fence. */
const MAY_MATTER = new Uint8Array(128);
for (const c of ' \t#=-*_+>`~0123456789') MAY_MATTER[c.charCodeAt(0)] = 1;

/**
 * markdown-it's search for a fence's end from `start`, the line after its opening, in an item
 * whose content starts at column `container`: a line of at least `length` markers indented less
 * than four columns past the container, with nothing but blanks after them; a line with text
 * indented less than the container ends the fence before it. An unclosed fence runs to the last
 * line: markdown-it counts no line after a final line break, nor a final line of blanks without
 * one. Gives how many lines after the opening the fence covers (with its closing line), and
 * where the next line to read starts.
 */
function closingLine(body: string, start: number, marker: string, length: number, container: number): { lines: number; next: number } {
  let lines = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) {
      end = body.length;
      if (isBlank(body.slice(start))) break;
    }
    let pos = start;
    let column = 0;
    for (; pos < end && isSpace(body[pos]); pos++) column = body[pos] === '\t' ? column + 4 - (column % 4) : column + 1;
    if (pos < end && column < container) return { lines, next: start };
    lines++;
    if (column - container < 4 && isClosingRun(body, pos, end, marker, length)) return { lines, next: end + 1 };
    start = end + 1;
  }
  return { lines, next: body.length + 1 };
}

/** At `pos`, at least `length` markers and nothing but blanks after them. */
function isClosingRun(body: string, pos: number, end: number, marker: string, length: number): boolean {
  const runStart = pos;
  while (pos < end && body[pos] === marker) pos++;
  if (pos - runStart < length) return false;
  while (pos < end && isSpace(body[pos])) pos++;
  return pos === end;
}
