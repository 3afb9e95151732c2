// Splits the frontmatter block from the body with gray-matter, called so that it
// can never run file content: every engine it knows (yaml, json, javascript) is
// replaced by one that returns nothing, because we parse the YAML ourselves with
// positions. Options are always passed, which also keeps gray-matter from filling
// its unbounded content-keyed cache.
import matter from 'gray-matter';

export interface FrontmatterSplit {
  /** Offset of the first character after the opening `---` and its language tag. */
  contentStart: number;
  /** Offset where the YAML ends (start of the line break before the closing `---`). */
  contentEnd: number;
  /** Offset right after the closing `---` line (including its line break), or text length. */
  blockEnd: number;
  closed: boolean;
  language: string;
}

const inert = { parse: () => ({}), stringify: () => '' };
const SAFE_OPTIONS = {
  excerpt: false,
  engines: { yaml: inert, yml: inert, json: inert, javascript: inert, js: inert },
};

export function splitFrontmatter(text: string, bomLength: number): FrontmatterSplit | undefined {
  const source = text.slice(bomLength);
  if (!source.startsWith('---') || source.charAt(3) === '-') return undefined;
  // The language tag, such as `js` in `---js`; Claude Code reads only untagged YAML.
  const tag = /^---([^\r\n]*)/.exec(source)![1];
  const language = tag.trim();
  // gray-matter keeps a whitespace-only tag in the block it returns.
  const contentStart = bomLength + 3 + (language ? tag.length : 0);
  const matterLength = grayMatterBlockLength(source);
  // gray-matter reads the language tag up to the first "\n": in a lone-CR file that is
  // the whole text, so its block is trusted only where it really ends at "\n---".
  const found = matterLength === undefined ? -1 : contentStart + matterLength;
  const close = found >= 0 && text.startsWith('\n---', found) ? found : loneCrClose(text, contentStart);
  if (close < 0) return { contentStart, contentEnd: text.length, blockEnd: text.length, closed: false, language };
  // With CRLF the close leaves the line's "\r" in the block: it is a line break, not content.
  const contentEnd = close > contentStart && text[close - 1] === '\r' ? close - 1 : close;
  let blockEnd = close + 4; // the line break and "---"
  while (blockEnd < text.length && text[blockEnd] !== '\n' && text[blockEnd] !== '\r') blockEnd++;
  if (text[blockEnd] === '\r') blockEnd++;
  if (text[blockEnd] === '\n') blockEnd++;
  return { contentStart, contentEnd, blockEnd, closed: true, language };
}

/** Length of the block gray-matter finds (up to its closing "\n---"); undefined if it refuses the tag. */
function grayMatterBlockLength(source: string): number | undefined {
  // gray-matter closes the block at the first "\n---" after the opening line, so it gets the
  // text up to there: it looks its whole input up in a cache object and copies it to a Buffer,
  // which for a 50 KB agent cost as much as parsing the frontmatter.
  const firstClose = source.indexOf('\n---', 3);
  const head = firstClose < 0 ? source : source.slice(0, firstClose + 4);
  try {
    return (matter(head, SAFE_OPTIONS as never) as unknown as { matter: string }).matter.length;
  } catch {
    // An unregistered tag such as `---coffee`: gray-matter refuses it before parsing.
    return undefined;
  }
}

/**
 * gray-matter closes only at "\n---"; a file with lone CR line endings closes at
 * "\r---" (LSP positions, Markdown and YAML all take a lone CR as a line break).
 */
function loneCrClose(text: string, from: number): number {
  const lf = text.indexOf('\n---', from);
  const cr = text.indexOf('\r---', from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}
