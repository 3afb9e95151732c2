// Finds agent files: every `.md` under a folder that the agent-file rule accepts
// for a folder walk, skipping node_modules and .git and the configured ignore globs. Synchronous
// on purpose: for thousands of small files it is several times faster than
// awaiting each open and read.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { declaresAgent, isAgentFile } from '../service/workspace/agentFileRule';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** `isAgent` decides for each `.md` file (default: the agent-file rule of a folder walk; the CLI cache can answer from its records). */
export function findAgentFilesSync(root: string, ignore: readonly string[] = [], isAgent: (file: string) => boolean = walkedFileIsAgent): string[] {
  const matcher = ignore.length ? picomatch(ignore as string[], { dot: true }) : undefined;
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (matcher?.(path.relative(root, full).split(path.sep).join('/'))) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && isAgent(full)) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The agent-file rule for a file a folder walk found; `bytes`: its content when already read. */
export function walkedFileIsAgent(file: string, bytes?: Uint8Array): boolean {
  const text = () => (bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') : readFileSync(file, 'utf8'));
  return isAgentFile({ path: file, origin: 'folder-walk', declaresAgent: () => declaresAgent(text()) });
}
