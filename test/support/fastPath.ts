// The shared harness of the fast-path tests: a fast reader is compared with its library on
// every seed and corpus file and on the fuzz inputs, and must take some of them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyAgentText } from '../fuzz/inputs';
import { allSeeds, corpusFiles } from './fixtures';

/** Asserts both readings agree (inside `agrees`); returns true when the fast reader took the text. */
export type Agrees = (text: string, label: string) => boolean;

/** How many seed and corpus files the fast reader took, out of how many. */
export function fixturesTaken(agrees: Agrees): { taken: number; total: number } {
  const files = [...allSeeds(), ...corpusFiles()];
  return { taken: files.filter((f) => agrees(f.text, f.name)).length, total: files.length };
}

/** Runs the fuzz inputs through `agrees` and asserts the fast reader took at least one. */
export function assertFuzzAgrees(agrees: Agrees, reader: string): void {
  let taken = 0;
  fc.assert(
    fc.property(anyAgentText, (text) => {
      if (agrees(text, JSON.stringify(text.slice(0, 400)))) taken++;
    }),
    { seed: 20_261_201, numRuns: 1500 },
  );
  assert.ok(taken > 0, `some fuzz inputs take the ${reader}`);
}
