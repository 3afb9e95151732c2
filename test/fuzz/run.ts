// `npm run fuzz`: the fuzz properties of the unit tests, run long. FUZZ_RUNS
// cases in all (default 20000), split between the properties by their weight;
// then FUZZ_KILLS runs of `check --fix` killed at random moments (default 40, on
// 1,000 files; `npm run build` first). FUZZ_SEED picks the seed (default: a new
// one, printed, so a failure can be replayed with it). Prints the cases and the
// time each part took.
import { killDuringFix } from './fixKills';
import { runProperties } from './properties';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const kills = Number(process.env.FUZZ_KILLS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(kills) || kills < 0 || !Number.isInteger(seed)) {
  console.error('FUZZ_RUNS must be a positive integer, FUZZ_KILLS a whole number and FUZZ_SEED an integer.');
  process.exit(2);
}

console.log(`fuzzing ${runs} cases with seed ${seed}`);
const started = performance.now();
async function main(): Promise<void> {
  let cases = 0;
  for (const run of runProperties(runs, seed)) {
    cases += run.cases;
    console.log(`${run.cases} cases in ${(run.ms / 1000).toFixed(1)} s: ${run.name}`);
  }
  if (kills) {
    const run = await killDuringFix(seed, kills, 1000);
    console.log(`${run.kills} kills of --fix on ${run.files} files in ${(run.ms / 1000).toFixed(1)} s (${run.leftTemporaries} left a temporary file, removed by the next run): every file old or fully fixed`);
  }
  console.log(`${cases} cases and ${kills} kills passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_KILLS=${kills}`);
  process.exit(1);
});
