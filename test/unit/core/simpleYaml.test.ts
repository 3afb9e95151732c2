// The fast reader of simple frontmatter against the yaml package, the reference:
// the same fields, spans and values on every seed and corpus file, on the fuzz
// inputs and on values at the edge of what the fast reader takes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFrontmatterYaml, readWithYamlLibrary, strictLineWithYaml } from '../../../server/src/service/parse/frontmatterYaml';
import { parse } from 'yaml';
import { flowList, readSimpleYaml, strictLineValue } from '../../../server/src/service/parse/simpleYaml';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { assertFuzzAgrees, fixturesTaken } from '../../support/fastPath';

function spanOf(text: string) {
  const split = splitFrontmatter(text, 0)!;
  return { start: split.contentStart, end: split.contentEnd };
}

/** Compares both readings of a text's frontmatter; true when the fast reader took it. */
function agrees(text: string, label: string): boolean {
  const bom = bomLengthOf(text);
  const split = splitFrontmatter(text, bom);
  if (!split?.closed || split.language) return false;
  const span = { start: split.contentStart, end: split.contentEnd };
  assert.deepEqual(readFrontmatterYaml(text, span), readWithYamlLibrary(text, span), label);
  let end = span.end;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return readSimpleYaml(text.slice(span.start, end)) !== undefined;
}

/** Compares both readings of `numRuns` generated frontmatters (lists of lines); how many the fast reader took. */
function generatedTaken(frontmatters: fc.Arbitrary<string[]>, numRuns: number): number {
  let taken = 0;
  fc.assert(
    fc.property(frontmatters, (lines) => {
      if (agrees(`---\n${lines.join('\n')}\n---\nbody\n`, JSON.stringify(lines))) taken++;
    }),
    { seed: 20_261_201, numRuns },
  );
  return taken;
}

