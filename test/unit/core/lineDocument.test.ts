// A parse's TextDocument on the line table against the library's, the reference: the same
// lines, positions, offsets, line ranges, line ends and text on texts of LF, CRLF and lone CR
// lines, on generated texts and on the seeds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../../server/src/service/text/lineDocument';
import { checkLineTexts } from '../../support/lineTexts';

function assertSameDocument(text: string, label: string): void {
  const ours = new LineDocument('file:///a.md', 'markdown', 3, text);
  const theirs = TextDocument.create('file:///a.md', 'markdown', 3, text);
  assert.deepEqual([ours.uri, ours.languageId, ours.version, ours.lineCount, ours.getText()], [theirs.uri, theirs.languageId, theirs.version, theirs.lineCount, theirs.getText()], label);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${label} at ${offset}`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${label} line ${line}`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${label} line ${line}`);
    for (const character of [-1, 0, 1, 2, 3, 1000]) {
      assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `${label} at ${line}:${character}`);
      const range = { start: { line: Math.max(line - 1, 0), character: 1 }, end: { line, character } };
      assert.equal(ours.getText(range), theirs.getText(range), `${label} text to ${line}:${character}`);
    }
  }
}

describe('line document', () => {
  it('reads as TextDocument does: every kind of line break, generated texts, the seeds with LF and CRLF', () => {
    checkLineTexts(assertSameDocument);
  });
});
