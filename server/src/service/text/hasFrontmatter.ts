// Whether a text opens with frontmatter. On its own, free of the parsers, so the CLI's light
// entry can tell agent files apart without loading them.

/** 1 when the text starts with a byte order mark, which precedes the frontmatter. */
export function bomLengthOf(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Starts with a `---` frontmatter line (after an optional BOM). */
export function hasFrontmatter(text: string): boolean {
  return text.startsWith('---', bomLengthOf(text));
}
