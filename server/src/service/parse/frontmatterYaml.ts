// Reads the frontmatter YAML the way Claude Code does: the strict parse first; when
// it fails, Claude Code's lenient retry (claudeRetry.ts) and one more parse; when
// that fails too, Claude Code drops the agent. Fields then come from an entry by
// entry reading, so that editing features still work, and the errors say where and
// why the frontmatter cannot be read.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from './yamlPackage';
import type { FrontmatterField, FrontmatterProblem, Span, ValueItem } from '../types';
import { claudeRetry, type RetryText } from './claudeRetry';
import { splitCommaList, splitToolList, unquotedSpan } from './listItems';
import { foldLines, onlyColonValues, readSimpleYaml, strictLineValue, type SimpleEntry } from './simpleYaml';

/** Keys whose string value is a list of names. */
const COMMA_LIST_KEYS = new Set(['tools', 'disallowedTools', 'skills', 'allowed-tools']);
const MAX_ALIAS_COUNT = 100;
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/**
 * Parses YAML without capturing stack traces for its errors: a lenient value is
 * an expected parse error, and stack capture was a visible share of linting time.
 */
function parseQuietly(source: string): Document {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, PARSE_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A lone CR ends a line for YAML and for LSP positions, but the yaml package reads it as content: make it a LF, which keeps every offset. */
function withLineFeeds(source: string): string {
  return source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
}

export interface YamlReading {
  fields: FrontmatterField[];
  errors: FrontmatterProblem[];
  /** How Claude Code got its reading: strict YAML, its lenient retry, or not at all (it drops the agent). */
  mode: 'strict' | 'retry' | 'unreadable';
}

type ToDocument = (offset: number) => number;

export function readFrontmatterYaml(text: string, contentSpan: Span): YamlReading {
  const raw = yamlSource(text, contentSpan);
  const base = contentSpan.start;
  const simple = readSimpleYaml(raw);
  if (simple) return fromSimpleEntries(text, simple, (o) => base + o, 'strict');
  return (onlyColonValues(raw) && retriedSimply(text, raw, base)) || readWithYaml(text, contentSpan, FAST);
}

/** Strict YAML rejects a plain value with `: `; when Claude Code's retry makes every line simple, its reading without the yaml package. */
function retriedSimply(text: string, raw: string, base: number): YamlReading | undefined {
  const retry = claudeRetry(raw);
  const entries = readSimpleYaml(retry.text);
  if (!entries) return undefined;
  const reading = fromSimpleEntries(text, entries, (o) => base + retry.toOriginal(o), 'retry');
  markRewrites(text, reading, retry, base, strictLine);
  return reading;
}

/** How strict YAML reads `key: written` alone: an error, or the key's value. */
type StrictLine = (key: string, written: string) => { error: string } | { value: unknown };

/** The fast reader's answer where it has one (most rewritten lines are a plain value with `: `), else the yaml package's. */
const strictLine: StrictLine = (key, written) => strictLineValue(written) ?? strictLineWithYaml(key, written);

/** The yaml package's reading of the line: the reference `strictLineValue` is tested against. */
export const strictLineWithYaml: StrictLine = (key, written) => {
  const alone = parseQuietly(`${key}: ${written}`);
  if (alone.errors.length > 0) return { error: alone.errors[0].message.split('\n')[0] };
  try {
    return { value: (alone.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null)?.[key] ?? null };
  } catch (error) {
    // An alias with no anchor (`*name`) parses, and strict YAML still cannot read it.
    return { error: (error as Error).message.split('\n')[0] };
  }
};

/**
 * How the yaml package's readings of small pieces are made: by the package alone (the
 * reference), or by the fast reader where it takes the piece. An unreadable frontmatter
 * is read entry by entry, and most of its entries are simple lines (`name: x`, `user: "…"`).
 */
interface PieceReaders {
  strictLine: StrictLine;
  entry: (entryText: string) => SimpleEntry[] | undefined;
}

const FAST: PieceReaders = { strictLine, entry: readSimpleYaml };
const LIBRARY: PieceReaders = { strictLine: strictLineWithYaml, entry: () => undefined };

/** Claude Code's text runs up to the closing `---`, the last line's break included: with CRLF that `\r` is what keeps its retry from rewriting the last line. */
function yamlSource(text: string, contentSpan: Span): string {
  let end = contentSpan.end;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return text.slice(contentSpan.start, end);
}

/** The reading through the yaml package alone: the reference the fast readers are tested against. */
export function readWithYamlLibrary(text: string, contentSpan: Span): YamlReading {
  return readWithYaml(text, contentSpan, LIBRARY);
}

function readWithYaml(text: string, contentSpan: Span, readers: PieceReaders): YamlReading {
  const raw = yamlSource(text, contentSpan);
  const base = contentSpan.start;
  const doc = parseQuietly(withLineFeeds(raw));
  if (doc.errors.length === 0) return fromDocument(text, doc, (o) => base + o, contentSpan, 'strict');
  const retry = claudeRetry(raw);
  if (retry.text !== raw) {
    const retried = parseQuietly(withLineFeeds(retry.text));
    if (retried.errors.length === 0) {
      const reading = fromDocument(text, retried, (o) => base + retry.toOriginal(o), contentSpan, 'retry');
      markRewrites(text, reading, retry, base, readers.strictLine);
      return reading;
    }
    return unreadable(text, raw, base, retry, retried, true, readers);
  }
  return unreadable(text, raw, base, retry, doc, false, readers);
}

/** Fields as addPair makes them, from entries the simple reader found: every value a string, read strictly. */
function fromSimpleEntries(text: string, entries: SimpleEntry[], at: ToDocument, mode: YamlReading['mode']): YamlReading {
  const fields = entries.map((e): FrontmatterField => {
    const valueSpan = { start: at(e.valueStart), end: at(e.valueEnd) };
    const keySpan = { start: at(e.keyStart), end: at(e.keyEnd) };
    return {
      key: e.key,
      keySpan,
      valueSpan,
      value: e.value,
      items: e.items
        ? seqItems(
            text,
            e.key,
            e.items.map((i) => ({ value: i.value, span: { start: at(i.start), end: at(i.end) } })),
          )
        : typeof e.value === 'string'
          ? listItems(text, e.key, valueSpan)
          : [],
      entrySpan: { start: keySpan.start, end: Math.max(at(e.entryEnd), valueSpan.end) },
      unreadable: undefined,
    };
  });
  return { fields, errors: [], mode };
}

function fromDocument(text: string, doc: Document, at: ToDocument, contentSpan: Span, mode: YamlReading['mode']): YamlReading {
  if (doc.contents === null) return { fields: [], errors: [], mode };
  if (!isMap(doc.contents)) {
    return { fields: [], errors: [{ message: 'The frontmatter must be a mapping of `key: value` lines; Claude Code drops an agent whose frontmatter is a list or a single value.', span: contentSpan }], mode };
  }
  const reading: YamlReading = { fields: [], errors: [], mode };
  for (const pair of doc.contents.items) addPair(reading, text, doc, pair as Pair<Node, Node | null>, at);
  return reading;
}

/** Marks the fields Claude Code's retry rewrote: those strict YAML rejects, and those it reads otherwise after the rewrite. */
function markRewrites(text: string, reading: YamlReading, retry: RetryText, base: number, strictLine: StrictLine): void {
  const byValueStart = new Map(retry.rewrites.map((r) => [base + r.valueStart, r]));
  for (const field of reading.fields) {
    const rewrite = byValueStart.get(field.valueSpan.start);
    if (!rewrite) continue;
    const strict = strictLine(rewrite.key, text.slice(field.valueSpan.start, field.valueSpan.end));
    if ('error' in strict) field.lenient = { reason: strict.error };
    else if (strict.value !== field.value) field.retried = { strictValue: strict.value };
  }
}

function addPair(reading: YamlReading, text: string, doc: Document, pair: Pair<Node, Node | null>, at: ToDocument): void {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range) return;
  const keySpan = { start: at(keyNode.range[0]), end: at(keyNode.range[1]) };
  const valueNode = pair.value;
  let valueSpan: Span;
  if (valueNode?.range) valueSpan = { start: at(valueNode.range[0]), end: at(valueNode.range[1]) };
  else {
    const colon = text.indexOf(':', keySpan.end);
    valueSpan = { start: colon + 1, end: colon + 1 };
  }
  let value: unknown;
  const problems: FrontmatterProblem[] = [];
  try {
    value = valueNode ? valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
  } catch (error) {
    problems.push({ message: `\`${String(keyNode.value)}\` cannot be read: ${(error as Error).message}`, span: valueSpan });
  }
  const key = String(keyNode.value);
  const endOfEntry = valueNode?.range ? at(valueNode.range[2]) : valueSpan.end;
  reading.fields.push({
    key,
    keySpan,
    valueSpan,
    value,
    items: itemsOf(text, key, value, valueNode, valueSpan, at),
    entrySpan: { start: keySpan.start, end: Math.max(endOfEntry, valueSpan.end) },
    unreadable: problems.length > 0 || undefined,
  });
  reading.errors.push(...problems);
}

