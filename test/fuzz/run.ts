// `npm run fuzz`: the fuzz properties of the unit tests, run long (`npm run build` first).
// FUZZ_RUNS core cases in all (default 20000), split between the properties by their weight;
// FUZZ_WIRE wire-fuzz steps (edits, requests, cancellations; default 40000), compared with a
// fresh server every 25 steps; FUZZ_FS file-system sequences (default 1000, up to 20
// operations each); FUZZ_KILLS runs of `check --fix` killed at random moments (default 40, on
// 1,000 files). FUZZ_SEED picks the seed (default: a new one, printed, so a failure can be
// replayed with it). Prints the counts and the time of each part.
import { fileSystemFuzz } from './fileSystem';
import { killDuringFix } from './fixKills';
import { runProperties } from './properties';
import { wireFuzz } from './wire';

const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number.`);
    process.exit(2);
  }
  return value;
};
const runs = count('FUZZ_RUNS', 20_000);
const wireSteps = count('FUZZ_WIRE', 40_000);
const fsSequences = count('FUZZ_FS', 1000);
const kills = count('FUZZ_KILLS', 40);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isInteger(seed)) {
  console.error('FUZZ_SEED must be an integer.');
  process.exit(2);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  console.log(`fuzzing with seed ${seed}`);
  const started = performance.now();
  if (runs) {
    for (const run of runProperties(runs, seed)) console.log(`${run.cases} cases in ${seconds(run.ms)}: ${run.name}`);
  }
  if (wireSteps) {
    const run = await wireFuzz(seed, wireSteps, 25);
    console.log(`wire: ${run.edits} edits, ${run.requests} requests (${run.cancellations} cancelled) in ${seconds(run.ms)}; ${run.checkpoints} comparisons with a fresh server agreed`);
  }
  if (fsSequences) {
    const run = await fileSystemFuzz(seed, fsSequences, 20);
    console.log(`file system: ${run.sequences} sequences, ${run.operations} operations, ${run.events} watched-file events in ${seconds(run.ms)}; every sequence agreed with a fresh server`);
  }
  if (kills) {
    const run = await killDuringFix(seed, kills, 1000);
    console.log(`--fix: ${run.kills} kills on ${run.files} files in ${seconds(run.ms)} (${run.leftTemporaries} left a temporary file, removed by the next run): every file old or fully fixed`);
  }
  console.log(`passed in ${seconds(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_WIRE=${wireSteps} FUZZ_FS=${fsSequences} FUZZ_KILLS=${kills}`);
  process.exit(1);
});
