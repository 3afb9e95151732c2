// The index's line table against TextDocument's, the reference: the same line count,
// offsets and positions on texts of LF, CRLF and lone CR lines, at every offset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineTable } from '../../../server/src/service/text/lineTable';
import { checkLineTexts } from '../../support/lineTexts';

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
  it('gives the positions TextDocument gives: every kind of line break, generated texts, the seeds with LF and CRLF', () => {
    checkLineTexts(assertSameLines);
  });
});
