// Block structure of the body from markdown-it: headings and code regions with
// line maps, so a `#` line or a `**Rule 1:**` inside a code fence is not structure.
// Only the block pass runs; inline parsing is not needed for any feature. Most bodies are
// read line by line instead: the plain reader (plainBlocks.ts) first, which is small and takes
// most of them, then the list-aware reader (lineBlocks.ts); markdown-it reads what neither
// takes. In a cold run markdown-it costs more to warm up than to run, so it pays only to keep
// it out of most runs altogether (bench/README.md).
import type MarkdownIt from 'markdown-it';
import type { LineRange } from '../types';
import type { BlockHeading, BlockStructure } from './blockStructure';
import { readPlainBlocks } from './plainBlocks';
import { readLineBlocks } from './lineBlocks';

function blockParser(coreRules: string[]): MarkdownIt {
  const md = new (require('markdown-it') as typeof import('markdown-it'))('default', { html: false });
  md.core.ruler.enableOnly(coreRules);
  // Tables and link reference definitions never hold headings, rules or code: skip their costly scans.
  md.block.ruler.disable(['table', 'reference']);
  return md;
}

// markdown-it's `normalize` rule rewrites CR and CRLF to LF and NUL to U+FFFD, copying the
// whole text even when there is none, a real part of the block pass on a large agent: a body
// without CR or NUL goes to a parser that leaves it out, with the same tokens. Both are made,
// and markdown-it loaded, on first use: most bodies never need it (plainBlocks.ts), and
// loading it was a real part of the language server's start-up.
let parsers: { normalizing: MarkdownIt; plain: MarkdownIt } | undefined;
const markdownParsers = () => (parsers ??= { normalizing: blockParser(['normalize', 'block']), plain: blockParser(['block']) });
// indexOf, not a character-class regex: a regex scan of a large body costs much of what skipping normalize saves.
const needsNormalizing = (body: string) => body.includes('\r') || body.includes('\0');

export function readBlocks(body: string, lineOffset: number): BlockStructure {
  return readPlainBlocks(body, lineOffset) ?? readLineBlocks(body, lineOffset) ?? readBlocksWithMarkdownIt(body, lineOffset);
}

/** markdown-it's reading: the reference the plain-body reader is tested against. */
export function readBlocksWithMarkdownIt(body: string, lineOffset: number): BlockStructure {
  const { normalizing, plain } = markdownParsers();
  const tokens = (needsNormalizing(body) ? normalizing : plain).parse(body, {});
  const headings: BlockHeading[] = [];
  const codeRegions: LineRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.map) continue;
    if (token.type === 'heading_open') {
      headings.push({ level: Number(token.tag.slice(1)), line: token.map[0] + lineOffset, text: tokens[i + 1]?.content ?? '' });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      codeRegions.push({ startLine: token.map[0] + lineOffset, endLine: token.map[1] - 1 + lineOffset });
    }
  }
  return { headings, codeRegions };
}
