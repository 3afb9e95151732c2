// Run commands N times (round-robin) after warm-up runs; report wall time, CPU time and the
// child's peak RSS. Peak RSS and user+sys CPU come from GNU time (`/usr/bin/time -f '%M %U %S'`,
// Debian package `time`): it reads wait4()'s rusage, so it is exact even for very short runs
// (CPU in 10 ms ticks). Without it we poll /proc/<pid>/status VmHWM every 5 ms (may miss the
// last ms of a run) and report no CPU time.
// stdout/stderr go to files, not pipes: no back-pressure, and tools that process.exit()
// right after writing (cclint does) are not cut at the 64 KiB pipe buffer.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const rssMethod = existsSync(GNU_TIME) ? 'gnu-time' : 'proc-poll';

function once(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-m-'));
    const rssFile = join(dir, 'rss');
    const [file, argv] = rssMethod === 'gnu-time' ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const [outFile, errFile] = [join(dir, 'out'), join(dir, 'err')];
    const fds = [openSync(outFile, 'w'), openSync(errFile, 'w')];
    let hwm = 0;
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', ...fds] });
    fds.forEach(closeSync);
    const poll =
      rssMethod === 'proc-poll' &&
      setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(hwm, +m[1]);
        } catch {
          /* exited */
        }
      }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      let kb = hwm;
      let cpuMs = null;
      if (rssMethod === 'gnu-time') {
        // GNU time writes "Command exited with non-zero status N" before the numbers.
        const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
        const [rss, user, sys] = (lines.at(-1) ?? '').split(' ').map(Number);
        kb = rss || 0;
        cpuMs = Number.isFinite(user + sys) ? (user + sys) * 1000 : null;
      }
      const [stdout, stderr] = [outFile, errFile].map((f) => readFileSync(f, 'utf8'));
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, cpuMs, rssKb: kb, code, stdout, stderr });
    });
  });
}

// Nearest-rank quantile (p99 of 10 samples is the max); median averages the middle pair.
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
export const median = (s) => (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;

function summarize(runs) {
  const samples = runs.map((r) => r.ms);
  const sorted = [...samples].sort((a, b) => a - b);
  const cpu = runs
    .map((r) => r.cpuMs)
    .filter((c) => c !== null)
    .sort((a, b) => a - b);
  const last = runs.at(-1);
  return {
    medianMs: median(sorted),
    cpuMs: cpu.length ? median(cpu) : null,
    p99Ms: quantile(sorted, 0.99),
    minMs: sorted[0],
    maxMs: sorted.at(-1),
    peakRssMb: Math.max(...runs.map((r) => r.rssKb)) / 1024,
    rssMethod,
    code: last.code,
    stdout: last.stdout,
    stderr: last.stderr,
    samplesMs: samples,
  };
}

/**
 * measureAll([{ cmd, args, cwd, env, before }], { runs = 10, warmup = 1 })
 * Runs the commands round-robin (warm-up rounds first, untimed), so load from anything
 * else on the machine hits every command alike. `before()` (optional, awaited, untimed)
 * runs before each of that command's runs, e.g. to clear a cache.
 * Returns, per command, { medianMs, cpuMs (median user+sys), p99Ms, minMs, maxMs, peakRssMb, rssMethod, code,
 * stdout, stderr, samplesMs }; code/stdout/stderr are from its last run.
 */
export async function measureAll(commands, { runs = 10, warmup = 1 } = {}) {
  const done = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    for (const [i, c] of commands.entries()) {
      if (c.before) await c.before();
      const r = await once(c.cmd, c.args, c);
      if (round >= warmup) done[i].push(r);
    }
  }
  return done.map(summarize);
}

/** measure(cmd, args, { runs, warmup, cwd, env, before }): one command, see measureAll. */
export async function measure(cmd, args, { runs = 10, warmup = 1, ...opts } = {}) {
  return (await measureAll([{ cmd, args, ...opts }], { runs, warmup }))[0];
}
