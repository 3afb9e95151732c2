// An esbuild plugin that writes the bundles as pure ASCII. esbuild escapes non-ASCII
// characters in strings but leaves them in comments and regular expression literals, and one
// such character makes Node decode the whole file as UTF-8 into a two-byte string: for the
// 1.5 MB server bundle, read at every start, several times slower than an ASCII file (and
// twice the memory). Each non-ASCII UTF-16 unit becomes its \u escape, which means the same
// in a string, a template's value, a regular expression (with or without the u flag: an
// escaped surrogate pair is one code point there) and an identifier, and is text in a comment.
// It would change a template's raw text (String.raw), which no bundled code has ahead of such a
// character; an escaped non-ASCII character or a line separator cannot be rewritten so, and
// fails the build. Source maps stay right but for the columns after an escape on its line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `text` with every non-ASCII UTF-16 unit written as a \uXXXX escape. */
export function escapeNonAscii(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (match, slashes, unit, offset) => {
    if (slashes.length % 2 === 1 || unit === '\u2028' || unit === '\u2029') {
      throw new Error(`asciiOutput: cannot escape U+${unit.charCodeAt(0).toString(16)} at offset ${offset}: ${JSON.stringify(text.slice(Math.max(0, offset - 40), offset + 40))}`);
    }
    return `${slashes}\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Writes the build's output files (the build runs with write: false), its .js files escaped. */
export const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.path.endsWith('.js') ? escapeNonAscii(file.text) : file.contents);
      }
    });
  },
};
