// `check --cache`: the results of the last run, in one JSON file (default
// `.agentry-cache` in the working folder), keyed for the whole run by the
// configuration, .mcp.json, the rules document and the tool's version (projectKey),
// and per file by its content hash. Per file it keeps its summary for the workspace
// index, its diagnostics and the key of its cross-file inputs (crossFileKey), so a
// changed file re-validates exactly the unchanged files whose cross-file results it
// can change, and what Claude Code will do with it (the effective agent, for JSON
// output and `explain`), which depends only on its text and the run's key. Files are
// recognized as node/fileStamp does.
// Light on purpose: a run whose files are all unchanged prints from here without
// loading the linter. A cache that cannot be read is ignored and rewritten.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { EffectiveAgent } from '../service/claude/effectiveAgent';
import type { AgentSummary } from '../service/workspace/workspaceIndex';
import { collectFiles } from '../workspace/collectFiles';
import { skillsKey } from '../workspace/skillSources';
import { pathToUri } from '../workspace/files';
import type { FileResult } from './fileResult';
import { checkFile, writeJsonAtomic, type FileCheck, type FileStamp } from '../workspace/fileStamp';

export type FileRecordCheck = FileCheck<FileRecord>;

export const CACHE_FORMAT = 5;
export const DEFAULT_CACHE_FILE = '.agentry-cache';
/** What the formatters print of a diagnostic: start line and character, end line and character, severity, code, message. */
export type CompactDiagnostic = [number, number, number, number, number, string, string];

export interface FileRecord extends FileStamp {
  /** False for a `.md` file a folder walk skipped (not an agent file), remembered so that a warm run need not open it. */
  agent: boolean;
  diagnostics?: CompactDiagnostic[];
  /** Kept once a run has told it (JSON output, explain), and while the file is unchanged. */
  effective?: EffectiveAgent;
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
  /** skillsKey of the files linted: the skill files they can name, with their texts. */
  skills: string;
  /** What the run said of the config file's entries (the key holds its text): said again on a hit. */
  configProblems?: string[];
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
      data?.format === CACHE_FORMAT &&
      typeof data.key === 'string' &&
      typeof data.startedAt === 'number' &&
      Array.isArray(data.files) &&
      typeof data.records === 'object' &&
      data.records !== null &&
      typeof data.index === 'string' &&
      typeof data.skills === 'string';
    return valid ? data : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(file: string, data: CacheData): void {
  writeJsonAtomic(file, data);
}

/**
 * The results of `check <paths>` straight from the cache, when the run's key, its
 * files and all their contents are those of the cached run; otherwise undefined.
 * `refreshed`: the cache with the stats of files that were read but had not changed
 * (touched, or racy before), worth writing so that the next run need not read them.
 */
export function cachedResults(cache: CacheData, key: string, paths: string[], cwd: string, ignore: string[], wantAgents = false): { results: FileResult[]; agents?: EffectiveAgent[]; refreshed?: CacheData } | undefined {
  if (cache.key !== key) return undefined;
  const startedAt = Date.now();
  const records: Record<string, FileRecord> = {};
  let restated = false;
  const unchanged = (file: string): FileRecord | undefined => {
    const check = checkFile(file, cache.records[file], cache.startedAt);
    if (!check.same) return undefined;
    records[file] = check.same;
    restated ||= check.bytes !== undefined;
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
  if (skillsKey(files) !== cache.skills) return undefined;
  const results: FileResult[] = [];
  const agents: EffectiveAgent[] = [];
  for (const file of files) {
    const record = records[file] ?? unchanged(file);
    if (!record?.diagnostics) return undefined;
    if (wantAgents) {
      if (!isEffectiveAgent(record.effective)) return undefined;
      agents.push(record.effective);
    }
    results.push({
      file,
      get uri() {
        return pathToUri(file);
      },
      diagnostics: record.diagnostics.map(expand),
      fixed: false,
    });
  }
  return { results, agents: wantAgents ? agents : undefined, refreshed: restated ? { ...cache, startedAt, records: { ...cache.records, ...records } } : undefined };
}

/** The fields the output formats read without a check of their own (no schema library here: the entry stays light). */
function isEffectiveAgent(value: unknown): value is EffectiveAgent {
  const agent = value as EffectiveAgent | undefined;
  return (
    typeof agent === 'object' &&
    agent !== null &&
    typeof agent.claudeCode === 'string' &&
    typeof agent.loads === 'boolean' &&
    typeof agent.runs === 'boolean' &&
    (agent.tools === 'all' || Array.isArray(agent.tools)) &&
    Array.isArray(agent.ignored)
  );
}