function itemsOf(text: string, key: string, value: unknown, node: Node | null, span: Span, at: ToDocument): ValueItem[] {
  if (node && isSeq(node)) {
    const scalars: { value: unknown; span: Span }[] = [];
    for (const item of node.items) {
      const n = item as Node;
      if (n.range && isScalar(n)) scalars.push({ value: n.value, span: { start: at(n.range[0]), end: at(n.range[1]) } });
    }
    return seqItems(text, key, scalars);
  }
  return typeof value === 'string' ? listItems(text, key, span) : [];
}

/** The items of a list's scalars: each tool entry split as a written list would be, any other item whole. */
function seqItems(text: string, key: string, scalars: { value: unknown; span: Span }[]): ValueItem[] {
  const items: ValueItem[] = [];
  for (const { value, span } of scalars) {
    if (TOOL_KEYS.has(key) && typeof value === 'string') items.push(...listItems(text, key, span));
    else items.push({ text: String(value), span });
  }
  return items;
}

const TOOL_KEYS = new Set(['tools', 'disallowedTools']);

/** The items of a list written as a string (`tools: Read, Edit`), inside its quotes; none for other keys. */
function listItems(text: string, key: string, span: Span): ValueItem[] {
  if (!COMMA_LIST_KEYS.has(key)) return [];
  const inner = unquotedSpan(text, span);
  const raw = text.slice(inner.start, inner.end);
  return TOOL_KEYS.has(key) ? splitToolList(raw, inner.start) : splitCommaList(raw, inner.start);
}

