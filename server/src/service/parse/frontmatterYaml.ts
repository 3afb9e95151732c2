// Reads the frontmatter YAML the way Claude Code does. Strict YAML first; when
// that fails, each top-level entry is read on its own and a single-line value
// that strict YAML rejects (typically an unquoted `: ` inside `description`) is
// taken as the plain string after `key:`, as Claude Code's own retry does.
// Only an entry that not even this recovers is an error.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { FrontmatterField, FrontmatterProblem, Span, ValueItem } from '../types';
import { splitCommaList, unquotedSpan } from './listItems';

/** Keys whose string value is a comma-separated list. */
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

export interface YamlReading {
  fields: FrontmatterField[];
  errors: FrontmatterProblem[];
}

export function readFrontmatterYaml(text: string, contentSpan: Span): YamlReading {
  // A lone CR ends a line for YAML and for LSP positions, but the yaml package reads
  // it as content: make it a LF, which keeps every offset.
  const source = text.slice(contentSpan.start, contentSpan.end).replace(/\r(?!\n)/g, '\n');
  const doc = parseQuietly(source);
  if (doc.errors.length === 0) {
    if (doc.contents === null) return { fields: [], errors: [] };
    if (!isMap(doc.contents)) {
      return { fields: [], errors: [{ message: 'The frontmatter must be a mapping of `key: value` lines.', span: contentSpan }] };
    }
    const reading: YamlReading = { fields: [], errors: [] };
    for (const pair of doc.contents.items) addPair(reading, text, doc, pair as Pair<Node, Node | null>, contentSpan.start);
    return reading;
  }
  return readEntryByEntry(text, source, contentSpan.start);
}

function addPair(reading: YamlReading, text: string, doc: Document, pair: Pair<Node, Node | null>, base: number): void {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range) return;
  const keySpan = { start: base + keyNode.range[0], end: base + keyNode.range[1] };
  const valueNode = pair.value;
  let valueSpan: Span;
  if (valueNode?.range) valueSpan = { start: base + valueNode.range[0], end: base + valueNode.range[1] };
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
  const endOfEntry = valueNode?.range ? base + valueNode.range[2] : valueSpan.end;
  reading.fields.push({
    key,
    keySpan,
    valueSpan,
    value,
    items: itemsOf(text, key, value, valueNode, valueSpan, base),
    entrySpan: { start: keySpan.start, end: Math.max(endOfEntry, valueSpan.end) },
    unreadable: problems.length > 0 || undefined,
  });
  reading.errors.push(...problems);
}

function itemsOf(text: string, key: string, value: unknown, node: Node | null, span: Span, base: number): ValueItem[] {
  if (node && isSeq(node)) {
    const items: ValueItem[] = [];
    for (const item of node.items) {
      const n = item as Node;
      if (!n.range || !isScalar(n)) continue;
      items.push({ text: String(n.value), span: { start: base + n.range[0], end: base + n.range[1] } });
    }
    return items;
  }
  return typeof value === 'string' ? commaItems(text, key, span) : [];
}

/** The items of a comma-separated string value (`tools: Read, Edit`); none for other keys. */
function commaItems(text: string, key: string, span: Span): ValueItem[] {
  if (!COMMA_LIST_KEYS.has(key)) return [];
  const inner = unquotedSpan(text, span);
  return splitCommaList(text.slice(inner.start, inner.end), inner.start);
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

function readEntryByEntry(text: string, source: string, base: number): YamlReading {
  const reading: YamlReading = { fields: [], errors: [] };
  for (const entry of splitEntries(source)) {
    const entryText = source.slice(entry.start, entry.end);
    const doc = parseQuietly(entryText);
    const entryBase = base + entry.start;
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      for (const pair of doc.contents.items) addPair(reading, text, doc, pair as Pair<Node, Node | null>, entryBase);
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
        items: COMMA_LIST_KEYS.has(key) ? splitCommaList(text.slice(valueSpan.start, valueSpan.end), valueSpan.start) : [],
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
  const lines = raw.split(/\r\n|\r|\n/).map((l) => l.trim());
  let out = '';
  let pendingBreaks = 0;
  for (const line of lines) {
    if (line === '') {
      pendingBreaks++;
      continue;
    }
    if (out) out += pendingBreaks ? '\n'.repeat(pendingBreaks) : ' ';
    out += line;
    pendingBreaks = 0;
  }
  return out;
}
