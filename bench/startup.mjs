// Group `startup`: how fast the pieces come up, and how big they are.
// - server: spawn `node dist/server.js --stdio` -> initialize answered (Node start-up and
//   the bundle loaded), -> initialized -> index complete (the "Indexed" log line) on the
//   five seeds, which is when the extension's language features are ready. This is the
//   server's part of VS Code's activation; the client's own part (loading dist/client.js
//   inside the extension host) is not measured here.
//   Each server start is followed by one `node -e 0` (spawned the same way, timed to its exit),
//   so both see the same load, and the target's ratio is the median of the per-pair ratios.
// - CLI: `agentry --version` (the light entry alone) and `check` of one seed (entry + linter).
// - sizes: dist/*.js bundles, and the .vsix packed by `npm run package` into the temp folder.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture, seedFiles } from './lib/fixtures.mjs';
import { now, procMemory, startServer, stats } from './lib/lsp.mjs';

export const columns = ['item', 'n', 'medianMs', 'p99Ms', 'xNode', 'sizeKb', 'peakRssMb', 'notes'];

export async function run(ctx) {
  const fx = makeFixture(join(ctx.tmpDir, 'ws'), seedFiles());
  // Dated a minute back: the index cache trusts a file by its timestamp only once it is older than
  // its racy window (2 s; workspace/fileStamp.ts), as the files of a folder opened again are.
  const past = new Date(Date.now() - 60_000);
  for (const file of fx.paths) utimesSync(file, past, past);
  const rows = [...(await serverRows(ctx, fx)), ...(await cliRows(ctx, fx)), ...sizeRows(ctx)];
  return rows;
}

async function serverRows(ctx, fx) {
  const toInitialize = [];
  const toReady = [];
  const total = [];
  const bare = [];
  let peak = 0;
  for (let i = 0; i < ctx.warmup + ctx.runs; i++) {
    const t0 = now();
    const client = startServer(ctx);
    try {
      await client.initialize(fx.root);
      const t1 = now();
      const indexed = client.waitForLog(/^Indexed \d+ agent files?/);
      client.initialized();
      const { at } = await indexed;
      if (i < ctx.warmup) continue;
      toInitialize.push(t1 - t0);
      toReady.push(at - t1);
      total.push(at - t0);
      peak = Math.max(peak, procMemory(client.pid).peakMb);
    } finally {
      await client.shutdown();
    }
    const bareMs = await nodeAlone(ctx);
    if (i >= ctx.warmup) bare.push(bareMs);
  }
  const ratios = total.map((ms, k) => ms / bare[k]);
  const row = (item, samples, notes, extra = {}) => {
    const s = stats(samples);
    return { item, n: s.n, medianMs: s.p50, p99Ms: s.p99, ...extra, notes };
  };
  return [
    row('server: spawn -> initialize answered', toInitialize, 'Node start-up + loading dist/server.js + initialize'),
    row('server: initialize -> index complete', toReady, `initialized, configuration pulled, ${fx.count} seeds indexed (the "Indexed" log line; from the index cache the warm-up run wrote, as when a folder is opened again)`),
    row('server: spawn -> ready', total, 'what the extension waits for after activation', { peakRssMb: peak, xNode: stats(ratios).p50 }),
    row('node -e 0', bare, 'Node start-up alone, spawned like the server, one after each server start (xNode: the median of the per-pair ratios)'),
  ];
}

/** Wall ms from spawning `node -e 0` to its exit, as the server is spawned (no wrapper). */
function nodeAlone(ctx) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(ctx.node, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(now() - t0));
  });
}

async function cliRows(ctx, fx) {
  if (!ctx.agentryCli) return [{ item: 'cli', notes: 'n/a: dist/cli.js not built' }];
  const version = await ctx.measure(ctx.node, [ctx.agentryCli, '--version'], { runs: ctx.runs, warmup: ctx.warmup });
  const one = await ctx.measure(ctx.node, [ctx.agentryCli, 'check', fx.paths[4], '--format', 'json'], { runs: ctx.runs, warmup: ctx.warmup, cwd: fx.root });
  return [
    { item: 'cli: agentry --version', n: ctx.runs, medianMs: version.medianMs, p99Ms: version.p99Ms, peakRssMb: version.peakRssMb, notes: 'the light entry (dist/cli.js) only' },
    { item: 'cli: check one seed', n: ctx.runs, medianMs: one.medianMs, p99Ms: one.p99Ms, peakRssMb: one.peakRssMb, notes: `entry + linter (dist/cli-lint.js); exit ${one.code}` },
  ];
}

function sizeRows(ctx) {
  const dist = join(ctx.repoRoot, 'dist');
  const rows = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => ({
      item: `dist/${f}`,
      sizeKb: statSync(join(dist, f)).size / 1024,
      notes: `${['client.js', 'server.js', 'server-main.js'].includes(f) ? 'in the .vsix (minified there)' : 'CLI, not in the .vsix'}; development build, as npm run build makes it`,
    }));
  const vsix = join(ctx.tmpDir, 'agentry.vsix');
  try {
    execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: ctx.repoRoot, stdio: 'pipe' });
    rows.push({ item: '.vsix (npm run package)', sizeKb: statSync(vsix).size / 1024, notes: 'production build (minified), as npm run package makes it' });
  } catch (error) {
    rows.push({
      item: '.vsix (npm run package)',
      notes: `n/a: ${String(error.stderr ?? error.message)
        .trim()
        .split('\n')
        .at(-1)}`,
    });
  }
  return rows;
}
