// The line starts of a text, for the positions the workspace index keeps (a rule's line, the
// line of a name) and a parse's document (lineDocument.ts) without
// vscode-languageserver-textdocument's TextDocument, whose table is
// built a character at a time: a text without CR is cut at each LF by indexOf. Lines break at
// LF, CRLF and a lone CR, as TextDocument's do; a test compares the two.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';

/** What the body scan and a summary read of a document's lines. */
export type Lines = Pick<TextDocument, 'lineCount' | 'offsetAt' | 'positionAt'>;

export class LineTable implements Lines {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = text.includes('\r') ? startsOfAnyBreak(text) : startsOfLineFeeds(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offsetAt(position: Position): number {
    const { starts, text } = this;
    if (position.line >= starts.length) return text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  positionAt(offset: number): Position {
    const { starts, text } = this;
    offset = Math.max(Math.min(offset, text.length), 0);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, starts[line]) - starts[line] };
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

const LF = 10;
const CR = 13;
const isLineBreak = (c: number) => c === LF || c === CR;

function startsOfLineFeeds(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function startsOfAnyBreak(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isLineBreak(c)) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    starts.push(i + 1);
  }
  return starts;
}
