// A parse's TextDocument (vscode-languageserver-textdocument's interface) on the line table
// (lineTable.ts): the library's own document builds its table a character at a time, a real
// part of a cold CLI run over many files (bench/README.md). Positions and text are the
// library's to the character; a test compares the two.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from './lineTable';

export class LineDocument implements TextDocument {
  private table: LineTable | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
  ) {}

  get lineCount(): number {
    return this.lines().lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    return this.lines().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines().offsetAt(position);
  }

  getLineRange(line: number): Range {
    const count = this.lineCount;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, count - 1);
    const start = this.offsetAt({ line: at, character: 0 });
    const end = line >= count ? this.text.length : this.offsetAt({ line: at, character: Number.MAX_SAFE_INTEGER });
    return { start: { line: at, character: 0 }, end: { line: at, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const count = this.lineCount;
    if (line < 0 || line >= count) return '';
    const next = line + 1 < count ? this.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    return this.text.substring(this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }), next);
  }

  /** Built on first use, as the library's is. */
  private lines(): LineTable {
    return (this.table ??= new LineTable(this.text));
  }
}
