// Bodies with and without CR or NUL take different markdown-it parsers (with and without
// its normalize rule): the structure they give must not depend on the line endings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBlocks } from '../../../server/src/service/parse/markdownBlocks';
import { allSeeds } from '../../support/fixtures';

describe('readBlocks', () => {
  for (const seed of allSeeds()) {
    it(`gives seed ${seed.name} the same headings and code regions with LF, CRLF and lone CR`, () => {
      const lf = seed.text.replace(/\r\n?/g, '\n');
      const expected = readBlocks(lf, 3);
      assert.ok(expected.headings.length > 0);
      assert.deepEqual(readBlocks(lf.replace(/\n/g, '\r\n'), 3), expected);
      assert.deepEqual(readBlocks(lf.replace(/\n/g, '\r'), 3), expected);
    });
  }

  it('reads a NUL as a replacement character, not as the end of a heading', () => {
    assert.deepEqual(readBlocks('# A\0B\n\n```\ncode\n```\n', 0), {
      headings: [{ level: 1, line: 0, text: 'A\uFFFDB' }],
      codeRegions: [{ startLine: 2, endLine: 4 }],
    });
  });
});
