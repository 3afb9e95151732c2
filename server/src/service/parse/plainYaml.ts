// A fast reader for the frontmatter most agent files have: top-level `key: value`
// lines whose values are one-line plain, single- or double-quoted strings, or block
// lists of such strings. It returns exactly what reading with the yaml package gives
// (values, spans, entry ends; a test compares the two over the corpus and variants),
// and undefined for anything else, which the yaml package then reads: comments,
// tabs, CRs, multi-line or flow values, anchors, tags, numbers, booleans, nulls
// spelled out, keys that are not plain words, unusual characters. The yaml package
// builds a CST and an AST for every document; this was two thirds of its time.
import type { FrontmatterField, ValueItem } from '../types';

export interface PlainReading {
  fields: FrontmatterField[];
  errors: [];
}

/** Characters left to the yaml package: controls, tab, CR, NEL and C1, non-ASCII spaces and line separators, surrogates, BOM, non-characters. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ud800-\udfff\ufeff\ufffe\uffff]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
/** Plain scalars that could resolve to something else than a string, or start with an indicator. */
const NOT_PLAIN_STRING = /^(?:[-?:,[\]{}#&*!|>'"%@`0-9+.~]|(?:true|false|null)$)/i;
const ITEM_LINE = /^( *)- /;
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

interface Scalar {
  value: string;
  /** Offsets in the line: value start, value end. */
  start: number;
  end: number;
}

/**
 * Reads `source` (the frontmatter, at offset `base` of the file) when it is
 * plain enough; `commaItems` gives the items of a string value (comma lists).
 */
export function readPlainYaml(source: string, base: number, commaItems: (key: string, span: { start: number; end: number }) => ValueItem[]): PlainReading | undefined {
  if (UNUSUAL.test(source)) return undefined;
  const lines = splitLines(source);
  const fields: FrontmatterField[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { start, text: line, next } = lines[i];
    if (isBlank(line)) continue;
    const key = KEY_LINE.exec(line)?.[1];
    if (key === undefined || /^(?:true|false|null)$/i.test(key)) return undefined;
    const keySpan = { start: base + start, end: base + start + key.length };
    const rest = key.length + 1;
    if (isBlank(line.slice(rest))) {
      const list = readList(lines, i + 1, base);
      if (list === null) return undefined;
      if (!list) {
        const at = base + start + line.length;
        fields.push(field(key, keySpan, { start: at, end: at }, null, [], at));
        continue;
      }
      fields.push(field(key, keySpan, list.span, list.items.map((item) => item.text), list.items, list.span.end));
      i = list.last;
      continue;
    }
    const scalar = readScalar(line, rest + countSpaces(line, rest));
    if (!scalar) return undefined;
    const span = { start: base + start + scalar.start, end: base + start + scalar.end };
    fields.push(field(key, keySpan, span, scalar.value, commaItems(key, span), base + next));
  }
  return { fields, errors: [] };
}

function field(key: string, keySpan: FrontmatterField['keySpan'], valueSpan: FrontmatterField['valueSpan'], value: unknown, items: ValueItem[], endOfEntry: number): FrontmatterField {
  return { key, keySpan, valueSpan, value, items, entrySpan: { start: keySpan.start, end: Math.max(endOfEntry, valueSpan.end) }, unreadable: undefined };
}

/**
 * A block list under a key: `- item` lines, all at one indent. undefined when the
 * next line is no list item; null when the list is more than this reader reads.
 */
function readList(lines: Line[], from: number, base: number): { span: { start: number; end: number }; items: ValueItem[]; last: number } | null | undefined {
  const first = lines[from] && ITEM_LINE.exec(lines[from].text);
  if (!first) return undefined;
  const indent = first[1].length;
  const items: ValueItem[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const { start, text: line } = lines[i];
    const item = ITEM_LINE.exec(line);
    if (!item) {
      if (isBlank(line) || line.startsWith(' ') || line.startsWith('-')) return null;
      break;
    }
    if (item[1].length !== indent) return null;
    const scalar = readScalar(line, item[0].length + countSpaces(line, item[0].length));
    if (!scalar) return null;
    items.push({ text: scalar.value, span: { start: base + start + scalar.start, end: base + start + scalar.end } });
  }
  const last = i - 1;
  return { span: { start: base + lines[from].start + indent, end: base + lines[last].next }, items, last };
}

/** The one-line scalar at `at` that takes the rest of the line (trailing spaces aside). */
function readScalar(line: string, at: number): Scalar | undefined {
  const quote = line[at];
  let end: number;
  let value: string | undefined;
  if (quote === '"') ({ end, value } = doubleQuoted(line, at));
  else if (quote === "'") ({ end, value } = singleQuoted(line, at));
  else {
    end = line.length;
    while (end > at && line[end - 1] === ' ') end--;
    value = line.slice(at, end);
    if (!value || NOT_PLAIN_STRING.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return undefined;
  }
  if (value === undefined || !isBlank(line.slice(end))) return undefined;
  return { value, start: at, end };
}

function doubleQuoted(line: string, at: number): { end: number; value?: string } {
  let value = '';
  for (let i = at + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return { end: i + 1, value };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = line[++i];
    if (e in ESCAPES) value += ESCAPES[e];
    else if (e in HEX_LENGTH) {
      const hex = line.slice(i + 1, i + 1 + HEX_LENGTH[e]);
      if (hex.length !== HEX_LENGTH[e] || !/^[0-9a-fA-F]+$/.test(hex)) return { end: i };
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return { end: i };
      value += String.fromCodePoint(code);
      i += hex.length;
    } else return { end: i };
  }
  return { end: line.length };
}

function singleQuoted(line: string, at: number): { end: number; value?: string } {
  let value = '';
  for (let i = at + 1; i < line.length; i++) {
    if (line[i] !== "'") value += line[i];
    else if (line[i + 1] === "'") value += line[++i];
    else return { end: i + 1, value };
  }
  return { end: line.length };
}

interface Line {
  start: number;
  text: string;
  /** Offset after the line's "\n" (or the end). */
  next: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < source.length; ) {
    const lf = source.indexOf('\n', start);
    const end = lf < 0 ? source.length : lf;
    const next = lf < 0 ? end : lf + 1;
    lines.push({ start, text: source.slice(start, end), next });
    start = next;
  }
  return lines;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s[i] !== ' ') return false;
  return true;
}

function countSpaces(line: string, at: number): number {
  let n = 0;
  while (line[at + n] === ' ') n++;
  return n;
}
