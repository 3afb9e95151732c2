// The fuzz properties, shared by the unit test (a fixed seed, few runs) and the
// long run (`npm run fuzz`, many runs). Each holds for any text: no exception,
// ranges inside the document, applied edits that the core reads again, and the
// same output for the same input.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exerciseCore, exerciseFeatures, positionsIn } from './checks';
import { anyAgentText } from './inputs';

export interface FuzzProperty {
  name: string;
  /** Share of the requested runs this property gets (the feature property costs more per case). */
  weight: number;
  check(seed: number, numRuns: number): void;
}

function fuzzProperty<Ts extends [unknown, ...unknown[]]>(name: string, weight: number, property: fc.IProperty<Ts>): FuzzProperty {
  return { name, weight, check: (seed, numRuns) => fc.assert(property, { seed, numRuns }) };
}

const rawPositions = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });
const newName = fc.oneof(fc.constantFrom('renamed-agent', 'other-agent', 'Bad Name', ''), fc.string({ maxLength: 12 }));

export const PROPERTIES: FuzzProperty[] = [
  fuzzProperty(
    'parse, validate, every fix and fix-all: no exception, ranges inside, edits re-parse, deterministic',
    3,
    fc.property(anyAgentText, (text) => {
      assert.deepEqual(exerciseCore(text), exerciseCore(text));
    }),
  ),
  fuzzProperty(
    'every language feature at random positions: no exception, ranges inside, edits re-parse, deterministic',
    1,
    fc.property(anyAgentText, rawPositions, newName, (text, raw, name) => {
      const positions = positionsIn(text, raw);
      assert.deepEqual(exerciseFeatures(text, positions, name), exerciseFeatures(text, positions, name));
    }),
  ),
];

export interface FuzzRun {
  name: string;
  cases: number;
  ms: number;
}

/** Runs every property with its share of `runs` cases; throws the first counterexample. */
export function runProperties(runs: number, seed: number, only?: (p: FuzzProperty) => boolean): FuzzRun[] {
  const total = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
  return PROPERTIES.filter(only ?? (() => true)).map((p) => {
    const numRuns = Math.max(1, Math.round((runs * p.weight) / total));
    const started = performance.now();
    p.check(seed, numRuns);
    return { name: p.name, cases: numRuns, ms: performance.now() - started };
  });
}
