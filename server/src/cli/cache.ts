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
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AgentSummary } from '../service/workspace/workspaceIndex';
import { collectFiles } from '../node/collectFiles';
import type { FileResult } from '../node/lintProject';
import { hashBytes } from '../node/projectSources';

export const CACHE_FORMAT = 2;
export const DEFAULT_CACHE_FILE = '.agentry-cache';
/** Coarser than any common file system's timestamps (FAT: 2 s). */
const RACY_MS = 2000;

/** size, mtimeMs, ctimeMs, ino */
export type FileStat = [number, number, number, number];
/** What the formatters print of a diagnostic: start line and character, end line and character, severity, code, message. */
export type CompactDiagnostic = [number, number, number, number, number, string, string];

export interface FileRecord {
  stat: FileStat;
  hash: string;
  /** False for a `.md` file a folder walk skipped (no frontmatter), remembered so that a warm run need not open it. */
  agent: boolean;
  diagnostics?: CompactDiagnostic[];
}

/** The cache file, as JSON: compact, and what only a run with changes needs is one string, parsed only then. */
export interface CacheData {
  format: number;
  /** projectKey: the configuration, .mcp.json, rules document and version, as text. */
  key: string;
  /** When the run that wrote it started; every record was read after this. */
  startedAt: number;
  /** The files the run linted, in order. */
  files: string[];
  records: Record<string, FileRecord>;
  /** JSON of IndexEntries. */
  index: string;
}

/** Per linted file: its workspace summary and crossFileKey. */
export type IndexEntries = Record<string, [AgentSummary, string]>;

export function compact(d: Diagnostic): CompactDiagnostic {
  const { start, end } = d.range;
  return [start.line, start.character, end.line, end.character, d.severity ?? 1, String(d.code), typeof d.message === 'string' ? d.message : d.message.value];
}

export function expand([sl, sc, el, ec, severity, code, message]: CompactDiagnostic): Diagnostic {
  return { range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, severity: severity as DiagnosticSeverity, code, message };
}

/** `--cache-location`: a file, or a folder to hold `.agentry-cache`. */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  const file = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, DEFAULT_CACHE_FILE) : file;
}

export function readCache(file: string): CacheData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    const valid =
      data?.format === CACHE_FORMAT && typeof data.key === 'string' && typeof data.startedAt === 'number' && Array.isArray(data.files) && typeof data.records === 'object' && data.records !== null && typeof data.index === 'string';
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
  return { stat: [s.size, s.mtimeMs, s.ctimeMs, s.ino], bytes, hash, same: record?.hash === hash ? record : undefined };
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
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
    results.push({ file, get uri() { return pathToFileURL(file).href; }, diagnostics: record.diagnostics.map(expand), fixed: false });
  }
  return { results, refreshed: restated ? { ...cache, startedAt, records: { ...cache.records, ...records } } : undefined };
}