interface Entry {
  start: number;
  end: number;
  /** Offset (in the YAML source) of the first line under the key that is not indented. */
  orphanAt?: number;
  /** End of the last non-blank line. */
  contentEnd: number;
}

const TOP_LEVEL_KEY = /^[^\s#\-][^:\r\n]*:(?=[ \t]|\r?$|\n|$)/;

/** Cuts the YAML into top-level entries: a `key:` line and the lines under it. */
function splitEntries(source: string): Entry[] {
  const entries: Entry[] = [];
  const linePattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let current: Entry | undefined;
  for (let match = linePattern.exec(source); match && match[0] !== ''; match = linePattern.exec(source)) {
    const line = match[0];
    const start = match.index;
    const end = start + line.length;
    const content = line.replace(/[\r\n]+$/, '');
    // Only spaces and tabs are blank to YAML: a line of U+2028 or U+00A0 is content.
    const meaningful = !/^[ \t]*$/.test(content) && !/^[ \t]*#/.test(content);
    if (TOP_LEVEL_KEY.test(content)) {
      if (current) entries.push(current);
      current = { start, end, contentEnd: start + content.length };
    } else if (current) {
      current.end = end;
      if (meaningful) {
        current.contentEnd = start + content.length;
        if (!/^[ \t]/.test(content) && !content.startsWith('- ') && current.orphanAt === undefined) current.orphanAt = start;
      }
    } else if (meaningful) {
      current = { start, end, contentEnd: start + content.length, orphanAt: start };
    }
  }
  if (current) entries.push(current);
  return entries;
}

/** The reading of a frontmatter Claude Code cannot parse: best-effort fields, and errors that say why. */
function unreadable(text: string, raw: string, base: number, retry: RetryText, failed: Document, retried: boolean, readers: PieceReaders): YamlReading {
  const reading = readEntryByEntry(text, withLineFeeds(raw), base, readers);
  const rewritten = new Set(retry.rewrites.map((r) => base + r.valueStart));
  for (const field of reading.fields) {
    if (!field.lenient) continue;
    const multiLine = /[\r\n]/.test(text.slice(field.valueSpan.start, field.valueSpan.end));
    if (rewritten.has(field.valueSpan.start) && !multiLine) continue;
    reading.errors.push({ message: notRescued(text, field, multiLine), span: field.valueSpan });
  }
  for (const rewrite of retry.rewrites) {
    const value = raw.slice(rewrite.valueStart, rewrite.valueEnd);
    if (!/^[|>][-+0-9]*$/.test(value)) continue;
    reading.errors.push({
      message: `${DROPPED}: another line needs its lenient retry, which also turns this block scalar indicator \`${value}\` into the text "${value}", so the indented lines under it break the frontmatter. Quote the value that needs it instead.`,
      span: { start: base + rewrite.valueStart, end: base + rewrite.valueEnd },
    });
  }
  if (reading.errors.length === 0) {
    const error = failed.errors[0];
    const at = (o: number) => base + (retried ? retry.toOriginal(o) : o);
    const start = at(error.pos[0]);
    reading.errors.push({ message: `${DROPPED}, even with its lenient retry: ${error.message.split('\n')[0]}`, span: { start, end: Math.max(start + 1, at(error.pos[1])) } });
  }
  return reading;
}

const DROPPED = 'Claude Code cannot parse this frontmatter and drops the agent';

function notRescued(text: string, field: FrontmatterField, multiLine: boolean): string {
  const lineEnd = text.slice(field.valueSpan.end).search(/[\r\n]|$/) + field.valueSpan.end;
  const why = field.lenient!.reason;
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') {
    return `${DROPPED}: strict YAML rejects this \`${field.key}\` value (${why}), and with CRLF line endings Claude Code's lenient retry never applies. Quote the value (or save the file with LF line endings).`;
  }
  if (!/^[a-zA-Z_-]+$/.test(field.key)) {
    return `${DROPPED}: strict YAML rejects this \`${field.key}\` value (${why}), and Claude Code's lenient retry only rewrites keys made of letters, \`_\` and \`-\`. Quote the value.`;
  }
  if (multiLine) {
    return `${DROPPED}: strict YAML rejects this \`${field.key}\` value (${why}), and Claude Code's lenient retry quotes only its first line, so the lines after it still break the frontmatter. Quote the whole value.`;
  }
  return `${DROPPED}: strict YAML rejects this \`${field.key}\` value (${why}), and Claude Code's lenient retry leaves a value like this one as it is. Quote the value.`;
}

