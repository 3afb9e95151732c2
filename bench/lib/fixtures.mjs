// Lay a file set out as a throw-away project: <root>/.claude/agents/*.md, flat.
// Why flat: claude-code-lint only globs `.claude/agents/*.md` (no subfolders) and cclint
// only looks under .claude/agents, src/agents, agents. Every tool reads this same copy,
// so they all see the same bytes. Basenames that occur in several corpus subfolders are
// prefixed with "<subfolder>__" to stay unique; all others keep their name. A leading dot
// is dropped (cclint's glob skips dotfiles; the corpus has two `.claude__*.md`).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The shared seeds and corpus live beside the checkout: <checkout>/../shared.
const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const CORPUS = join(SHARED, 'corpus');
export const SEEDS = join(SHARED, 'seeds');

/** The corpus agents: `<subfolder>/*.md` (skips top-level STATS.md / SOURCES.md). */
export function corpusFiles(dir = CORPUS) {
  const files = [];
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of readdirSync(join(dir, sub.name))) {
      if (f.endsWith('.md')) files.push({ src: join(dir, sub.name, f), sub: sub.name, name: f });
    }
  }
  return files.sort((a, b) => a.src.localeCompare(b.src));
}

/** The seeds: `*.txt`, copied as `.md`. */
export function seedFiles(dir = SEEDS) {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ src: join(dir, f), sub: '', name: basename(f, '.txt') + '.md' }));
}

/** Copy `files` into <root>/.claude/agents; returns { root, agentsDir, count, paths }. */
export function makeFixture(root, files) {
  const agentsDir = join(root, '.claude', 'agents');
  mkdirSync(agentsDir, { recursive: true });
  const clean = (f) => f.name.replace(/^\.+/, '');
  const seen = new Map();
  for (const f of files) seen.set(clean(f), (seen.get(clean(f)) ?? 0) + 1);
  const paths = files.map((f) => {
    const dest = join(agentsDir, seen.get(clean(f)) > 1 ? `${f.sub}__${clean(f)}` : clean(f));
    copyFileSync(f.src, dest);
    return dest;
  });
  return { root, agentsDir, count: paths.length, paths };
}
