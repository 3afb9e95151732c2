// Finds agent files: every `.md` under a folder that the agent-file rule accepts
// for a folder walk, skipping node_modules and .git and the configured ignore globs. Synchronous
// on purpose: for thousands of small files it is several times faster than
// awaiting each open and read.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { declaresAgent, isAgentFile } from '../service/workspace/agentFileRule';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * `isAgent` decides for each `.md` file (default: the agent-file rule of a folder walk; the CLI
 * cache can answer from its records). Symbolic links are followed, to files and folders, as
 * Claude Code follows them in `.claude/agents/`; a folder reached twice (a link cycle) is walked once.
 */
export function findAgentFilesSync(root: string, ignore: readonly string[] = [], isAgent: (file: string) => boolean = walkedFileIsAgent): string[] {
  const matcher = ignore.length ? picomatch(ignore as string[], { dot: true }) : undefined;
  const found: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string): void => {
    const real = realpathOrUndefined(dir);
    if (real === undefined || walked.has(real)) return;
    walked.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (matcher?.(path.relative(root, full).split(path.sep).join('/'))) continue;
      const kind = entry.isSymbolicLink() ? linkedKind(full) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (kind === 'folder') {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (kind === 'file' && entry.name.toLowerCase().endsWith('.md') && isAgent(full)) {
        found.push(full);
      }
    }
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
