// The line-by-line reader of plain bodies against markdown-it, the reference: the
// same headings and code regions on every seed and corpus file, on the fuzz inputs
// and on bodies at the edge of what the plain reader takes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBlocks, readBlocksWithMarkdownIt } from '../../../server/src/service/parse/markdownBlocks';
import { readPlainBlocks } from '../../../server/src/service/parse/plainBlocks';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { assertFuzzAgrees, fixturesTaken } from '../../support/fastPath';
import { BLOCK_EDGES } from '../../support/markdownEdges';

/** Compares both readings of the body (and of the whole text); true when the plain reader took the body. */
function agrees(text: string, label: string): boolean {
  const split = splitFrontmatter(text, bomLengthOf(text));
  const body = split?.closed ? text.slice(split.blockEnd) : text;
  assert.deepEqual(readBlocks(body, 7), readBlocksWithMarkdownIt(body, 7), label);
  assert.deepEqual(readBlocks(text, 0), readBlocksWithMarkdownIt(text, 0), `${label} (whole text)`);
  return readPlainBlocks(body, 7) !== undefined;
}

describe('plain body reader', () => {
  it('reads every seed and corpus file as markdown-it does, and takes many of them', () => {
    const { taken, total } = fixturesTaken(agrees);
    assert.ok(taken > total / 4, `the plain reader took ${taken} of ${total} files`);
  });

  it('reads bodies at the edge of what it takes as markdown-it does', () => {
    const plain = BLOCK_EDGES.filter((text) => agrees(text, JSON.stringify(text))).length;
    assert.ok(plain >= 10 && plain < BLOCK_EDGES.length, `the plain reader took ${plain} of ${BLOCK_EDGES.length}`);
  });

  it('reads the fuzz inputs as markdown-it does', () => {
    assertFuzzAgrees(agrees, 'plain reader');
  });
});
