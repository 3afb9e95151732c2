// XML-style tags that structure a prompt (`<example>`, `<commentary>`, `<context>`…)
// in the description and in the body outside code, paired as a model would read
// them. Claude Code passes both to the model as written, so an unclosed tag runs
// on to the end of the text. Computed on demand, once per document model.
import { fieldOf, type AgentDocument, type Span } from '../types';
import { unquotedSpan } from './listItems';

export type TagRegion = 'description' | 'body';

export interface PromptTag {
  name: string;
  closing: boolean;
  /** The whole tag, `<` to `>`. */
  span: Span;
  region: TagRegion;
  /** The tag stands alone on its line. */
  ownLine: boolean;
}

export interface TagReading {
  tags: PromptTag[];
  /** Each paired tag with its partner, both ways. */
  partner: Map<PromptTag, PromptTag>;
  /** Opening tags never closed, each with where a closing tag belongs. */
  unclosed: { tag: PromptTag; closeAt: number }[];
  /** Closing tags that close nothing. */
  stray: PromptTag[];
}

// A closing tag anywhere (`detection</commentary>`); an opening tag with a name, optional
// attributes and no `/>`, not right after a word character (`Array<string>`) unless that
// is a `\n` escape of a quoted description. The `<` comes first (the lookbehinds then look
// past it), so the regex engine can skip to each `<` instead of trying every position.
const TAG = /<(?:\/([A-Za-z][\w.-]*)\s*>|(?:(?<=\\[nrt]<)|(?<![\w<]<))([A-Za-z][\w.-]*)((?:\s[^<>]*)?)>)/g;
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'col', 'embed', 'source', 'track', 'param']);
/** Tags of agent descriptions that are structure even where the text never closes them. */
const PROMPT_TAGS = new Set(['example', 'commentary']);
const INLINE_CODE = /(`+)[^`\r\n]*?\1/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

const readings = new WeakMap<AgentDocument, TagReading>();

export function promptTags(doc: AgentDocument): TagReading {
  let reading = readings.get(doc);
  if (!reading) readings.set(doc, (reading = readTags(doc)));
  return reading;
}

function readTags(doc: AgentDocument): TagReading {
  const reading: TagReading = { tags: [], partner: new Map(), unclosed: [], stray: [] };
  const description = fieldOf(doc, 'description');
  if (description && !description.unreadable && typeof description.value === 'string') {
    const span = unquotedSpan(doc.text, description.valueSpan);
    pairTags(reading, candidates(doc.text, span, 'description'), doc.text, span);
  }
  if (doc.frontmatter?.closed) {
    const end = doc.truncated ? doc.textDocument.offsetAt({ line: doc.textDocument.positionAt(doc.truncated.limit).line, character: 0 }) : doc.text.length;
    const body = { start: doc.bodyStart, end };
    pairTags(reading, candidates(maskBody(doc, body), body, 'body'), doc.text, body);
  }
  return reading;
}

/** The text up to the body's end with code blocks, inline code and HTML comments blanked out (offsets kept). */
function maskBody(doc: AgentDocument, body: Span): string {
  const text = doc.text.slice(0, body.end);
  const masks: Span[] = [];
  for (const region of doc.codeRegions) {
    const start = doc.textDocument.offsetAt({ line: region.startLine, character: 0 });
    masks.push({ start, end: Math.min(body.end, doc.textDocument.offsetAt({ line: region.endLine + 1, character: 0 })) });
  }
  const slice = text.slice(body.start);
  for (const pattern of [HTML_COMMENT, INLINE_CODE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) masks.push({ start: body.start + m.index, end: body.start + m.index + m[0].length });
  }
  masks.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const mask of masks) {
    if (mask.end <= at) continue;
    const start = Math.max(at, mask.start);
    // Blanked a line at a time: a character at a time cost ~3 ms on a 60 KB body that is mostly code.
    parts.push(
      text.slice(at, start),
      text.slice(start, mask.end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length)),
    );
    at = mask.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function candidates(text: string, span: Span, region: TagRegion): PromptTag[] {
  const source = text.slice(span.start, span.end);
  const found: PromptTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    const closing = m[1] !== undefined;
    const name = closing ? m[1] : m[2];
    if (VOID_ELEMENTS.has(name.toLowerCase()) || (!closing && m[3].endsWith('/'))) continue;
    const start = span.start + m.index;
    const end = start + m[0].length;
    found.push({ name, closing, span: { start, end }, region, ownLine: aloneOnLine(text, start, end) });
  }
  // An opening tag is structure when the text closes that name somewhere, stands alone on its
  // line or is a known prompt tag; `run npm install <package>` in a sentence is not a tag.
  const closed = new Set(found.filter((t) => t.closing).map((t) => t.name));
  return found.filter((t) => t.closing || closed.has(t.name) || t.ownLine || PROMPT_TAGS.has(t.name.toLowerCase()));
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const lineBreak = (c: string | undefined) => c === undefined || c === '\n' || c === '\r';
  return lineBreak(text[before - 1]) && lineBreak(text[after]);
}

/**
 * Pairs the tags of one region as nested elements. The model reads the raw text, code
 * included: a tag whose partner is only in code (a fence left open, say) is not reported.
 */
function pairTags(reading: TagReading, tags: PromptTag[], text: string, region: Span): void {
  const end = contentEnd(text, region);
  const seen = new Set(tags.map((t) => t.span.start));
  /** Whether `needle` stands in the region outside the tags read, searching forward or back from `from`. */
  const elsewhere = (needle: string, from: number, back: boolean): boolean => {
    let at = back ? text.lastIndexOf(needle, from) : text.indexOf(needle, from);
    while (at >= region.start && at < region.end) {
      if (!seen.has(at)) return true;
      if (back && at === 0) break;
      at = back ? text.lastIndexOf(needle, at - 1) : text.indexOf(needle, at + 1);
    }
    return false;
  };
  const open: PromptTag[] = [];
  const closeAt = new Map<PromptTag, number>();
  for (const tag of tags) {
    reading.tags.push(tag);
    if (!tag.closing) {
      open.push(tag);
      continue;
    }
    const match = open.map((t) => t.name).lastIndexOf(tag.name);
    if (match < 0) {
      if (!elsewhere(`<${tag.name}`, tag.span.start - 1, true)) reading.stray.push(tag);
      continue;
    }
    // The tags left open inside this element close where it does.
    for (const inner of open.splice(match + 1)) closeAt.set(inner, tag.span.start);
    const opening = open.pop()!;
    reading.partner.set(opening, tag);
    reading.partner.set(tag, opening);
  }
  for (const tag of open) if (!elsewhere(`</${tag.name}>`, tag.span.end, false)) closeAt.set(tag, end);
  for (const [tag, at] of closeAt) {
    // Before the next tag of the same name, a sibling the text meant to start after it.
    const sibling = tags.find((t) => !t.closing && t.name === tag.name && t.span.start > tag.span.start && t.span.start < at);
    reading.unclosed.push({ tag, closeAt: sibling ? sibling.span.start : at });
  }
  reading.unclosed.sort((a, b) => a.tag.span.start - b.tag.span.start);
}

/** The end of the last non-blank character of a span. */
function contentEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return end;
}
