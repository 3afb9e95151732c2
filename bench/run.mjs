#!/usr/bin/env node
// Bench entry point (`npm run bench`): node bench/run.mjs [group ...]
// Installs bench deps if missing, builds the product (node esbuild.mjs), runs each group,
// prints its table and merges its rows into bench/results.json under the group's name; after
// a run of every group, renders the tables of bench/README.md and the README's summary from results.json.
// Env: BENCH_RUNS (10), BENCH_WARMUP (1), BENCH_SCALE_SIZES (1000,2000,5000,10000),
// AGENTRY_CLI (another CLI to measure; then nothing is built).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each group is bench/<name>.mjs exporting `async function run(ctx)` -> rows (flat objects),
// optionally `columns` (which row keys to print).
const GROUPS = ['core', 'wire', 'scale', 'peers', 'startup', 'transports'];

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(benchDir);

if (!existsSync(join(benchDir, 'node_modules', '.package-lock.json'))) {
  execFileSync('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
if (!existsSync(join(repoRoot, 'node_modules', 'esbuild'))) {
  console.error("The product is built from the repository's dependencies: run `npm ci` in the repository first.");
  process.exit(2);
}
const { measure, rssMethod } = await import('./lib/measure.mjs');
const { formatTable, mergeResults } = await import('./lib/results.mjs');
const { renderBenchmarks, renderSummary, updateReadme } = await import('./lib/readme.mjs');

const wanted = process.argv.slice(2);
const unknown = wanted.filter((g) => !GROUPS.includes(g));
if (unknown.length) {
  console.error(`unknown group(s): ${unknown.join(', ')}; known: ${GROUPS.join(', ')}`);
  process.exit(2);
}

// What is measured is the current source: build it (unless another CLI is given).
if (!process.env.AGENTRY_CLI) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
const cli = process.env.AGENTRY_CLI ?? join(repoRoot, 'dist', 'cli.js');
const ctx = {
  node: process.execPath,
  benchDir,
  repoRoot,
  runs: Number(process.env.BENCH_RUNS ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 1),
  agentryCli: existsSync(cli) ? cli : null,
  measure,
};

for (const name of wanted.length ? wanted : GROUPS) {
  const mod = await import(`./${name}.mjs`);
  ctx.tmpDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const started = Date.now();
  try {
    console.log(`\n== ${name} (${ctx.runs} runs, ${ctx.warmup} warm-up) ==`);
    const rows = await mod.run(ctx);
    console.log(formatTable(rows, mod.columns));
    mergeResults(join(benchDir, 'results.json'), name, {
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, rssMethod },
      runs: ctx.runs,
      warmup: ctx.warmup,
      seconds: Math.round((Date.now() - started) / 1000),
      rows,
    });
  } finally {
    rmSync(ctx.tmpDir, { recursive: true, force: true });
  }
}

// A full run (every group, one after the other) is what the README shows.
if (!wanted.length || GROUPS.every((g) => wanted.includes(g))) {
  const results = JSON.parse(readFileSync(join(benchDir, 'results.json'), 'utf8'));
  updateReadme(join(benchDir, 'README.md'), renderBenchmarks(results));
  updateReadme(join(repoRoot, 'README.md'), renderSummary(results), 'summary');
  console.log('\nbench/README.md: Results updated; README.md: benchmark summary updated.');
}
