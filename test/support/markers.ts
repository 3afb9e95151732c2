// The markers tests write positions with, in the text itself: `|` the cursor, `[[…]]` the
// expected ranges. A text that holds `|` itself (a seed, a YAML block scalar) gets its cursor
// through place(), which marks only the replacement.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export interface Marked {
  text: string;
  ranges: Range[];
}

export function marked(source: string): Marked {
  let text = '';
  const open: number[] = [];
  const spans: [number, number][] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('[[', i)) (open.push(text.length), i++);
    else if (source.startsWith(']]', i)) (spans.push([open.pop()!, text.length]), i++);
    else text += source[i];
  }
  const doc = TextDocument.create('file:///m.md', 'markdown', 0, text);
  return {
    text,
    ranges: spans.sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ start: doc.positionAt(s), end: doc.positionAt(e) })),
  };
}

/** Splits the single `|` cursor marker out of a text. */
export function withCursor(source: string): { text: string; position: Position; offset: number } {
  const offset = source.indexOf('|');
  if (offset < 0 || source.indexOf('|', offset + 1) >= 0) throw new Error('mark exactly one cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, offset, position: TextDocument.create('file:///c.md', 'markdown', 0, text).positionAt(offset) };
}

/** A text with a cursor offset (for texts that contain `|` themselves, such as the seeds). */
export interface Cursored {
  text: string;
  offset: number;
}

/**
 * Replaces the `nth` occurrence of `anchor` in `text` with `replacement`, whose
 * `|` marks the cursor.
 */
export function place(text: string, anchor: string, replacement: string, nth = 0): Cursored {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(anchor, at + 1);
    if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  }
  const marked = withCursor(replacement);
  return { text: text.slice(0, at) + marked.text + text.slice(at + anchor.length), offset: at + marked.offset };
}
