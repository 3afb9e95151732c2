// Block structure of the body from markdown-it: headings and code regions with
// line maps, so a `#` line or a `**Rule 1:**` inside a code fence is not structure.
// Only the block pass runs; inline parsing is not needed for any feature.
import MarkdownIt from 'markdown-it';
import type { CodeRegion } from '../types';

const md = new MarkdownIt('default', { html: false });
md.core.ruler.enableOnly(['normalize', 'block']);
// Tables and link reference definitions never hold headings, rules or code: skip their costly scans.
md.block.ruler.disable(['table', 'reference']);
md.block.ruler.at('paragraph', paragraphLines);

type BlockRule = Parameters<typeof md.block.ruler.at>[1];
type StateBlock = Parameters<BlockRule>[0];

export interface BlockHeading {
  level: number;
  /** 0-based line within the parsed text. */
  line: number;
  text: string;
}

export interface BlockStructure {
  headings: BlockHeading[];
  codeRegions: CodeRegion[];
}

export function readBlocks(body: string, lineOffset: number): BlockStructure {
  const tokens = md.parse(body, {});
  const headings: BlockHeading[] = [];
  const codeRegions: CodeRegion[] = [];
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

/**
 * markdown-it's paragraph rule (v15) without the paragraph's text: it joined every
 * paragraph's lines into a string for the inline pass, which does not run here, and
 * that was the largest allocation of a parse. Same lines, same tokens (the inline
 * token's content is empty).
 */
function paragraphLines(state: StateBlock, startLine: number, endLine: number): boolean {
  const terminatorRules = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  let nextLine = startLine + 1;
  state.parentType = 'paragraph';
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    // Lines indented 4+ past the block continue it (lazy), as do lines inside a blockquote's laziness.
    if (state.sCount[nextLine] - state.blkIndent > 3 || state.sCount[nextLine] < 0) continue;
    if (terminatorRules.some((rule) => rule(state, nextLine, endLine, true))) break;
  }
  state.line = nextLine;
  state.push('paragraph_open', 'p', 1).map = [startLine, nextLine];
  const inline = state.push('inline', '', 0);
  inline.content = '';
  inline.map = [startLine, nextLine];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.parentType = oldParentType;
  return true;
}
