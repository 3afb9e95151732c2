// The parsed models of agent files that are not open, by URI, kept while the file's
// modification time and size stay the same: a hover or a definition on a rule defined in
// another agent reads and parses that file once, not on every request.
import { statSync, readFileSync } from 'node:fs';
import { parseAgent, type AgentDocument } from '../service';
import { uriToPath } from './files';

export interface DiskReader {
  stat(file: string): { mtimeMs: number; size: number } | undefined;
  read(file: string): string | undefined;
}

const NODE_DISK: DiskReader = {
  stat: (file) => {
    try {
      const { mtimeMs, size } = statSync(file);
      return { mtimeMs, size };
    } catch {
      return undefined;
    }
  },
  read: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** How many files' models are kept: the ones requests reach into, not the whole workspace. */
const MAX_KEPT = 256;

export class DiskAgents {
  private readonly kept = new Map<string, { mtimeMs: number; size: number; doc: AgentDocument }>();

  constructor(private readonly disk: DiskReader = NODE_DISK) {}

  /** What a file's model depends on, as a string: its modification time and size; undefined when it cannot be read. */
  stamp(uri: string): string | undefined {
    const file = uriToPath(uri);
    const stat = file === undefined ? undefined : this.disk.stat(file);
    return stat && `${stat.mtimeMs}:${stat.size}`;
  }

  /** Lets go of a file's model (a watcher saw it change: the next read takes the disk's word). */
  forget(uri: string): void {
    this.kept.delete(uri);
  }

  /**
   * The model of the file as it is on disk now; undefined when it cannot be read. With
   * `keep` false, a model not kept already is not kept either (a pass over every file).
   */
  read(uri: string, keep = true): AgentDocument | undefined {
    const file = uriToPath(uri);
    const stat = file === undefined ? undefined : this.disk.stat(file);
    if (!file || !stat) {
      this.kept.delete(uri);
      return undefined;
    }
    const kept = this.kept.get(uri);
    if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) {
      // Most recently used last, so the oldest is the one let go.
      this.kept.delete(uri);
      this.kept.set(uri, kept);
      return kept.doc;
    }
    const text = this.disk.read(file);
    if (text === undefined) {
      this.kept.delete(uri);
      return undefined;
    }
    const doc = parseAgent(uri, -1, text);
    if (!keep) return doc;
    this.kept.delete(uri);
    this.kept.set(uri, { ...stat, doc });
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return doc;
  }
}
