// `agentry check --fix` killed with SIGKILL at seeded random moments while it writes:
// after every kill each file holds its old text or its fully fixed text, and once a
// run completes every file is fixed and no temporary file is left anywhere.
// Shared by the unit tests (a few kills) and `npm run fuzz` (many).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { CLI, runCli } from '../support/cli';
import { corpusFiles } from '../support/fixtures';

/** A file --fix changes (quoting, a duplicate tool, a legacy tool), named `n`. */
export function fixableAgent(n: number): string {
  return `---\nname: agent-${n}\ndescription: Use it: for case ${n}\ntools: Read, Read, LS\n---\n\nBody of agent ${n}.\n`;
}

/** `count` agent files (fixable ones and corpus files) under `root/.claude/agents`, sorted by name. */
export function writeFixWorkspace(root: string, count: number): string[] {
  const corpus = corpusFiles();
  const files: string[] = [];
  mkdirSync(path.join(root, '.claude/agents'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const file = path.join(root, '.claude/agents', `a${String(i).padStart(5, '0')}.md`);
    files.push(file);
    writeFileSync(file, i % 3 === 2 ? corpus[i % corpus.length].text : fixableAgent(i));
  }
  return files;
}

/** Temporary files left anywhere under `root`. */
export function temporariesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.agentry-tmp'));
}

/** Starts `check . --fix` in `cwd`; resolves when it has exited (or was killed). */
export function startFix(cwd: string): { exited: Promise<{ code: number | null; stderr: string }>; kill: () => void } {
  const child = spawn(process.execPath, [CLI, 'check', '.', '--fix'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { exited, kill: () => child.kill('SIGKILL') };
}

/** Resolves once `file` has been replaced (its inode changed) or `done` settled; polls. */
export async function replaced(file: string, done: Promise<unknown>): Promise<boolean> {
  const ino = statSync(file).ino;
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    if (statSync(file, { throwIfNoEntry: false })?.ino !== ino) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

export interface KillRun {
  kills: number;
  files: number;
  /** Kills that left a temporary file behind (removed by a later run). */
  leftTemporaries: number;
  ms: number;
}

/**
 * `kills` runs of --fix on `files` files, each killed a seeded random time after its first
 * file is replaced; every file is checked after each kill, then a last run completes.
 */
export async function killDuringFix(seed: number, kills: number, files: number): Promise<KillRun> {
  const started = performance.now();
  const root = mkdtempSync(path.join(tmpdir(), 'agentry-kill-'));
  try {
    const paths = writeFixWorkspace(root, files);
    const old = paths.map((f) => readFileSync(f));
    // What a run left alone produces, from a copy.
    const reference = mkdtempSync(path.join(tmpdir(), 'agentry-kill-ref-'));
    cpSync(root, reference, { recursive: true });
    runCli(['check', '.', '--fix'], reference);
    const fixed = paths.map((f) => readFileSync(path.join(reference, path.relative(root, f))));
    rmSync(reference, { recursive: true, force: true });
    // Within the time a full write of the files takes (about 2 ms a file).
    const delays = fc.sample(fc.integer({ min: 0, max: files * 2 }), { seed, numRuns: kills });
    let leftTemporaries = 0;
    for (const delay of delays) {
      const run = startFix(root);
      const firstFixable = paths.find((_, i) => !old[i].equals(fixed[i]) && readFileSync(paths[i]).equals(old[i]));
      if (firstFixable) await replaced(firstFixable, run.exited);
      await new Promise((resolve) => setTimeout(resolve, delay));
      run.kill();
      await run.exited;
      for (const [i, file] of paths.entries()) {
        const now = readFileSync(file);
        assert.ok(now.equals(old[i]) || now.equals(fixed[i]), `${path.basename(file)} is neither its old nor its fixed text after a kill`);
      }
      if (temporariesUnder(root).length) leftTemporaries++;
    }
    const last = runCli(['check', '.', '--fix'], root);
    assert.ok(last.status === 0 || last.status === 1, last.stderr);
    for (const [i, file] of paths.entries()) assert.ok(readFileSync(file).equals(fixed[i]), `${path.basename(file)} is not fixed after a complete run`);
    assert.deepEqual(temporariesUnder(root), [], 'temporary files left after a complete run');
    return { kills, files, leftTemporaries, ms: performance.now() - started };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
