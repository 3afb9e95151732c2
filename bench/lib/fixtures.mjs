// Lay a file set out as a throw-away project: <root>/.claude/agents/*.md, flat.
// Why flat: claude-code-lint only globs `.claude/agents/*.md` (no subfolders) and cclint
// only looks under .claude/agents, src/agents, agents. Every tool reads this same copy,
// so they all see the same bytes. Basenames that occur in several corpus subfolders are
// prefixed with "<subfolder>__" to stay unique; all others keep their name. A leading dot
// is dropped (cclint's glob skips dotfiles; the corpus has two `.claude__*.md`).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The seeds and corpus are kept in the repository, under test/fixtures/.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
export const CORPUS = join(FIXTURES, 'corpus');
export const SEEDS = join(FIXTURES, 'seeds');

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
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
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

/**
 * A workspace of `n` agent files made from `pool` (corpus + seeds), round-robin, under
 * <root>/.claude/agents/: copy k of a file is `<stem>-<k>.md` with `name: <stem>-<k>`, so
 * files and names are unique, except every `dupEvery`-th file, which takes the name of
 * the file before it (a deliberate duplicate). Returns { root, agentsDir, count, paths,
 * duplicates: [[first, second], ...] (paths) }.
 */
export function makeScaleWorkspace(root, n, pool, { dupEvery = 1000 } = {}) {
  const agentsDir = join(root, '.claude', 'agents');
  mkdirSync(agentsDir, { recursive: true });
  const stems = uniqueStems(pool);
  const paths = [];
  const names = [];
  const duplicates = [];
  for (let i = 0; i < n; i++) {
    const source = pool[i % pool.length];
    const stem = `${stems[i % pool.length]}-${Math.floor(i / pool.length)}`;
    const dup = i % dupEvery === dupEvery - 1;
    const name = dup ? names[i - 1] : stem;
    const dest = join(agentsDir, `${stem}.md`);
    writeFileSync(dest, renameAgent(readFileSync(source.src, 'utf8'), name));
    if (dup) duplicates.push([paths[i - 1], dest]);
    paths.push(dest);
    names.push(name);
  }
  return { root, agentsDir, count: n, paths, duplicates };
}

function uniqueStems(pool) {
  const clean = (f) =>
    basename(f.name, '.md')
      .replace(/^\.+/, '')
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .toLowerCase();
  const seen = new Map();
  for (const f of pool) seen.set(clean(f), (seen.get(clean(f)) ?? 0) + 1);
  return pool.map((f) => (seen.get(clean(f)) > 1 ? `${f.sub.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase()}--${clean(f)}` : clean(f)));
}

/** Sets the frontmatter's first `name:` line (or adds one after the opening `---`). */
export function renameAgent(text, name) {
  const close = text.search(/\r?\n---\s*(\r?\n|$)/);
  const head = close < 0 ? text : text.slice(0, close);
  const line = /^name:.*$/m.exec(head);
  if (line) return text.slice(0, line.index) + `name: ${name}` + text.slice(line.index + line[0].length);
  return text.replace(/^(\uFEFF?---\r?\n)/, `$1name: ${name}\n`);
}
