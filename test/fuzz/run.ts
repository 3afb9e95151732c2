// `npm run fuzz`: the fuzz properties of the unit tests, run long. FUZZ_RUNS
// cases in all (default 20000), split between the properties by their weight;
// FUZZ_SEED picks the seed (default: a new one, printed, so a failure can be
// replayed with it). Prints the cases and the time each property took.
import { runProperties } from './properties';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('FUZZ_RUNS must be a positive integer and FUZZ_SEED an integer.');
  process.exit(2);
}

console.log(`fuzzing ${runs} cases with seed ${seed}`);
const started = performance.now();
let cases = 0;
try {
  for (const run of runProperties(runs, seed)) {
    cases += run.cases;
    console.log(`${run.cases} cases in ${(run.ms / 1000).toFixed(1)} s: ${run.name}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
  process.exit(1);
}
console.log(`${cases} cases passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
