// Splits the frontmatter block from the body: an opening `---` line (with an optional
// language tag such as `---js`), closed by the first following line that starts with
// `---`. Only offsets: the YAML is parsed elsewhere, with positions, and nothing in the
// block is ever run. (gray-matter did this split once: it cost a copy of every file
// into a Buffer, and after a whitespace-only tag (`--- `) it put the closing line in the YAML.)

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

export function splitFrontmatter(text: string, bomLength: number): FrontmatterSplit | undefined {
  const source = text.slice(bomLength);
  if (!source.startsWith('---') || source.charAt(3) === '-') return undefined;
  // The language tag, such as `js` in `---js`; Claude Code reads only untagged YAML.
  const tag = /^---([^\r\n]*)/.exec(source)![1];
  return describe(text, bomLength, tag.trim(), tag.length);
}

function describe(
  text: string,
  bomLength: number,
  language: string,
  tagLength: number,
): FrontmatterSplit {
  const contentStart = bomLength + 3 + tagLength;
  const closeIndex = findClose(text, contentStart);
  let contentEnd = closeIndex;
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
 * The block closes at the first "\n---" (as gray-matter and Claude Code close it), or
 * "\r---" in a file with lone CR line endings (LSP positions, Markdown and YAML all
 * take a lone CR as a line break).
 */
function findClose(text: string, from: number): number {
  const lf = text.indexOf('\n---', from);
  const cr = text.indexOf('\r---', from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}
