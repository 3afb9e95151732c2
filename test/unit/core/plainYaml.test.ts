// The fast frontmatter reader gives exactly what the yaml package gives, wherever it
// reads at all: every corpus and seed file, and variants that exercise its edges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFrontmatterYaml, readWithYaml } from '../../../server/src/service/parse/frontmatterYaml';
import { readPlainYaml } from '../../../server/src/service/parse/plainYaml';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { allSeeds, corpusFiles } from '../../support/fixtures';

const variants = (t: string) => [
  t,
  t.replace(/\n/g, '  \n'),
  t.replace(/^(\w+): (.*)$/gm, "$1: '$2'"),
  t.replace(/^(\w+): (.*)$/gm, '$1: "$2"'),
  t.replace(/\n {2}- /g, '\n- '),
  t.replace(/^(\w+): .*$/gm, '$1:'),
  t.replace(/\n---/, '  \n---'),
  t.replace(/^color: .*/m, 'color: yes'),
  t.replace(/^model: .*/m, 'model: 3.5'),
  t.replace(/^name: .*/m, 'name: "a\\u00e9\\x41\\U0001F600\\_"'),
  t.replace(/^name: .*/m, "name: 'it''s'  "),
  t.replace(/^tools: .*/m, 'tools:\n  - Read\n  - "Wr\\"ite"  \n\n  - Grep'),
  t.replace(/^description: .*/m, 'description: True'),
];

describe('plain frontmatter reader', () => {
  it('reads what the yaml package reads, or leaves the file to it', () => {
    let plain = 0;
    let total = 0;
    for (const { text: original } of [...allSeeds(), ...corpusFiles()]) {
      for (const text of variants(original)) {
        const split = splitFrontmatter(text, 0);
        if (!split?.closed || split.language) continue;
        const span = { start: split.contentStart, end: split.contentEnd };
        const source = text.slice(span.start, span.end).replace(/\r(?!\n)/g, '\n');
        total++;
        if (!readPlainYaml(source, span.start, () => [])) continue;
        plain++;
        assert.deepStrictEqual(readFrontmatterYaml(text, span), readWithYaml(text, source, span), source.slice(0, 200));
      }
    }
    assert.ok(plain > total / 2, `${plain} of ${total} read plainly`);
  });

  it('leaves comments, tabs, numbers, booleans, flow and block scalars, anchors and odd keys to the yaml package', () => {
    for (const source of ['a: b # c', 'a: 1', 'a: true', 'a: [b]', 'a: |\n  b', 'a: &x b', 'a: *x', 'a:\tb', '"a": b', 'a: b\n  c', 'a:b', 'a: b: c', '- a', 'a: "b\\q"', 'a: \u00a0b', 'True: x', 'a:\n  - b\n  c: d']) {
      assert.equal(readPlainYaml(source, 0, () => []), undefined, source);
    }
  });
});
