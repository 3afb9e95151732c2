// Writes files through a temporary file beside them and a rename, so a crash never
// leaves half a file. Temporary files are named `.NAME.PID.agentry-tmp`: one left by a
// process that was killed (its PID is dead) is removed by the next write in its folder.
// Synchronous on purpose: nothing else runs between the last check and the rename.
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';

const TEMPORARY = /^\..+\.(\d+)\.agentry-tmp$/;

/** What replaceIfUnchanged did. */
export type Replaced = { written: true } | { written: false; reason: 'changed' } | { written: false; reason: 'hard-linked'; links: number };

/**
 * Replaces `file` (through a symlink: its target) with `text`, only while it still holds
 * `expected`, the bytes it was read as: an edit saved in the meantime is never overwritten.
 * The content is compared after the temporary file is written, right before the rename;
 * an in-place write that lands between the two is seen on the old file afterwards and put back.
 * A file that is gone, or has other hard links (the rename would leave them the old text), is left alone.
 */
export function replaceIfUnchanged(file: string, text: string, expected: Uint8Array): Replaced {
  const target = realpathOr(file);
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return { written: false, reason: 'changed' };
  if (stat.nlink > 1) return { written: false, reason: 'hard-linked', links: stat.nlink };
  if (stat.size !== expected.length) return { written: false, reason: 'changed' };
  let outcome: Replaced = { written: true };
  writeThroughTemporary(
    target,
    stat.mode,
    (fd) => writeSync(fd, text),
    (temp) => {
      const old = openSync(target, 'r');
      try {
        const before = fstatSync(old);
        if (!Buffer.from(expected).equals(readAll(old))) {
          outcome = { written: false, reason: 'changed' };
          return;
        }
        renameSync(temp, target);
        const after = fstatSync(old);
        if (after.mtimeMs !== before.mtimeMs || after.size !== before.size) {
          // Written in place between the check and the rename: that text is the newest.
          writeThroughTemporary(target, stat.mode, (fd) => writeSync(fd, readAll(old)));
          outcome = { written: false, reason: 'changed' };
        }
      } finally {
        closeSync(old);
      }
    },
  );
  return outcome;
}

/** Writes `file` whole through a temporary file and a rename (no check of what it held). */
export function writeAtomic(file: string, write: (fd: number) => void): void {
  writeThroughTemporary(file, statSync(file, { throwIfNoEntry: false })?.mode, write);
}

/**
 * Writes a temporary file beside `target`, then lets `commit` rename it (default: rename
 * it over `target`); the temporary file never outlives the call unless the process dies.
 */
function writeThroughTemporary(target: string, mode: number | undefined, write: (fd: number) => void, commit = (temp: string) => renameSync(temp, target)): void {
  const dir = path.dirname(target);
  removeStaleTemporaries(dir);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.agentry-tmp`);
  try {
    const fd = openSync(temp, 'w', mode);
    try {
      write(fd);
    } finally {
      closeSync(fd);
    }
    commit(temp);
  } finally {
    rmSync(temp, { force: true });
  }
}

const swept = new Set<string>();

/** Removes, once per folder and process, the temporary files of processes that are no longer running. */
export function removeStaleTemporaries(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The whole content of an open file, read from its start. */
function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ;) {
    const chunk = Buffer.alloc(65536);
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
