// One parse of one document version into the AgentDocument model.
import { LineDocument } from '../text/lineDocument';
import type { AgentDocument, Frontmatter, FrontmatterField, Heading } from '../types';
import { agentToolReferences } from './agentTools';
import { bomLengthOf } from '../text/hasFrontmatter';
import type { Lines } from '../text/lineTable';
import { lineSpanOf } from '../text/lineSpan';
import { scanBody, type BodyScan } from './bodyScanner';
import { readFrontmatterYaml } from './frontmatterYaml';
import { readBlocks } from './markdownBlocks';
import { splitFrontmatter } from './splitFrontmatter';

/** Beyond this many characters the body is not analysed (one diagnostic says so). */
export const ANALYSIS_LIMIT = 2_000_000;
/** Frontmatter larger than this is not parsed as YAML. */
export const FRONTMATTER_LIMIT = 256_000;

export function parseAgent(uri: string, version: number, text: string): AgentDocument {
  const textDocument = new LineDocument(uri, 'markdown', version, text);
  const bomLength = bomLengthOf(text);
  const frontmatter = readFrontmatter(text, bomLength);
  const bodyStart = frontmatter ? frontmatter.span.end : bomLength;
  const body = readBody(textDocument, text, bodyStart);
  return {
    uri,
    version,
    text,
    textDocument,
    bomLength,
    frontmatter,
    bodyStart,
    ...body,
    agentToolReferences: agentToolReferences(frontmatter?.fields ?? []),
    lineEnding: detectLineEnding(text),
  };
}

/** The body's part of a parse: its block structure, and what the body scan finds in it. */
export type ParsedBody = Pick<AgentDocument, 'bodyStartLine' | 'headings' | 'codeRegions' | 'truncated'> & BodyScan;

export function readBody(lines: Lines, text: string, bodyStart: number): ParsedBody {
  const bodyStartLine = lines.positionAt(bodyStart).line;
  const truncated = text.length > ANALYSIS_LIMIT ? { limit: ANALYSIS_LIMIT } : undefined;
  // A truncated body ends at the start of the line holding the limit (any line
  // break counts), and only the whole lines before it are read and scanned.
  const limitLine = truncated ? lines.positionAt(ANALYSIS_LIMIT).line : lines.lineCount;
  const bodyEnd = truncated ? lines.offsetAt({ line: limitLine, character: 0 }) : text.length;
  const blocks = readBlocks(text.slice(bodyStart, bodyEnd), bodyStartLine);
  const headings = blocks.headings.map((h): Heading => headingAt(lines, text, h.line, h.level, h.text));
  const codeLines = new Set<number>();
  for (const region of blocks.codeRegions) for (let l = region.startLine; l <= region.endLine; l++) codeLines.add(l);
  const scan = scanBody(lines, text, bodyStartLine, limitLine - 1, (l) => codeLines.has(l), headings);
  return { bodyStartLine, headings, ...scan, codeRegions: blocks.codeRegions, truncated };
}

export function readFrontmatter(text: string, bomLength: number): Frontmatter | undefined {
  const split = splitFrontmatter(text, bomLength);
  if (!split) return undefined;
  const contentSpan = { start: split.contentStart, end: split.contentEnd };
  const base: Frontmatter = {
    span: { start: bomLength, end: split.blockEnd },
    contentSpan,
    closed: split.closed,
    language: split.language,
    fields: [],
    errors: [],
    mode: 'strict',
    earlyClose: split.earlyClose,
    duplicateKeys: [],
  };
  if (!split.closed || split.language !== '') return base;
  if (contentSpan.end - contentSpan.start > FRONTMATTER_LIMIT) {
    base.errors.push({ message: `The frontmatter is larger than ${FRONTMATTER_LIMIT} characters and is not read.`, span: contentSpan });
    base.mode = 'unreadable';
    return base;
  }
  const reading = readFrontmatterYaml(text, contentSpan);
  base.fields = reading.fields;
  base.errors = reading.errors;
  base.mode = reading.mode;
  base.duplicateKeys = duplicatesOf(reading.fields);
  return base;
}

function duplicatesOf(fields: FrontmatterField[]): FrontmatterField[] {
  const seen = new Set<string>();
  const duplicates: FrontmatterField[] = [];
  for (const field of fields) {
    if (seen.has(field.key)) duplicates.push(field);
    seen.add(field.key);
  }
  return duplicates;
}

function headingAt(doc: Lines, text: string, line: number, level: number, content: string): Heading {
  const { start, end } = lineSpanOf(doc, text, line);
  const lineText = text.slice(start, end);
  const at = content ? lineText.indexOf(content) : -1;
  const textSpan = at >= 0 ? { start: start + at, end: start + at + content.length } : { start, end };
  return { level, text: content, span: { start, end }, textSpan, line };
}

function detectLineEnding(text: string): AgentDocument['lineEnding'] {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}
