// splitFrontmatter hands gray-matter only the text up to the first "\n---" after the
// opening line; the block it finds must be the one gray-matter finds in the whole text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { allSeeds, corpusFiles } from '../../support/fixtures';

const inert = { parse: () => ({}), stringify: () => '' };
const OPTIONS = { engines: { yaml: inert, yml: inert, json: inert, javascript: inert, js: inert } };

/** The YAML block gray-matter finds in the whole text (undefined: it refuses the tag). */
function wholeTextBlock(text: string): string | undefined {
  try {
    return (matter(text, OPTIONS as never) as unknown as { matter: string }).matter;
  } catch {
    return undefined;
  }
}

describe('splitFrontmatter and gray-matter', () => {
  const texts = [
    ...[...allSeeds(), ...corpusFiles()].map((f) => f.text),
    '---\n---\nbody\n---\n',
    '---   \nname: a\n---\n',
    '---js\nname: a\n---\n',
    '---\nname: a\n--- trailing\nbody',
    '---\nname: a\nno close\n',
    '---\r\nname: a\r\n---\r\nbody\r\n---\r\n',
  ];

  it('closes where gray-matter closes on the whole text, for every seed, corpus file and edge case', () => {
    let compared = 0;
    for (const text of texts) {
      const split = splitFrontmatter(text, 0);
      const block = wholeTextBlock(text);
      if (!split || block === undefined) continue;
      const close = split.contentStart + block.length;
      // Where gray-matter's block ends at "\n---", the split closes there (less a CRLF's "\r").
      if (!text.startsWith('\n---', close)) continue;
      assert.equal(split.closed, true, text.slice(0, 80));
      assert.equal(split.contentEnd, text[close - 1] === '\r' ? close - 1 : close, text.slice(0, 80));
      compared++;
    }
    assert.ok(compared > 700, `compared ${compared}`);
  });
});