function readEntryByEntry(text: string, source: string, base: number, readers: PieceReaders): YamlReading {
  const reading: YamlReading = { fields: [], errors: [], mode: 'unreadable' };
  for (const entry of splitEntries(source)) {
    const entryText = source.slice(entry.start, entry.end);
    const entryBase = base + entry.start;
    const simple = readers.entry(entryText);
    if (simple) {
      reading.fields.push(...fromSimpleEntries(text, simple, (o) => entryBase + o, 'unreadable').fields);
      continue;
    }
    const doc = parseQuietly(entryText);
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      for (const pair of doc.contents.items) addPair(reading, text, doc, pair as Pair<Node, Node | null>, (o) => entryBase + o);
      continue;
    }
    const keyMatch = TOP_LEVEL_KEY.exec(entryText);
    const firstError = doc.errors[0];
    const reason = firstError ? firstError.message.split('\n')[0] : 'not a `key: value` line';
    if (!keyMatch) {
      reading.errors.push({ message: `This frontmatter line cannot be read: ${reason}`, span: { start: entryBase, end: base + entry.end } });
      continue;
    }
    const key = keyMatch[0].slice(0, -1).trim();
    const keySpan = { start: entryBase, end: entryBase + key.length };
    const entrySpan = { start: entryBase, end: base + entry.end };
    let vs = keyMatch[0].length;
    while (vs < entryText.length && /[ \t]/.test(entryText[vs])) vs++;
    const lineEnd = entryText.search(/[\r\n]|$/);
    const valueOnKeyLine = vs < lineEnd;
    if (entry.orphanAt !== undefined) {
      const lineEndAt = source.slice(entry.orphanAt).search(/[\r\n]|$/);
      reading.errors.push({
        message: `This line is neither a \`key: value\` pair nor indented under \`${key}\`: Claude Code fails to parse the frontmatter and does not load the agent. Indent it, or quote the \`${key}\` value.`,
        span: { start: base + entry.orphanAt, end: base + entry.orphanAt + Math.max(1, lineEndAt) },
      });
    }
    const valueSpan = { start: entryBase + vs, end: base + entry.contentEnd };
    if (entry.orphanAt === undefined && valueOnKeyLine) {
      const value = foldPlainScalar(source.slice(entry.start + vs, entry.contentEnd));
      reading.fields.push({
        key,
        keySpan,
        valueSpan,
        value,
        // Split the value as written, not as folded, so item spans point into the document.
        items: listItems(text, key, valueSpan),
        entrySpan,
        lenient: { reason },
      });
      continue;
    }
    if (entry.orphanAt === undefined) {
      const errorAt = firstError ? entryBase + firstError.pos[0] : valueSpan.start;
      const errorEnd = firstError ? entryBase + firstError.pos[1] : valueSpan.end;
      reading.errors.push({
        message: `Claude Code cannot read \`${key}\`: ${reason}`,
        span: { start: errorAt, end: Math.max(errorAt + 1, Math.min(entrySpan.end, errorEnd)) },
      });
    }
    reading.fields.push({ key, keySpan, valueSpan: { start: valueSpan.start, end: Math.max(valueSpan.start, entryBase + lineEnd) }, value: undefined, items: [], entrySpan, unreadable: true });
  }
  return reading;
}

/** Folds a multi-line plain scalar as YAML does: line breaks become spaces, blank lines newlines. */
function foldPlainScalar(raw: string): string {
  return foldLines(raw.split(/\r\n|\r|\n/).map((l) => l.trim()));
}
