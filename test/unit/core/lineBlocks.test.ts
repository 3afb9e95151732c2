// The index's line reader of bodies (lists, fences, setext headings) against markdown-it,
// the reference: the same headings and code regions on every seed and corpus file, on the
// fuzz inputs, on generated bodies and on bodies at the edge of what the reader takes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readBlocksWithMarkdownIt } from '../../../server/src/service/parse/markdownBlocks';
import { readLineBlocks } from '../../../server/src/service/parse/lineBlocks';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { assertFuzzAgrees, fixturesTaken } from '../../support/fastPath';
import { BLOCK_EDGES, withFrontmatter } from '../../support/markdownEdges';

/** Compares both readings of the body (and of the whole text) where the line reader gives one; true when it took the body. */
function agrees(text: string, label: string): boolean {
  const split = splitFrontmatter(text, bomLengthOf(text));
  const body = split?.closed ? text.slice(split.blockEnd) : text;
  const whole = readLineBlocks(text, 0);
  if (whole) assert.deepEqual(whole, readBlocksWithMarkdownIt(text, 0), `${label} (whole text)`);
  const read = readLineBlocks(body, 7);
  if (read) assert.deepEqual(read, readBlocksWithMarkdownIt(body, 7), label);
  return read !== undefined;
}

/** More edges: thematic breaks and underlines. */
const EDGES = [...BLOCK_EDGES, ...['---\n---\n# A\n', '***\n===\n', 'Text\n***\n---\n', 'Text\n___\n---\n', '_ _ _\n---\n', '-- -\n---\n', '**\n---\n', '- a\n\n  ***\n---\n', '___x\n---\n'].map(withFrontmatter)];

/** Fenced code the line reader takes (and must read as markdown-it does), at the top level and in list items. */
const TAKEN_FENCES = [
  '```\n# no\n```\n# A\n',
  '```bash\nnpm test\n```\n',
  '``` js title="x"\n# no\n```\n',
  '~~~\n# no\n~~~\n# A\n',
  '~~~ a~b `x`\n# no\n~~~\n',
  '```\n# no\n',
  '```',
  '```\n',
  '```\n\n\n',
  '```\n  ',
  '```\nx\n \t',
  '~~~\n# no\n```\n# still code\n',
  '```\n~~~\n# no\n```\n# A\n',
  '````\n```\n# no\n````\n# A\n',
  '```\n# no\n`````\n# A\n',
  '```\n# no\n``\n# still code\n',
  '```\n   ```\n# A\n',
  '```\n    ```\n# still code\n',
  '```\n\t```\n# still code\n',
  '```\n  \t```\n# still code\n',
  '```\n``` x\n# still code\n',
  '```\n```  \t\n# A\n',
  '```\n```\n```\n',
  '```\n```\n===\n',
  '```\n```\n---\n# A\n',
  'Para\n```\ncode\n```\n===\n',
  '# A\n```\n    indented\n\ttab\n> quote\n- item\n===\n```\n',
  '- item\n```\n# no\n```\n- item\n',
  '1. step\n```\ncode\n```\n2. step\n',
  '``\n# A\n',
  '~~\n# A\n',
  'text ```not a fence```\n# A\n',
  '#```\n```\n# no\n',
  '1. step\n   ```bash\n   x\n```\n# A\n',
  '- item\n  ```\n  # no\n  ```\n',
  '   ~~~\n# no\n~~~\n',
  ' ```\n# no\n```\n',
].map(withFrontmatter);

/** Fences it leaves to markdown-it: indented code, first in a list item, in a quote, not a fence after all, CR. */
const LEFT_FENCES = ['```x`y\n# A\n', '    ```\n# A\n', '- ```\n  # no\n  ```\n', '> ```\n> # no\n> ```\n', '> quote\n```\n# no\n```\n', '```\r\n# no\r\n```\r\n'].map(withFrontmatter);

/** Lines that open, close or sit in fences and lists, at and around the edges of their rules. */
const BODY_LINES = [
  ...['```', '```js', '````', '~~~', '~~~~ x', '   ```', '  ```', '    ```', '     ```', '``` x', '```  ', '\t```', '``', '```a`b'],
  ...['# A', '## B ##', '  # B', '    # C', '      # D', 'text', '  text', '    text', '      text', '', '  ', '  x\ty', '\tx', '  \tx'],
  ...['- item', '  - item', '    - item', '      - item', '* star', '+ plus', '1. one', '2. two', '10) ten', '   1. one', '     - deep', '-', '- ', '1.', '-    five', '- # h', '- ```', '- a\tb'],
  ...['===', '---', '  ---', '    ---', '  =', '***', '___', '- - -', '> q', '  > q', '**Rule 1: A**', 'Cross-Agent Validation'],
];

