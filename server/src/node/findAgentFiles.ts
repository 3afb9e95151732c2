// Finds agent files: every `.md` under a folder that starts with frontmatter,
// skipping node_modules and .git and the configured ignore globs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export async function findAgentFiles(root: string, ignore: readonly string[] = []): Promise<string[]> {
  const isIgnored = ignore.length ? picomatch(ignore as string[], { dot: true }) : () => false;
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isIgnored(relative)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && (await startsWithFrontmatter(full))) {
        found.push(full);
      }
    }
  }
  await walk(root);
  return found.sort();
}

async function startsWithFrontmatter(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return head.startsWith('---');
  } finally {
    await handle.close();
  }
}
