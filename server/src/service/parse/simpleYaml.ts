// A fast reader for the frontmatter most agent files have: one `key: value` line per
// key, each value a plain word-like scalar or a quoted string without escapes. It
// gives the entries the yaml package would give, or undefined for anything else
// (lists, comments, nested or multi-line values, escapes, values YAML reads as a
// number, a boolean or null, CR line ends…), which then goes to the yaml package.
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
  value: string;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,200}): +(?=\S)/;
/** Characters outside printable text (C0 and C1 controls but the line feed, DEL, BOM, line and paragraph separators, lone surrogates): left to the yaml package. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain scalar may not start with an indicator; YAML reads one starting with these (or an exact null/true/false) as something else than a string. */
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`+.~0-9]/;
const NOT_A_STRING = /^(?:null|true|false)$/i;

export function readSimpleYaml(source: string): SimpleEntry[] | undefined {
  if (source.includes('\r') || source.includes('\t') || UNUSUAL.test(source)) return undefined;
  const entries: SimpleEntry[] = [];
  let lineStart = 0;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    const next = lineEnd < 0 ? source.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      if (line !== '') return undefined;
      lineStart = next;
      continue;
    }
    const entry = readLine(line, lineStart, next);
    if (!entry) return undefined;
    entries.push(entry);
    lineStart = next;
  }
  return entries.length ? entries : undefined;
}

function readLine(line: string, at: number, next: number): SimpleEntry | undefined {
  const key = KEY_LINE.exec(line);
  // `True:` is the key "true" to YAML.
  if (!key || NOT_A_STRING.test(key[1])) return undefined;
  const valueStart = key[0].length;
  let valueEnd = line.length;
  while (line[valueEnd - 1] === ' ') valueEnd--;
  const written = line.slice(valueStart, valueEnd);
  const value = scalarValue(written);
  if (value === undefined) return undefined;
  return { key: key[1], keyStart: at, keyEnd: at + key[1].length, valueStart: at + valueStart, valueEnd: at + valueEnd, entryEnd: next, value };
}

function scalarValue(written: string): string | undefined {
  const quote = written[0];
  if (quote === '"' || quote === "'") {
    const inner = written.slice(1, -1);
    const closed = written.length >= 2 && written[written.length - 1] === quote;
    return closed && !inner.includes(quote) && (quote === "'" || !inner.includes('\\')) ? inner : undefined;
  }
  if (NOT_PLAIN_START.test(written) || NOT_A_STRING.test(written)) return undefined;
  // `: ` starts a nested key, ` #` a comment, and a final `:` makes the value a key.
  if (written.includes(': ') || written.includes(' #') || written.endsWith(':')) return undefined;
  return written;
}
