// Whether a file is still what a cache recorded, as cheaply as possible: a file whose
// size, times and inode are those recorded is not read again, unless it was modified
// within RACY_MS of the run that recorded it (its timestamp may not show a second
// change then: git's "racy" entries); otherwise its content hash decides.
// Shared by `check --cache` and the language server's index cache.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, writeSync, type Stats } from 'node:fs';
import { writeAtomic } from './atomicWrite';
import { hashBytes } from './projectSources';

/** Coarser than any common file system's timestamps (FAT: 2 s). */
const RACY_MS = 2000;

/** size, mtimeMs, ctimeMs, ino */
export type FileStat = [number, number, number, number];

/** What a cache keeps to recognize a file. */
export interface FileStamp {
  stat: FileStat;
  hash: string;
}

export interface FileCheck<R extends FileStamp> {
  stat?: FileStat;
  /** The record, when the file is unchanged (with the file's current stat if it had to be read). */
  same?: R;
  /** The content, when the file had to be read. */
  bytes?: Buffer;
  hash?: string;
}

/** Whether `file` is what `record` (written by a run that started at `startedAt`) describes; {} when it cannot be read. */
export function checkFile<R extends FileStamp>(file: string, record: R | undefined, startedAt: number): FileCheck<R> {
  let s: Stats;
  let bytes: Buffer;
  try {
    s = statSync(file);
    const stat: FileStat = [s.size, s.mtimeMs, s.ctimeMs, s.ino];
    if (record && sameStat(record.stat, stat) && s.mtimeMs < startedAt - RACY_MS) return { stat, same: record };
    bytes = readFileSync(file);
  } catch {
    return {};
  }
  const hash = hashBytes(bytes);
  const stat: FileStat = [s.size, s.mtimeMs, s.ctimeMs, s.ino];
  return { stat, bytes, hash, same: record?.hash === hash ? { ...record, stat } : undefined };
}

/** The bytes of files up to this size are read into one buffer kept for the next file. */
const REUSED_BUFFER_LIMIT = 1 << 20;
let reusedBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * The stat, text and hash of a file no cache knows of: one descriptor gives its stat and its
 * bytes, read into a buffer kept from file to file. A stat by path then a buffer of its own
 * for each file (checkFile's way, which a cached file needs) cost the cold index of 10,000
 * agents a path lookup and an allocation a file (bench/README.md). Undefined when it cannot
 * be read.
 */
export function readUnknownFile(file: string): { stat: FileStat; text: string; hash: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const s = fstatSync(fd);
    let buffer = s.size < reusedBuffer.length ? reusedBuffer : Buffer.allocUnsafe(s.size + 1);
    if (buffer.length <= REUSED_BUFFER_LIMIT) reusedBuffer = buffer;
    let length = 0;
    for (let n = 1; n > 0; length += n) {
      // A file that grew since its stat: read on into a larger buffer.
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    const bytes = buffer.subarray(0, length);
    return { stat: [s.size, s.mtimeMs, s.ctimeMs, s.ino], text: bytes.toString('utf8'), hash: hashBytes(bytes) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** Through a temporary file and a rename: a process killed midway leaves the old cache, never half of one. */
export function writeJsonAtomic(file: string, data: unknown): void {
  writeAtomic(file, (fd) => writeSync(fd, asciiJson(data)));
}

/**
 * As writeJsonAtomic, for `data` with one large object `data[key]`, written a member at a
 * time: the JSON of ten thousand index records is never one string in memory. Written as
 * ASCII (asciiJson), so the file reads back as a string of one byte a character.
 */
export function writeJsonMembersAtomic(file: string, data: Record<string, unknown>, key: string): void {
  const { [key]: members, ...rest } = data;
  const others = asciiJson(rest).slice(1, -1);
  writeAtomic(file, (fd) => {
    writeSync(fd, `{${others}${others ? ',' : ''}${JSON.stringify(key)}:{`);
    let chunk = '';
    let first = true;
    for (const [name, value] of Object.entries(members as Record<string, unknown>)) {
      chunk += `${first ? '' : ','}${asciiJson(name)}:${asciiJson(value)}`;
      first = false;
      if (chunk.length > 65536) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, `${chunk}}}`);
  });
}

/**
 * JSON with every character outside ASCII escaped (`\\uXXXX`, each UTF-16 unit), which
 * JSON.parse reads back the same. V8 keeps a string with one character outside Latin-1 at
 * two bytes a character: read back unescaped, the 10 MB index cache of 10,000 agents was
 * a 20 MB string (bench/README.md). And Node reads an ASCII file without decoding UTF-8,
 * several times faster: the CLI's warm `check --cache` reads its cache at every run.
 */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
