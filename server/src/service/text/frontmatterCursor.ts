// Where the cursor stands in the frontmatter, read from the line text (the YAML
// may be half-typed): typing a key, or a value of a key, inline or as a `- ` item.
import type { AgentDocument, Span } from '../types';
import { lineAround, lineSpan } from './spans';

export type FrontmatterCursor =
  | {
      kind: 'key';
      span: Span;
      /** The line already has `: value` after the key being typed. */
      hasValue: boolean;
    }
  | {
      kind: 'value';
      key: string;
      /** Where the value (or the list item) starts. */
      valueStart: number;
      /** End of the line, trailing blanks trimmed. */
      lineEnd: number;
      listItem: boolean;
      /** The value starts right after the colon: a space must come first. */
      needsSpace: boolean;
    };

const KEY_TYPED = /^[A-Za-z_][\w-]*$/;
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*/;
const LIST_ITEM = /^[ \t]*-[ \t]*/;

/** True when the offset is on a content line of a readable frontmatter. */
export function inFrontmatter(doc: AgentDocument, offset: number): boolean {
  const fm = doc.frontmatter;
  if (!fm || fm.language !== '') return false;
  return offset > fm.contentSpan.start && offset <= fm.contentSpan.end;
}

export function frontmatterCursor(doc: AgentDocument, offset: number): FrontmatterCursor | undefined {
  if (!inFrontmatter(doc, offset)) return undefined;
  const line = lineAround(doc, offset);
  const before = doc.text.slice(line.start, offset);
  let lineEnd = line.end;
  while (lineEnd > offset && /\s/.test(doc.text[lineEnd - 1])) lineEnd--;
  if (before === '' || KEY_TYPED.test(before)) {
    let end = offset;
    while (end < line.end && /[\w-]/.test(doc.text[end])) end++;
    return { kind: 'key', span: { start: line.start, end }, hasValue: /^[ \t]*:/.test(doc.text.slice(end, line.end)) };
  }
  const keyLine = KEY_LINE.exec(before);
  if (keyLine) {
    const valueStart = line.start + keyLine[0].length;
    return { kind: 'value', key: keyLine[1], valueStart, lineEnd, listItem: false, needsSpace: doc.text[valueStart - 1] === ':' };
  }
  const item = LIST_ITEM.exec(before);
  const owner = item ? ownerKey(doc, doc.textDocument.positionAt(offset).line) : undefined;
  if (item && owner) return { kind: 'value', key: owner, valueStart: line.start + item[0].length, lineEnd, listItem: true, needsSpace: false };
  return undefined;
}

/** The top-level key a `- item` line belongs to. */
function ownerKey(doc: AgentDocument, line: number): string | undefined {
  const first = doc.textDocument.positionAt(doc.frontmatter!.contentSpan.start).line;
  for (let l = line - 1; l >= first; l--) {
    const span = lineSpan(doc, l);
    const text = doc.text.slice(span.start, span.end);
    const key = KEY_LINE.exec(text);
    if (key) return key[1];
    if (text.trim() !== '' && !/^[ \t]/.test(text) && !LIST_ITEM.test(text)) return undefined;
  }
  return undefined;
}
