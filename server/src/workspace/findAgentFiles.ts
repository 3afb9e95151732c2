// Finds agent files: every `.md` under a folder that the agent-file rule accepts
// for a folder walk, skipping node_modules and .git and the configured ignore globs. Synchronous
// on purpose: for thousands of small files it is several times faster than
// awaiting each open and read.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { slashRelative } from './files';
import picomatch from 'picomatch';
import { declaresAgent, isAgentFile } from '../service/workspace/agentFileRule';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * `isAgent` decides for each `.md` file (default: the agent-file rule of a folder walk; the CLI
 * cache can answer from its records). Symbolic links are followed, to files and folders, as
 * Claude Code follows them in `.claude/agents/`: a folder linked from two places is walked under both
 * (the files' paths do not depend on the walk's order); a link back to a folder the walk is in is a loop, not followed.
 * `onLink` hears of every link followed, with its real path.
 */
export function findAgentFilesSync(root: string, ignore: readonly string[] = [], isAgent: (file: string) => boolean = walkedFileIsAgent, onLink?: (link: string, real: string) => void): string[] {
  const matcher = ignore.length ? picomatch(ignore as string[], { dot: true }) : undefined;
  const found: string[] = [];
  /**
   * The real paths of the folders being walked and of those above `root`: a link back to one
   * of them is a loop, whichever folder the walk starts from (a whole workspace or one folder in it).
   */
  const walking = new Set<string>();
  for (let above = path.dirname(path.resolve(root)); ; above = path.dirname(above)) {
    const real = realpathOrUndefined(above);
    if (real !== undefined) walking.add(real);
    if (path.dirname(above) === above) break;
  }
  const walk = (dir: string): void => {
    const real = realpathOrUndefined(dir);
    if (real === undefined || walking.has(real)) return;
    walking.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (matcher?.(slashRelative(root, full))) continue;
      const kind = entry.isSymbolicLink() ? linkedKind(full) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (kind && onLink && entry.isSymbolicLink()) onLink(full, realpathOrUndefined(full) ?? full);
      if (kind === 'folder') {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (kind === 'file' && entry.name.toLowerCase().endsWith('.md') && isAgent(full)) {
        found.push(full);
      }
    }
    walking.delete(real);
  };
  walk(root);
  return found.sort();
}

/** What a symbolic link leads to; undefined when it is broken or a loop. */
function linkedKind(link: string): 'file' | 'folder' | undefined {
  try {
    const stat = statSync(link);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}

/** The agent-file rule for a file a folder walk found; `bytes`: its content when already read. */
export function walkedFileIsAgent(file: string, bytes?: Uint8Array): boolean {
  const text = () => (bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') : readFileSync(file, 'utf8'));
  return isAgentFile({ path: file, origin: 'folder-walk', declaresAgent: () => declaresAgent(text()) });
}