const EDGES = [
  'name: a\ndescription: b\n',
  'name: a',
  'name: a  \ndescription:   spaced out   \n\n\n',
  'True: x\n',
  'NULL: x\n',
  'a: 1\n',
  'a: 0x1f\n',
  'a: .inf\n',
  'a: ~\n',
  'a: null\n',
  'a: False\n',
  'a: yes\n',
  'a: -x\n',
  'a: - x\n',
  'a: x #c\n',
  'a: x#c\n',
  'a: x:\n',
  'a: x: y\n',
  'a: x:y\n',
  'a: "x"\n',
  'a: "x\\ny"\n',
  'a: "x" y\n',
  "a: 'x'\n",
  "a: 'it''s'\n",
  "a: 'x\n",
  'a: "\n',
  'a: ""\n',
  "a: ''\n",
  'a: [x]\n',
  'a: {x: 1}\n',
  'a: *x\n',
  'a: &x y\n',
  'a: !t x\n',
  'a: |\n  x\n',
  'a: >\n  x\n',
  'a: %x\n',
  'a: @x\n',
  'a: `x`\n',
  'a: x\n  y\n',
  'a: x\n # c\n',
  '# c\na: x\n',
  'a: x\n \nb: y\n',
  'a:\n',
  'a: \n',
  'a:x\n',
  'a : x\n',
  ' a: x\n',
  'a: x\tb\n',
  'a: x\r\nb: y\r\n',
  'a: x\u2028y\n',
  'a: x\u0085y\n',
  'a: x\uFEFFy\n',
  'a: 🚀 go\n',
  'a: \uD800x\n',
  'a: x\uDC00\n',
  'a: <example>x</example>\n',
  'a: Use it, [always] {now}\n',
  'a: x\n...\n',
  'a: x\n---\n',
  `${'k'.repeat(300)}: x\n`,
  'a: x\na: y\n',
  'tools: Read, Edit Grep\n',
  'tools: "Read, Agent(a, b)"\n',
  "skills: 'one, two'\n",
  'a: "x\\ty \\"q\\" \\\\ \\/"\n',
  'a: "\\u0041"\n',
  'a: "x\\\n',
  // Strict YAML rejects these; Claude Code's retry quotes the values with `: `.
  'description: Use when: a\nname: b\n',
  'a: x: y\nb: <tag> & more\n',
  'a: x: "y"\n',
  'a: x: y\\z "q"\n',
  'A1: x: y\n',
  'a: x: y:\n',
  'a: x: y\nb: [1, 2]\n',
  'a: x: y\nb: *c\n',
  'a: x: y\nb: 1\n',
  'a: x: y #c\n',
  'a: x: y\n  more\n',
  'a: x: y\r\nb: c\r\n',
  'a: |x: y\n',
  // Block lists, keys with no value, comment lines, plain values starting with a digit.
  'tools:\n- Read\n- Write\nmodel: x\n',
  'tools:\n  - Read\n  - Write  \n\nmodel: x\n',
  'tools:\n  - "Read"\n  - \'Bash(git:*)\'\n',
  'tools:\n  -   Read\n',
  'tools:\n  - Read, Edit\n  - Agent(a, b)\n',
  'skills:\n  - one\n  - two\n',
  'a:\n  - x\nb:\n  - y\n',
  'a:\n  - "x\\n"\n',
  'True:\n  - x\n',
  'a:\n- x\n  - y\n',
  'a:\n  - x\n - y\n',
  'a:\n  - x\n    more\n',
  'a:\n  - x: y\n',
  'a:\n  - x #c\n',
  'a:\n  -\n',
  'a:\n  - \n',
  'a:\n  - - x\n',
  'a:\n  - true\n',
  'a:\n  - 1\n',
  'a:\n\n  - x\n',
  'a:\n# c\n  - x\n',
  'a:\n  - x\n# c\nb: y\n',
  'a:\n  - x\n\n- y\n',
  'a:\n  - x\n  # c\nb: y\n',
  'a:\nb: y\n',
  'a:\n',
  'a:',
  'a:\n# c\nb: y\n',
  'a:\n\n# c\n',
  'a:\n\n\nb: y\n',
  'a:\n\nb: y\n',
  'a:\n  b: c\n',
  'a:  \n',
  'a: x\n# c\n',
  'a: x\n#c: d\n',
  '#\na: x\n',
  'a: 1.0.0\n',
  'a: 3d\n',
  'a: 1e5\n',
  'a: 0o7\n',
  'a: 0x1G\n',
  'a: 2024-01-01\n',
  'a: 1:30\n',
  'a: 1_000\n',
  'a: 12 monkeys\n',
  'a: 1.\n',
  'a: 1e\n',
  'a: +1\n',
  'description: Use when: a\ntools:\n  - Read\n',
  'description: Use when: a\n# c\ntools:\n',
  // Flow lists of words, and others.
  'tools: []\n',
  'tags: [python, data-extraction, v1.2, a/b, x_y]\n',
  'a: [ x ,y ]  \n',
  'a: [x,]\n',
  'a: [,x]\n',
  'a: [x, "y"]\n',
  'a: [x y]\n',
  'a: [true, x]\n',
  'a: [1, x]\n',
  'a: [x, [y]]\n',
  'a: [x\n',
  'a: [x] y\n',
  'tools: [Read, Bash]\n',
  'description: Use when: a\ntags: [x, y]\n',
  'description: Use when: a\ntags: [x, 1]\n',
].map((yaml) => `---\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}---\nbody\n`);

/** Pieces of plain and quoted values, with every YAML indicator. */
const VALUE_PIECES = ['a', 'Use', ' ', ': ', ':', 'x: y', '"', "'", '\\', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '#', ' #', '-', '?', '~', '.', '1', '0x1', 'true', 'null', '<tag>', 'é', '🚀', '\t'];

/** Frontmatter lines around the edges of lists, keys with no value and comments. */
const FRONTMATTER_LINES = [
  'tags: [a, b]',
  'k: []',
  'k: [a, 1]',
  'name: a',
  'tools:',
  'b:',
  '- Read',
  '  - Read',
  '  - Bash(x:*)',
  '    - deep',
  ' - odd',
  '  -',
  '  - a: b',
  '  - "q"',
  '# c',
  '  # c',
  '',
  ' ',
  'description: Use it: always',
  'v: 1.0',
  'n: 12',
  'x: y #c',
  '  more',
];

/** Key lines of block scalars and of plain values that may run on over the lines under them, and what makes them something else. */
const MULTI_LINE_KEYS = ['description: |', 'description: |-', 'description: >', 'description: >-', 'a: |+', 'a: |2', 'a: > # c', 'description: Use it', 'a: "q"', 'a: 12', 'name: a', '# c'];
/** Lines under them: text, more indented, blank, and what YAML reads as more than text. */
const MULTI_LINE_BODY = ['  text', '  more text', '   more indented', '    deeper', ' one', '  text  ', '  a: b', '  x #y', '  ends:', '  - item', '  # c', '  "q"', '  ', '', '', '  text', '  text'];

