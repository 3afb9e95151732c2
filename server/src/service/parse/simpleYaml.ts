// A fast reader for the frontmatter most agent files have: one `key: value` line per
// key, each value a plain word-like scalar or a quoted string (few escapes). It
// gives the entries the yaml package would give, or undefined for anything else
// (lists, comments, nested or multi-line values, rare escapes, values YAML reads as a
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

const hasUnusualText = (source: string) => source.includes('\r') || source.includes('\t') || UNUSUAL.test(source);

function scanSimpleYaml(source: string): { entries: SimpleEntry[]; colonValues: number } | undefined {
  if (hasUnusualText(source)) return undefined;
  const entries: SimpleEntry[] = [];
  let colonValues = 0;
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
    if (entry === COLON_VALUE) colonValues++;
    else if (entry) entries.push(entry);
    else return undefined;
    lineStart = next;
  }
  return entries.length || colonValues ? { entries, colonValues } : undefined;
}

/** A line that would be simple but for a `: ` in its plain value. */
const COLON_VALUE = Symbol('colon value');

function readLine(line: string, at: number, next: number): SimpleEntry | typeof COLON_VALUE | undefined {
  const key = KEY_LINE.exec(line);
  // `True:` is the key "true" to YAML.
  if (!key || NOT_A_STRING.test(key[1])) return undefined;
  const valueStart = key[0].length;
  let valueEnd = line.length;
  while (line[valueEnd - 1] === ' ') valueEnd--;
  const written = line.slice(valueStart, valueEnd);
  const value = scalarValue(written);
  if (value === undefined || value === COLON_VALUE) return value;
  return { key: key[1], keyStart: at, keyEnd: at + key[1].length, valueStart: at + valueStart, valueEnd: at + valueEnd, entryEnd: next, value };
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
  if (NOT_PLAIN_START.test(written) || NOT_A_STRING.test(written)) return undefined;
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
