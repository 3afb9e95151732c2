// The language server's index cache: per workspace folder, what it learned of every
// Markdown file it indexed (whether its frontmatter declares an agent, and an agent's
// summary), so reopening a large workspace parses only the files that changed.
// Files are recognized as node/fileStamp does; the cache is tied to the server build
// (a rebuilt server reads every file again). One that cannot be read is ignored and
// rewritten.
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { declaresAgent } from '../service/workspace/agentFileRule';
import { summaryOfText } from '../service/workspace/summaryOfText';
import { compactSummary, type AgentSummary } from '../service/workspace/workspaceIndex';
import { defaultCacheFolder } from './cacheFolder';
import { checkFile, readUnknownFile, writeJsonMembersAtomic, type FileStamp } from './fileStamp';

const FORMAT = 2;

export interface IndexRecord extends FileStamp {
  /** Its frontmatter sets `name:` or `description:`. */
  declaresAgent: boolean;
  /** Absent for a file that was not an agent then. */
  summary?: AgentSummary;
}

interface IndexCacheData {
  format: number;
  build: string;
  root: string;
  /** When the indexing that wrote it started; every record was read after this. */
  startedAt: number;
  records: Record<string, IndexRecord>;
}

export interface IndexCacheOptions {
  /** The folder that holds the cache files. */
  folder: string;
  /** Identifies the server build; a cache written by another build is not used. */
  build: string;
}

export { defaultCacheFolder };

function cacheFileOf(options: IndexCacheOptions, root: string): string {
  return path.join(options.folder, `index-${rootKey(root)}.json`);
}

/**
 * 64-bit FNV-1a of the folder's path, 16 hex digits: a file name per folder. Not node:crypto,
 * whose load was a part of the language server's start-up (bench/README.md, the third round);
 * the cache holds the folder it is for, so two folders that shared a name would only miss.
 */
export function rootKey(root: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < root.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(root.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** One indexing of a folder: reads files through the previous cache and records them for the next. */
export class IndexCacheSession {
  private readonly startedAt = Date.now();
  private readonly records: Record<string, IndexRecord> = {};
  /** Files read from the cache without parsing, and files parsed. */
  readonly counts = { cached: 0, parsed: 0 };
  /** Whether the cache file would change: saving an unchanged one is skipped. */
  private changed = false;

  private constructor(
    private readonly options: IndexCacheOptions | undefined,
    private readonly root: string,
    private readonly previous: IndexCacheData | undefined,
  ) {}

  static open(options: IndexCacheOptions | undefined, root: string): IndexCacheSession {
    return new IndexCacheSession(options, root, options ? readCacheFile(cacheFileOf(options, root), options.build, root) : undefined);
  }

  /**
   * The summary of `file` if it is an agent (`isAgent` decides from whether its
   * frontmatter declares one), from the cache when the file is unchanged; undefined otherwise.
   */
  summaryOf(file: string, uri: string, isAgent: (declaresAgent: boolean) => boolean): AgentSummary | undefined {
    const before = this.previous?.records[file];
    let record: IndexRecord | undefined;
    let text: string | undefined;
    let bytes: Buffer | undefined;
    if (before) {
      const check = checkFile(file, before, this.previous!.startedAt);
      if (!check.stat) return undefined;
      record = check.same;
      bytes = check.bytes;
      if (!record) {
        text = check.bytes!.toString('utf8');
        record = { stat: check.stat, hash: check.hash!, declaresAgent: declaresAgent(text) };
      }
    } else {
      const fresh = readUnknownFile(file);
      if (!fresh) return undefined;
      text = fresh.text;
      record = { stat: fresh.stat, hash: fresh.hash, declaresAgent: declaresAgent(text) };
    }
    this.records[file] = record;
    this.changed ||= record !== before;
    if (!isAgent(record.declaresAgent)) return undefined;
    if (record.summary) {
      this.counts.cached++;
      // Read back from JSON, its empty lists are arrays of their own: shared again, as a parsed summary's are.
      return (record.summary = compactSummary(record.summary));
    }
    text ??= bytes ? bytes.toString('utf8') : readFileSync(file, 'utf8');
    this.counts.parsed++;
    this.changed = true;
    return (record.summary = summaryOfText(uri, text));
  }

  /** Writes what this indexing read, for the next one, unless that is what the cache holds already. */
  save(): void {
    if (!this.options) return;
    const gone = !this.previous || Object.keys(this.previous.records).length !== Object.keys(this.records).length;
    if (!this.changed && !gone) return;
    mkdirSync(this.options.folder, { recursive: true });
    const data: IndexCacheData = { format: FORMAT, build: this.options.build, root: this.root, startedAt: this.startedAt, records: this.records };
    writeJsonMembersAtomic(cacheFileOf(this.options, this.root), { ...data }, 'records');
  }
}

function readCacheFile(file: string, build: string, root: string): IndexCacheData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexCacheData;
    const valid = data?.format === FORMAT && data.build === build && data.root === root && typeof data.startedAt === 'number' && typeof data.records === 'object' && data.records !== null;
    if (!valid) return undefined;
    // A damaged record is dropped (its file is read again), never trusted.
    for (const [file, record] of Object.entries(data.records)) if (!isRecord(record)) delete data.records[file];
    return data;
  } catch {
    return undefined;
  }
}

function isRecord(r: IndexRecord): boolean {
  const stampOk = Array.isArray(r?.stat) && r.stat.length === 4 && r.stat.every((n) => typeof n === 'number') && typeof r.hash === 'string' && typeof r.declaresAgent === 'boolean';
  const s = r?.summary;
  const summaryOk =
    s === undefined || (typeof s === 'object' && s !== null && typeof s.uri === 'string' && typeof s.stem === 'string' && [s.triggers, s.rules, s.crossAgentReferences, s.agentToolReferences, s.ruleReferences].every(Array.isArray));
  return stampOk && summaryOk;
}
