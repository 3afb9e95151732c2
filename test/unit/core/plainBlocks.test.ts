// The line-by-line reader of plain bodies against markdown-it, the reference: the
// same headings and code regions on every seed and corpus file, on the fuzz inputs
// and on bodies at the edge of what the plain reader takes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBlocks, readBlocksWithMarkdownIt } from '../../../server/src/service/parse/markdownBlocks';
import { readPlainBlocks } from '../../../server/src/service/parse/plainBlocks';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import fc from 'fast-check';
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

/** Pieces of lines that make, break or come near what the reader takes: fences (indented, in items, unclosed), lists, quotes, breaks, underlines, indented text and code, tabs. */
const PIECES = [
  '```',
  '```js',
  '````',
  '``` a`b',
  '~~~',
  '~~~~ x',
  '# H',
  '## H ##',
  '#x',
  'text',
  '**bold**',
  'a `b` c',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '-',
  '1.',
  '- ```',
  '- ~~~',
  '- # H',
  '- - x',
  '- 1. x',
  '> quote',
  '>',
  '> # H',
  '> - x',
  '> ```',
  '>> x',
  '- > q',
  '1. >5 x',
  '---',
  '***',
  '* * *',
  '- - -',
  '___',
  '===',
  '-',
  '',
  ' ',
  'code',
  '\tx',
  'a\tb',
  '<div>',
  '| a |',
  '[r]: /u',
];
const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t'];
const generatedBody = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...PIECES)), { maxLength: 24 }), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, separator, finalBreak]) => lines.map(([indent, piece]) => indent + piece).join(separator) + (finalBreak ? separator : ''));

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

  it('reads generated bodies of fences, lists, quotes, breaks and indented lines as markdown-it does, and takes many', () => {
    let taken = 0;
    fc.assert(
      fc.property(generatedBody, (body) => {
        assert.deepEqual(readBlocks(body, 3), readBlocksWithMarkdownIt(body, 3), JSON.stringify(body));
        if (readPlainBlocks(body, 3)) taken++;
      }),
      { seed: 20_261_202, numRuns: 10_000 },
    );
    assert.ok(taken > 1_000, `the plain reader took ${taken} of 10,000`);
  });
});
