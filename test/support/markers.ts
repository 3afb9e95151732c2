// In-memory documents with markers: `[[…]]` marks expected ranges and `¦` a
// cursor, so tests state positions in the text itself.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export interface Marked {
  text: string;
  ranges: Range[];
  cursor?: Position;
}

export function marked(source: string): Marked {
  let text = '';
  const open: number[] = [];
  const spans: [number, number][] = [];
  let cursor: number | undefined;
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('[[', i)) open.push(text.length), i++;
    else if (source.startsWith(']]', i)) spans.push([open.pop()!, text.length]), i++;
    else if (source[i] === '¦') cursor = text.length;
    else text += source[i];
  }
  const doc = TextDocument.create('file:///m.md', 'markdown', 0, text);
  return {
    text,
    ranges: spans.sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ start: doc.positionAt(s), end: doc.positionAt(e) })),
    cursor: cursor === undefined ? undefined : doc.positionAt(cursor),
  };
}
