// Splits a list value such as `Read, Agent(a, b), mcp__x__y` into items with their
// spans, ignoring separators inside parentheses. Claude Code splits `tools` and
// `disallowedTools` on blanks as well as commas (`Read Grep` is two tools).
import type { Span, ValueItem } from '../types';

export function splitCommaList(raw: string, offset: number): ValueItem[] {
  return splitList(raw, offset, (c) => c === ',');
}

/** Tool entries as Claude Code splits them: on commas and blanks outside parentheses. */
export function splitToolList(raw: string, offset: number): ValueItem[] {
  return splitList(raw, offset, (c) => c === ',' || /\s/.test(c));
}

function splitList(raw: string, offset: number, isSeparator: (c: string) => boolean): ValueItem[] {
  const items: ValueItem[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(raw[s])) s++;
    while (e > s && /\s/.test(raw[e - 1])) e--;
    if (e > s) items.push({ text: raw.slice(s, e), span: { start: offset + s, end: offset + e } });
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(c)) {
      push(i);
      start = i + 1;
    }
  }
  push(raw.length);
  return items;
}

/** The inside of a quoted scalar as written, so item spans point into the quotes. */
export function unquotedSpan(text: string, span: Span): Span {
  const first = text[span.start];
  if ((first === '"' || first === "'") && span.end - span.start >= 2 && text[span.end - 1] === first) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return span;
}
