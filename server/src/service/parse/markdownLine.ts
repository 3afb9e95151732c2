// One line of a Markdown body as markdown-it's block rules read it: blanks and ATX
// headings. Shared by the line readers (plainBlocks.ts, lineBlocks.ts).

export const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text[i])) return false;
  return true;
}

/** markdown-it's heading rule on one line (indented at most three spaces). */
export function atxHeading(text: string): { level: number; text: string } | undefined {
  let pos = 0;
  while (text[pos] === ' ') pos++;
  if (text[pos] !== '#') return undefined;
  let level = 0;
  while (text[pos] === '#' && level <= 6) {
    level++;
    pos++;
  }
  if (level > 6 || (pos < text.length && !isSpace(text[pos]))) return undefined;
  // Cut a closing sequence: `## Title ##`.
  let max = text.length;
  while (max > pos && isSpace(text[max - 1])) max--;
  let hashes = max;
  while (hashes > pos && text[hashes - 1] === '#') hashes--;
  if (hashes > pos && isSpace(text[hashes - 1])) max = hashes;
  return { level, text: trimBlanks(text.slice(pos, max)) };
}

/** markdown-it's `asciiTrim`: spaces, tabs and line breaks at both ends (a U+00A0 stays). */
export function trimBlanks(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmable(s[start])) start++;
  while (end > start && isTrimmable(s[end - 1])) end--;
  return s.slice(start, end);
}

const isTrimmable = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
