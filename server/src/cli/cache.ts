// `check --cache`: the results of the last run, in one JSON file (default
// `.agentry-cache` in the working folder), keyed for the whole run by the
// configuration, .mcp.json, the rules document and the tool's version (projectKey),
// and per file by its content hash. Per file it keeps its summary for the workspace
// index, its diagnostics and the key of its cross-file inputs (crossFileKey), so a
// changed file re-validates exactly the unchanged files whose cross-file results it
// can change. A file whose size, times and inode are those recorded is not read
// again, unless it was modified within RACY_MS of the run that recorded it (its
// timestamp may not show a second change then: git's "racy" entries).
// Light on purpose: a run whose files are all unchanged prints from here without
// loading the linter. A cache that cannot be read is ignored and rewritten.
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AgentSummary } from '../service/workspace/workspaceIndex';
import { collectFiles } from '../node/collectFiles';
import type { FileResult } from '../node/lintProject';
import { hashText } from '../node/projectSources';

export const CACHE_FORMAT = 1;
export const DEFAULT_CACHE_FILE = '.agentry-cache';
/** Coarser than any common file system's timestamps (FAT: 2 s). */
const RACY_MS = 2000;

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface FileRecord {
  stat: FileStat;
  hash: string;
  /** False for a `.md` file a folder walk skipped (no frontmatter), remembered so that a warm run need not open it. */
  agent: boolean;
  summary?: AgentSummary;
  diagnostics?: Diagnostic[];
  crossKey?: string;
}

export interface CacheData {
  format: number;
  key: string;
  /** When the run that wrote it started; every record was read after this. */
  startedAt: number;
  /** The files the run linted, in order. */
  files: string[];
  records: Record<string, FileRecord>;
}

/** `--cache-location`: a file, or a folder to hold `.agentry-cache`. */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  const file = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, DEFAULT_CACHE_FILE) : file;
}

export function readCache(file: string): CacheData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    const valid = data?.format === CACHE_FORMAT && typeof data.key === 'string' && typeof data.startedAt === 'number' && Array.isArray(data.files) && typeof data.records === 'object' && data.records !== null;
    return valid ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Through a temporary file and a rename: a run killed midway leaves the old cache, never half of one. */
export function writeCache(file: string, data: CacheData): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export interface FileCheck {
  stat?: FileStat;
  /** The record, when the file is unchanged. */
  same?: FileRecord;
  /** The content, when the file had to be read. */
  bytes?: Buffer;
  hash?: string;
}

/** Whether `file` is what `record` (written by a run that started at `startedAt`) describes. */
export function checkFile(file: string, record: FileRecord | undefined, startedAt: number): FileCheck {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return {};
  }
  try {
    const s = fstatSync(fd);
    const stat: FileStat = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    if (record && sameStat(record.stat, stat) && stat.mtimeMs < startedAt - RACY_MS) return { stat, same: record };
    const bytes = readAll(fd, s.size);
    const hash = hashText(bytes);
    return { stat, bytes, hash, same: record?.hash === hash ? record : undefined };
  } finally {
    closeSync(fd);
  }
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let buffer = Buffer.allocUnsafe(Math.max(size, 1));
  let length = 0;
  for (;;) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    if (length === buffer.length) {
      chunks.push(buffer);
      buffer = Buffer.allocUnsafe(buffer.length);
      length = 0;
    }
  }
  chunks.push(buffer.subarray(0, length));
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/**
 * The results of `check <paths>` straight from the cache, when the run's key, its
 * files and all their contents are those of the cached run; otherwise undefined.
 * `refreshed`: the cache with the stats of files that were read but had not changed
 * (touched, or racy before), worth writing so that the next run need not read them.
 */
export function cachedResults(cache: CacheData, key: string, paths: string[], cwd: string, ignore: string[]): { results: FileResult[]; refreshed?: CacheData } | undefined {
  if (cache.key !== key) return undefined;
  const startedAt = Date.now();
  const records: Record<string, FileRecord> = {};
  let restated = false;
  const unchanged = (file: string): FileRecord | undefined => {
    const check = checkFile(file, cache.records[file], cache.startedAt);
    if (!check.same) return undefined;
    const reread = check.bytes !== undefined;
    records[file] = reread ? { ...check.same, stat: check.stat! } : check.same;
    restated ||= reread;
    return check.same;
  };
  const miss = new Error('changed');
  let files: string[];
  try {
    files = collectFiles(paths, cwd, ignore, (file) => {
      const record = unchanged(file);
      if (!record) throw miss;
      return record.agent;
    });
  } catch {
    return undefined; // a changed file, or a usage error the linter reports
  }
  if (files.length !== cache.files.length || files.some((f, i) => f !== cache.files[i])) return undefined;
  const results: FileResult[] = [];
  for (const file of files) {
    const record = records[file] ?? unchanged(file);
    if (!record?.diagnostics) return undefined;
    results.push({ file, uri: pathToFileURL(file).href, diagnostics: record.diagnostics, fixed: false });
  }
  return { results, refreshed: restated ? { ...cache, startedAt, records: { ...cache.records, ...records } } : undefined };
}