/** Lines that make a frontmatter unreadable to Claude Code, as descriptions with examples do: text at the first column, keys that are not simple, colons. */
const UNREADABLE_LINES = [
  '<example>',
  'Context: the user asks',
  'user: "Test the API"',
  'assistant: "I\'ll use the agent"',
  '</example>\\n\\n<example>\\nContext: more',
  'Examples:',
  'plain text line',
  'a: b: c',
  '  indented: x',
  'key with spaces: v',
  '[a, b]: c',
];

/** Pieces of flow lists: words, separators, and what makes them something else. */
const FLOW_PIECES = ['a', 'Read', 'data-x', 'v1.2', 'a/b', ',', ', ', ' ', 'true', 'null', '1', '0x1', '"q"', '[', ']', '{', ':', ': ', '#', ' #', '&', '*', 'é'];

describe('simple frontmatter reader', () => {
  it('reads every seed and corpus file as the yaml package does, and takes most of them', () => {
    const { taken, total } = fixturesTaken(agrees);
    assert.ok(taken > total / 2, `the fast reader took ${taken} of ${total} files`);
  });

  it('reads values at the edge of what it takes as the yaml package does', () => {
    const fast = EDGES.filter((text) => agrees(text, JSON.stringify(text))).length;
    assert.ok(EDGES.some((text) => readFrontmatterYaml(text, spanOf(text)).mode === 'retry'));
    assert.ok(fast >= 10 && fast < EDGES.length, `the fast reader took ${fast} of ${EDGES.length}`);
  });

  it('reads a value alone on its line as strict YAML does, above all a plain value with `: `', () => {
    let told = 0;
    let colons = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VALUE_PIECES), { minLength: 1, maxLength: 10 }), (pieces) => {
        const written = pieces.join('').trim();
        const fast = strictLineValue(written);
        if (!fast) return;
        told++;
        if ('error' in fast) colons++;
        assert.deepEqual(fast, strictLineWithYaml('description', written), JSON.stringify(written));
      }),
      { seed: 20_261_201, numRuns: 20_000 },
    );
    assert.ok(told > 2000 && colons > 500, `${told} values read, ${colons} with \`: \``);
  });

  it('reads frontmatter made of entries, lists, comments and blank lines as the yaml package does', () => {
    const taken = generatedTaken(fc.array(fc.constantFrom(...FRONTMATTER_LINES), { minLength: 1, maxLength: 10 }), 3000);
    assert.ok(taken > 50, `the fast reader took ${taken} of 3000`);
  });

  it('reads block scalars and plain values that run on over lines as the yaml package does', () => {
    const entries = fc.array(fc.tuple(fc.constantFrom(...MULTI_LINE_KEYS), fc.array(fc.constantFrom(...MULTI_LINE_BODY), { maxLength: 5 })), { minLength: 1, maxLength: 4 });
    const taken = generatedTaken(
      entries.map((list) => list.flatMap(([key, under]) => [key, ...under])),
      5000,
    );
    assert.ok(taken > 300, `the fast reader took ${taken} of 5000`);
  });

  it('reads a frontmatter Claude Code cannot parse entry by entry as the yaml package does, its simple entries without it', () => {
    let unreadable = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRONTMATTER_LINES, ...UNREADABLE_LINES), { minLength: 1, maxLength: 12 }), (lines) => {
        const text = `---\n${lines.join('\n')}\n---\nbody\n`;
        agrees(text, JSON.stringify(lines));
        const reading = readFrontmatterYaml(text, spanOf(text));
        if (reading.mode === 'unreadable' && reading.fields.some((f) => !f.unreadable && !f.lenient)) unreadable++;
      }),
      { seed: 20_261_201, numRuns: 3000 },
    );
    assert.ok(unreadable > 300, `${unreadable} of 3000 unreadable with a readable entry`);
  });

  it("reads a flow list of words as the yaml package does, for Claude Code's retry", () => {
    let told = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FLOW_PIECES), { maxLength: 12 }), (pieces) => {
        const written = `[${pieces.join('')}]`;
        const items = flowList(written);
        if (!items) return;
        told++;
        assert.deepEqual(
          parse(written),
          items.map((i) => i.value),
          written,
        );
        for (const item of items) assert.equal(written.slice(item.start, item.end), item.value, written);
      }),
      { seed: 20_261_201, numRuns: 5000 },
    );
    assert.ok(told > 200, `${told} flow lists read`);
  });

  it('reads the fuzz inputs as the yaml package does', () => {
    assertFuzzAgrees(agrees, 'fast reader');
  });
});
