// Texts of LF, CRLF and lone CR lines on which the readers of positions (lineTable.ts,
// lineDocument.ts) are compared with TextDocument, the reference.
import fc from 'fast-check';
import { allSeeds } from './fixtures';

/** Every kind of line break, alone and mixed. */
const LINE_BREAK_EDGES = ['', 'a', '\n', '\r', '\r\n', '\n\r', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\r\r\n\n', 'ab\n\ncd\r\n\r\ref'];

/** Generated texts of words, spaces, line breaks and characters outside ASCII. */
const generatedLineText = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\u00e9', '\ud83d\udccc'), { maxLength: 30 }).map((parts) => parts.join(''));

/** Runs `check` on every kind of line break, on 500 generated texts and on the start of each seed with LF and with CRLF. */
export function checkLineTexts(check: (text: string, label: string) => void): void {
  for (const text of LINE_BREAK_EDGES) check(text, JSON.stringify(text));
  fc.assert(
    fc.property(generatedLineText, (text) => check(text, JSON.stringify(text))),
    { seed: 20_261_201, numRuns: 500 },
  );
  for (const seed of allSeeds()) {
    const lf = seed.text.replace(/\r\n?/g, '\n').slice(0, 2000);
    check(lf, seed.name);
    check(lf.replace(/\n/g, '\r\n'), `${seed.name} (CRLF)`);
  }
}
