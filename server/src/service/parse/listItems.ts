// Splits a comma-separated value such as `Read, Agent(a, b), mcp__x__y` into items
// with their spans, ignoring commas inside parentheses.
import type { Span, ValueItem } from '../types';

export function splitCommaList(raw: string, offset: number): ValueItem[] {
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
    else if (c === ',' && depth === 0) {
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
