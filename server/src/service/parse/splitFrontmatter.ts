// Splits the frontmatter from the body exactly as Claude Code does: the file must
// start with `---` (after a BOM), the opening line may hold only blanks after it,
// and the frontmatter ends at the first `---` after that line, wherever it stands:
// Claude Code's match is not anchored to a line, so `a --- b` inside a value, or an
// indented `  ---`, ends the frontmatter there.

export interface FrontmatterSplit {
  /** Offset of the first character after the opening line. */
  contentStart: number;
  /** Offset where the YAML ends: the line break before a closing `---` line, or the `---` itself. */
  contentEnd: number;
  /** Offset right after the closing `---` (and, when it ends its line, the blanks and line break after it), or text length. */
  blockEnd: number;
  closed: boolean;
  /** Text after the opening `---` on its line, such as `js` in `---js`; Claude Code then reads no frontmatter. */
  language: string;
  /** Set when the `---` that ends the frontmatter is not a line of its own. */
  earlyClose?: { at: number };
}

const OPENING = /^---([^\r\n]*)(\r\n|\r|\n|$)/;

export function splitFrontmatter(text: string, bomLength: number): FrontmatterSplit | undefined {
  const source = bomLength ? text.slice(bomLength) : text;
  if (!source.startsWith('---') || source.charAt(3) === '-') return undefined;
  const opening = OPENING.exec(source)!;
  const language = opening[1].trim();
  const contentStart = bomLength + opening[0].length;
  if (language || !opening[2]) return { contentStart, contentEnd: text.length, blockEnd: text.length, closed: false, language };
  const close = text.indexOf('---', contentStart);
  if (close < 0) return { contentStart, contentEnd: text.length, blockEnd: text.length, closed: false, language };
  let after = close + 3;
  while (text[after] === ' ' || text[after] === '\t') after++;
  const endsLine = after === text.length || text[after] === '\n' || text[after] === '\r';
  const startsLine = close === contentStart || text[close - 1] === '\n' || text[close - 1] === '\r';
  if (!(startsLine && endsLine)) return { contentStart, contentEnd: close, blockEnd: close + 3, closed: true, language, earlyClose: { at: close } };
  if (text[after] === '\r') after++;
  if (text[after] === '\n' && text[after - 1] !== '\n') after++;
  let contentEnd = close;
  if (contentEnd > contentStart && text[contentEnd - 1] === '\n') contentEnd--;
  if (contentEnd > contentStart && text[contentEnd - 1] === '\r') contentEnd--;
  return { contentStart, contentEnd, blockEnd: after, closed: true, language };
}
