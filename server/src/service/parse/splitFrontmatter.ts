// Splits the frontmatter block from the body with gray-matter, called so that it
// can never run file content: every engine it knows (yaml, json, javascript) is
// replaced by one that returns nothing, because we parse the YAML ourselves with
// positions. Options are always passed, which also keeps gray-matter from filling
// its unbounded content-keyed cache.
import matter from 'gray-matter';

export interface FrontmatterSplit {
  /** Offset of the first character after the opening `---` and its language tag. */
  contentStart: number;
  /** Offset where the YAML ends (start of the newline before the closing `---`). */
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
} as const;

export function splitFrontmatter(text: string, bomLength: number): FrontmatterSplit | undefined {
  const source = text.slice(bomLength);
  if (!source.startsWith('---') || source.charAt(3) === '-') return undefined;
  // The language tag, such as `js` in `---js`; Claude Code reads only untagged YAML.
  const tag = /^---([^\r\n]*)/.exec(source)![1];
  let matterLength: number | undefined;
  try {
    matterLength = (matter(source, SAFE_OPTIONS as never) as unknown as { matter: string }).matter.length;
  } catch {
    // An unregistered tag such as `---coffee`: gray-matter refuses it before parsing.
  }
  return describe(text, bomLength, tag.trim(), tag.length, matterLength);
}

function describe(
  text: string,
  bomLength: number,
  language: string,
  tagLength: number,
  matterLength?: number,
): FrontmatterSplit {
  const contentStart = bomLength + 3 + tagLength;
  const closeIndex = findClose(text, contentStart);
  let contentEnd = matterLength !== undefined && text[closeIndex] === '\n' ? contentStart + matterLength : closeIndex;
  // With CRLF the "\n---" close leaves the line's "\r" in the YAML: it is a line break, not content.
  if (contentEnd > contentStart && text[contentEnd - 1] === '\r') contentEnd--;
  if (closeIndex < 0) {
    return { contentStart, contentEnd: text.length, blockEnd: text.length, closed: false, language };
  }
  let blockEnd = closeIndex + 4; // "\n---"
  while (blockEnd < text.length && text[blockEnd] !== '\n' && text[blockEnd] !== '\r') blockEnd++;
  if (text[blockEnd] === '\r') blockEnd++;
  if (text[blockEnd] === '\n') blockEnd++;
  return { contentStart, contentEnd, blockEnd, closed: true, language };
}

/**
 * gray-matter closes the block at the first "\n---"; mirror that to get offsets. A
 * file with lone CR line endings closes it at "\r---" (gray-matter sees no close
 * there, but LSP positions, Markdown and YAML all take a lone CR as a line break).
 */
function findClose(text: string, from: number): number {
  const lf = text.indexOf('\n---', from);
  const cr = text.indexOf('\r---', from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}
