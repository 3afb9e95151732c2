// The fuzz properties with a fixed seed and a few hundred cases (`npm run fuzz`
// runs the same ones long), every seed cut at each of its lines, and the inputs
// the fuzzer once broke the core with.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exerciseCore, exerciseFeatures, positionsIn } from '../../fuzz/checks';
import { PROPERTIES, runProperties } from '../../fuzz/properties';
import { allSeeds } from '../../support/fixtures';

const SEED = 20_261_121;
const RUNS = 400;
const SLOW = { timeout: 120_000 };

/** Inputs that failed a property once, each with what was wrong. */
const FOUND_BY_FUZZING: [string, string][] = [
  ['---\n hooks: {}\n\n---\n', 'adding `name` above indented keys swallowed them into its value'],
  ['---\n{hooks: {}\n\n---\n', 'quoting the value of a key strict YAML cannot read either'],
  ['---\n: : !\n---\n', 'quoting a value behind a key that reads differently once fixed'],
  ['---\nmodel: sonet\n\u2028\n---\n', 'a line of U+2028 taken as blank, so the error fell on `model`'],
  ['---\n\rname: hooks: []\n\n---\n', 'a lone CR inside LF frontmatter read as part of the key'],
  ['---\n{}\n---\n', 'adding `name` above a flow mapping'],
  ['---\r\u000bname: x\rdescription: y\r---\r', 'adding `name` after an opening line ended by a lone CR'],
  ['---\n\uFEFF\n---\n', 'adding `name` before a BOM inside the frontmatter'],
  ['---\n\n---\n## RULE ENFORCEMENT\n```\n', 'inserting a section into a code fence left open at the end'],
  ['---\nname: a\ndescription: x\ntools:\n  - Read\n  - Read\r---\rBody text\n', 'removing a `- item` line ended by a lone CR removed the rest of the file'],
  ['---\rname: a\rdescription: x: y\rtools: Read, Read\r---\r# A\r### C\r', 'lone CR line endings: frontmatter never closed'],
];

describe('fuzz', () => {
  for (const property of PROPERTIES) {
    it(`${property.name} (seed ${SEED})`, SLOW, () => {
      const [run] = runProperties(RUNS, SEED, (p) => p === property);
      assert.ok(run.cases > 0);
    });
  }

  it('every seed cut after each of its lines', SLOW, () => {
    let cases = 0;
    for (const seed of allSeeds()) {
      for (const m of seed.text.matchAll(/\n/g)) {
        // Each fix applied and checked; only the fix-all result parsed again, to stay quick.
        exerciseCore(seed.text.slice(0, m.index + 1), true);
        cases++;
      }
    }
    assert.equal(cases, 2_404);
  });

  it('inputs that once broke a property', SLOW, () => {
    for (const [text, what] of FOUND_BY_FUZZING) {
      assert.doesNotThrow(() => exerciseCore(text), what);
      assert.doesNotThrow(
        () =>
          exerciseFeatures(
            text,
            positionsIn(text, [
              [0, 0],
              [1, 3],
              [2, 5],
              [3, 1],
            ]),
            'renamed-agent',
          ),
        what,
      );
    }
  });
});