/** Lists the line reader takes (and must read as markdown-it does): nesting, continuation lines, fences and headings in items. */
const TAKEN_LISTS = [
  '- a\n    - b\n        - c\n# H\n',
  '1. a\n   - b\n     - c\n\n     text\n# H\n',
  '- a\nlazy\n  - b\n# H\n',
  'text\n    more\n# H\n',
  '- a\n      deep continuation\n# H\n',
  'text\n2. not a list\n# H\n',
  'text\n1. a list\n# H\n',
  '- a\n  2. not a list\n',
  '- a\n10. ends the item\n',
  'text\n* \n',
  '1.   a\n    - continuation\n',
  '- a\n\n  # in the item\n',
  '- a\n # after the item\n',
  '- a\n\n    text in the item\n',
  '- a\n  ```\n  code\nends the fence\n  ```\n',
  '1. a\n   - b\n\n     ```\n     x\n    y\n     ```\n',
  '- a\n  ```\n\n  code\n\n  ```\n# H\n',
  '- a\n   ```\n  ```\n',
  '- a\n  ```\n      ```\n',
  '* a\n+ b\n- c\n1) d\n2. e\n',
  '- a\n\n- b\n\n  c\n',
  '- a\n***\n- b\n',
  '- a\n  ***\n  ---\n',
  '  - a\n # H\n',
].map(withFrontmatter);

/** Lists left to markdown-it: indented code in or after an item, empty items, items that start with a block, underlines, tabs. */
const LEFT_LISTS = [
  '- a\n\n      code\n',
  'text\n- \n',
  '- a\n  - b\n\n        code\n',
  '-\n  a\n',
  '- \n',
  '1.\n',
  '- a\n  ---\n',
  '- a\n  ===\n',
  '- a\nlazy\n---\n',
  'Para\n1. a\n---\n',
  '- a\n\t- b\n',
  '- a\n  \tb\n',
  '- - a\n',
  '- * * *\n',
  '-     code\n',
  '1. > quote\n',
].map(withFrontmatter);

/** Setext headings of top-level paragraphs, which the line reader takes (and must read as markdown-it does). */
const TAKEN_SETEXT = [
  'Para\n===\n',
  'Para\n---\n# H\n',
  '**Rule 1: A**\n---\n',
  'Two\nlines\n===\n',
  'Two\n    indented\n---\n',
  'Para\n   ---   \n',
  'Para  \n  ===\n',
  ' Para \t\n=\n',
  'Para\n    ---\n',
  'Para\n\n---\n',
  'Para\n- - -\n',
  'Para\n***\n---\n',
  '# H\nPara\n---\n',
  '## H\n---\n',
  '```\ncode\n```\n---\n',
  '- a\n\nPara\n---\n',
  'Para\n===\n===\n',
  'Para \u00a0\n---\n',
  '---\nPara\n---\n',
  'a\n---\nb\n===\n',
  'Cross-Agent Validation\n---\n- **x**: y\n',
].map(withFrontmatter);

describe('line reader of bodies', () => {
  it('reads every seed and corpus file as markdown-it does, and takes most of them', () => {
    const { taken, total } = fixturesTaken(agrees);
    assert.ok(taken > (total * 95) / 100, `the line reader took ${taken} of ${total} files`);
  });

  it('reads bodies at the edge of what it takes as markdown-it does', () => {
    const plain = EDGES.filter((text) => agrees(text, JSON.stringify(text))).length;
    assert.ok(plain >= 10 && plain < EDGES.length, `the line reader took ${plain} of ${EDGES.length}`);
  });

  it('reads setext headings of top-level paragraphs as markdown-it does', () => {
    const missed = TAKEN_SETEXT.filter((text) => !agrees(text, JSON.stringify(text)));
    assert.deepEqual(missed, [], 'setext headings the line reader must take');
  });

  it('reads fenced code as markdown-it does, and leaves the rest to it', () => {
    const missed = TAKEN_FENCES.filter((text) => !agrees(text, JSON.stringify(text)));
    assert.deepEqual(missed, [], 'fences the line reader must take');
    for (const text of LEFT_FENCES) agrees(text, JSON.stringify(text));
  });

  it('reads lists as markdown-it does, and leaves the rest to it', () => {
    const missed = TAKEN_LISTS.filter((text) => !agrees(text, JSON.stringify(text)));
    assert.deepEqual(missed, [], 'lists the line reader must take');
    for (const text of LEFT_LISTS) agrees(text, JSON.stringify(text));
  });

  it('reads bodies made of fences, lists, headings and text as markdown-it does', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 16 }), fc.boolean(), (lines, finalBreak) => {
        if (agrees(withFrontmatter(lines.join('\n') + (finalBreak ? '\n' : '')), JSON.stringify(lines))) taken++;
      }),
      { seed: 20_261_201, numRuns: 3000 },
    );
    assert.ok(taken > 1000, `the line reader took ${taken} of 3000`);
  });

  it('reads the fuzz inputs as markdown-it does', () => {
    assertFuzzAgrees(agrees, 'line reader');
  });
});
