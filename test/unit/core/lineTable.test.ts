// The index's line table against TextDocument's, the reference: the same line count,
// offsets and positions on texts of LF, CRLF and lone CR lines, at every offset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from '../../../server/src/service/text/lineTable';
import { allSeeds } from '../../support/fixtures';

function assertSameLines(text: string, label: string): void {
  const table = new LineTable(text);
  const doc = TextDocument.create('file:///a.md', 'markdown', 0, text);
  assert.equal(table.lineCount, doc.lineCount, label);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(table.positionAt(offset), doc.positionAt(offset), `${label} at ${offset}`);
  for (let line = -1; line <= doc.lineCount; line++) {
    for (const character of [-1, 0, 1, 2, 3, 1000]) assert.equal(table.offsetAt({ line, character }), doc.offsetAt({ line, character }), `${label} at ${line}:${character}`);
  }
}

describe('line table', () => {
  it('gives the positions TextDocument gives, with every kind of line break', () => {
    for (const text of ['', 'a', '\n', '\r', '\r\n', '\n\r', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\r\r\n\n', 'ab\n\ncd\r\n\r\ref']) assertSameLines(text, JSON.stringify(text));
  });

  it('gives the positions TextDocument gives on generated texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\u00e9', '\ud83d\udccc'), { maxLength: 30 }), (parts) => assertSameLines(parts.join(''), JSON.stringify(parts))),
      { seed: 20_261_201, numRuns: 500 },
    );
  });

  it('gives the positions TextDocument gives on the seeds, with LF and CRLF', () => {
    for (const seed of allSeeds()) {
      const lf = seed.text.replace(/\r\n?/g, '\n').slice(0, 3000);
      assertSameLines(lf, seed.name);
      assertSameLines(lf.replace(/\n/g, '\r\n'), `${seed.name} (CRLF)`);
    }
  });
});
