// A fast reader for the frontmatter most agent files have: one `key: value` line per
// key, each value a plain word-like scalar, a quoted string (few escapes) or a flow list
// of words (`tags: [a, b]`), a list of scalars one `- item` a line under its `key:`, a
// block scalar (`|`, `|-`, `>`, `>-`) or a plain value that runs on over indented lines,
// or nothing; comment lines at the first column. It gives the entries the yaml package
// would give, or undefined for anything else (other flow lists, nested values, multi-line
// quoted values, rare escapes, values YAML reads as a number or a boolean, CR line ends…),
// which then goes to the yaml package.
// The yaml package stays the reference: a differential test compares the two on
// every seed and corpus file and on the fuzz inputs.

/** One top-level entry; offsets into the source, as the yaml package's node ranges. */
export interface SimpleEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** After the line break that ends the entry (its node's range[2]). */
  entryEnd: number;
  /** A string, the items of a block list, or null for a key with no value. */
  value: string | string[] | null;
  /** A list's items (`valueStart` is a block list's first `-`, or a flow list's `[`). */
  items?: SimpleItem[];
}

/** One item of a block list: the span of its scalar, as its node's range. */
export interface SimpleItem {
  start: number;
  end: number;
  value: string;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,200}): +(?=\S)/;
/** A key with nothing after its colon: a block list follows, or its value is null. */
const KEY_ONLY = /^([A-Za-z_][A-Za-z0-9_-]{0,200}):$/;
/** A block list item: its indentation and, after `- ` and any spaces, its scalar. */
const ITEM_LINE = /^( *)- +(?=\S)/;
/** Characters outside printable text (C0 and C1 controls but the line feed, DEL, BOM, line and paragraph separators, lone surrogates): left to the yaml package. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain scalar may not start with an indicator; YAML reads one starting with these (or an exact null/true/false) as something else than a string. */
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`+.~]/;
/** What the core schema reads as a number (a plain scalar starting with a digit may be one). */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const NOT_A_STRING = /^(?:null|true|false)$/i;

export function readSimpleYaml(source: string): SimpleEntry[] | undefined {
  const scan = scanSimpleYaml(source);
  return scan && scan.colonValues === 0 ? scan.entries : undefined;
}

/**
 * Whether strict YAML rejects `source` only because some plain values hold `: ` (each such
 * line would otherwise be simple), as Claude Code's lenient retry then quotes them.
 */
export function onlyColonValues(source: string): boolean {
  const scan = scanSimpleYaml(source);
  return scan !== undefined && scan.colonValues > 0;
}

/**
 * The yaml package's first error for a line `key: value` whose plain value holds `: `
 * (COLON_VALUE below); the differential tests check it against the package.
 */
export const COLON_VALUE_ERROR = 'Nested mappings are not allowed in compact mappings';

/**
 * How strict YAML reads `written`, a value alone on its line after `key: ` (trimmed): a
 * string, the error of a plain value with `: `, or undefined when this reader cannot tell.
 */
export function strictLineValue(written: string): { value: string } | { error: string } | undefined {
  if (written === '' || hasUnusualText(written) || written.includes('\n')) return undefined;
  const value = scalarValue(written);
  if (value === COLON_VALUE) return { error: COLON_VALUE_ERROR };
  return value === undefined ? undefined : { value };
}

/** Anything but printable ASCII and line feeds: most frontmatter has nothing else, and this test is cheaper than UNUSUAL's. */
const NOT_PRINTABLE_ASCII = /[^\n\x20-\x7e]/;

const hasUnusualText = (source: string) => NOT_PRINTABLE_ASCII.test(source) && (source.includes('\r') || source.includes('\t') || UNUSUAL.test(source));

function scanSimpleYaml(source: string): { entries: SimpleEntry[]; colonValues: number } | undefined {
  if (hasUnusualText(source)) return undefined;
  const entries: SimpleEntry[] = [];
  let colonValues = 0;
  const lines = new Lines(source);
  while (lines.next()) {
    const line = lines.text;
    if (line === '' || line[0] === '#') continue;
    const bare = KEY_ONLY.exec(line);
    const entry = bare ? readBareKey(bare[1], lines) : readLine(line, lines);
    if (entry === COLON_VALUE) colonValues++;
    else if (entry) entries.push(entry);
    else return undefined;
  }
  return entries.length || colonValues ? { entries, colonValues } : undefined;
}

/** The source's lines, one at a time, with where each starts and where the next one does. */
class Lines {
  text = '';
  start = 0;
  end = 0;
  constructor(private readonly source: string) {}

  /** Moves to the next line; false at the end of the source. */
  next(): boolean {
    if (this.end >= this.source.length) return false;
    this.start = this.end;
    const lineEnd = this.source.indexOf('\n', this.start);
    this.end = lineEnd < 0 ? this.source.length : lineEnd + 1;
    this.text = this.source.slice(this.start, lineEnd < 0 ? this.source.length : lineEnd);
    return true;
  }

  /** The line after this one (without moving), or undefined at the end; with `skipEmpty`, the first after it that is not empty. */
  peek(skipEmpty = false): string | undefined {
    let start = this.end;
    while (skipEmpty && this.source[start] === '\n') start++;
    if (start >= this.source.length) return undefined;
    const lineEnd = this.source.indexOf('\n', start);
    return this.source.slice(start, lineEnd < 0 ? this.source.length : lineEnd);
  }
}

/** `key:` alone on its line: the block list of the lines under it, or null when a key or the end follows, after any empty lines (a comment would be part of its node). */
function readBareKey(key: string, lines: Lines): SimpleEntry | undefined {
  if (NOT_A_STRING.test(key)) return undefined;
  const keyStart = lines.start;
  const colonEnd = keyStart + key.length + 1;
  const first = lines.peek();
  const indent = first === undefined ? undefined : ITEM_LINE.exec(first)?.[1];
  if (indent === undefined) {
    const nextStart = lines.peek(true)?.[0];
    if (nextStart === ' ' || nextStart === '-' || nextStart === '#') return undefined;
    return { key, keyStart, keyEnd: keyStart + key.length, valueStart: colonEnd, valueEnd: colonEnd, entryEnd: colonEnd, value: null };
  }
  const items: SimpleItem[] = [];
  const listStart = lines.end + indent.length;
  for (let line = first; line !== undefined; line = lines.peek()) {
    const item = ITEM_LINE.exec(line);
    if (!item || item[1] !== indent) break;
    lines.next();
    let end = line.length;
    while (line[end - 1] === ' ') end--;
    const value = scalarValue(line.slice(item[0].length, end));
    if (value === undefined || value === COLON_VALUE) return undefined;
    items.push({ start: lines.start + item[0].length, end: lines.start + end, value });
  }
  // What ends the list must be a key, a comment or a blank line, not more of it (a deeper line, an item elsewhere).
  const after = lines.peek()?.[0];
  if (after === ' ' || after === '-') return undefined;
  return { key, keyStart, keyEnd: keyStart + key.length, valueStart: listStart, valueEnd: lines.end, entryEnd: lines.end, value: items.map((i) => i.value), items };
}

/** A line that would be simple but for a `: ` in its plain value. */
const COLON_VALUE = Symbol('colon value');

/** One `key: value` line (the current line of `lines`), with the lines under it that its value runs on over. */
function readLine(line: string, lines: Lines): SimpleEntry | typeof COLON_VALUE | undefined {
  const at = lines.start;
  const next = lines.end;
  const key = KEY_LINE.exec(line);
  // `True:` is the key "true" to YAML.
  if (!key || NOT_A_STRING.test(key[1])) return undefined;
  const valueStart = key[0].length;
  let valueEnd = line.length;
  while (line[valueEnd - 1] === ' ') valueEnd--;
  const written = line.slice(valueStart, valueEnd);
  if (written[0] === '[') {
    const list = flowList(written, at + valueStart);
    if (!list) return undefined;
    const entry = { key: key[1], keyStart: at, keyEnd: at + key[1].length, valueStart: at + valueStart, valueEnd: at + valueEnd, entryEnd: next };
    return { ...entry, value: list.map((i) => i.value), items: list };
  }
  const base: EntryStart = { key: key[1], keyStart: at, valueStart: at + valueStart };
  if (BLOCK_HEADER.test(written)) return blockScalar(base, written, lines);
  const value = scalarValue(written);
  if (value === undefined || value === COLON_VALUE) return value;
  const runsOn = lines.peek()?.[0] === ' ' || (lines.peek() === '' && lines.peek(true)?.[0] === ' ');
  // A quoted value runs on only inside its quotes: left to the yaml package.
  if (runsOn) return written[0] === '"' || written[0] === "'" ? undefined : plainRunningOn(base, value, lines);
  return entryOf(base, at + valueEnd, next, value);
}

type EntryStart = Pick<SimpleEntry, 'key' | 'keyStart' | 'valueStart'>;

/** An entry as one object literal: entries made by spreading `start` held the index's peak RSS much higher (bench/README.md). */
function entryOf(start: EntryStart, valueEnd: number, entryEnd: number, value: string): SimpleEntry {
  return { key: start.key, keyStart: start.keyStart, keyEnd: start.keyStart + start.key.length, valueStart: start.valueStart, valueEnd, entryEnd, value };
}

/** A block scalar's header read here: literal or folded, clipped or stripped (no `+`, no indentation digit, no comment). */
const BLOCK_HEADER = /^[|>]-?$/;
/** A line of text under a key, after its indentation: none that YAML may read as more than text (a comment, an indicator, `: `, ` #`, a final `:`), no trailing blank. */
const RUN_ON_TEXT = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:(?![:] | #)[^\n])*(?<![\s:])$/;

/**
 * The lines under a block scalar's header: all indented as the first (the literal one may
 * indent some lines more), empty lines between them, ended by a line at the first column
 * or the end. Lines of blanks, empty lines before the first, or a folded line indented more
 * are left to the yaml package.
 */
function blockScalar(base: EntryStart, header: string, lines: Lines): SimpleEntry | undefined {
  const folded = header[0] === '>';
  const first = lines.peek();
  const indent = first === undefined ? 0 : first.length - first.trimStart().length;
  if (indent === 0) return undefined;
  const content: string[] = [];
  let valueEnd = lines.end;
  for (let line = lines.peek(); line !== undefined && (line === '' || line[0] === ' '); line = lines.peek()) {
    if (line !== '' && line.trim() === '') return undefined;
    if (line !== '' && (line.length - line.trimStart().length < indent || (folded && line[indent] === ' '))) return undefined;
    lines.next();
    content.push(line.slice(indent));
    if (line !== '') valueEnd = lines.end;
  }
  while (content[content.length - 1] === '') content.pop();
  const text = folded ? foldLines(content) : content.join('\n');
  const value = header.endsWith('-') ? text : `${text}\n`;
  return entryOf(base, valueEnd, valueEnd, value);
}

/** A plain value that runs on over indented lines: folded, each line trimmed, an empty line a line break. */
function plainRunningOn(base: EntryStart, firstLine: string, lines: Lines): SimpleEntry | undefined {
  const content = [firstLine];
  let valueEnd = 0;
  let entryEnd = 0;
  for (let line = lines.peek(); line !== undefined && (line === '' || line[0] === ' '); line = lines.peek()) {
    // Empty lines count only before more of the value.
    if (line === '' && lines.peek(true)?.[0] !== ' ') break;
    const text = line.trimStart();
    if (line !== '' && !RUN_ON_TEXT.test(text)) return undefined;
    lines.next();
    content.push(text);
    if (line === '') continue;
    valueEnd = lines.start + line.length;
    entryEnd = lines.end;
  }
  return entryOf(base, valueEnd, entryEnd, foldLines(content));
}

/** Folded lines, as YAML folds a plain or `>` scalar: a line break between two lines is a space, and each empty line between them a line break. */
export function foldLines(content: string[]): string {
  let out = '';
  let breaks = 0;
  for (const line of content) {
    if (line === '') {
      breaks++;
      continue;
    }
    if (out !== '') out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    out += line;
    breaks = 0;
  }
  return out;
}

/** An item of a flow list read here: a word of letters, digits, `-`, `_`, `.` and `/`, starting with a letter. */
const FLOW_ITEM = /^[A-Za-z][A-Za-z0-9_./-]*$/;

/** `[a, b]` or `[]` whose items are words (`written` starts at `at`): the items, or undefined for any other flow list. */
export function flowList(written: string, at = 0): SimpleItem[] | undefined {
  if (written[written.length - 1] !== ']') return undefined;
  if (written === '[]') return [];
  const items: SimpleItem[] = [];
  let start = 1;
  for (const piece of written.slice(1, -1).split(',')) {
    let from = 0;
    while (piece[from] === ' ') from++;
    let to = piece.length;
    while (to > from && piece[to - 1] === ' ') to--;
    const value = piece.slice(from, to);
    if (!FLOW_ITEM.test(value) || NOT_A_STRING.test(value)) return undefined;
    items.push({ start: at + start + from, end: at + start + to, value });
    start += piece.length + 1;
  }
  return items;
}

/** The escapes read here; any other is left to the yaml package. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

function scalarValue(written: string): string | typeof COLON_VALUE | undefined {
  const quote = written[0];
  if (quote === '"' || quote === "'") {
    const closed = written.length >= 2 && written[written.length - 1] === quote;
    if (!closed) return undefined;
    return quote === "'" ? singleQuoted(written.slice(1, -1)) : doubleQuoted(written.slice(1, -1));
  }
  if (NOT_PLAIN_START.test(written) || NOT_A_STRING.test(written) || CORE_NUMBER.test(written)) return undefined;
  // ` #` starts a comment, and a final `:` makes the value a key; `: ` starts a nested key.
  if (written.includes(' #') || written.endsWith(':')) return undefined;
  return written.includes(': ') ? COLON_VALUE : written;
}

function singleQuoted(inner: string): string | undefined {
  return inner.includes("'") ? undefined : inner;
}

function doubleQuoted(inner: string): string | undefined {
  if (!inner.includes('\\')) return inner.includes('"') ? undefined : inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const escaped = ESCAPES[inner[++i]];
    if (escaped === undefined) return undefined;
    out += escaped;
  }
  return out;
}
