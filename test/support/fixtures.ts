// Locates the seed and corpus agent files kept in test/fixtures/ and loads them for tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const SEEDS_DIR = path.join(FIXTURES, 'seeds');
export const CORPUS_DIR = path.join(FIXTURES, 'corpus');

export interface Fixture {
  /** Path relative to its root folder. */
  name: string;
  file: string;
  text: string;
}

/** Seed files by number prefix ("000" … "004"). */
export function seed(prefix: string): Fixture {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS_DIR}`);
  const file = path.join(SEEDS_DIR, name);
  return { name, file, text: readFileSync(file, 'utf8') };
}

export function allSeeds(): Fixture[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => seed(f.slice(0, 3)));
}

/** The agent files of the corpus (its top-level SOURCES.md and STATS.md are not agents). */
export function corpusFiles(): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.md') && dir !== CORPUS_DIR) out.push({ name: path.relative(CORPUS_DIR, full), file: full, text: readFileSync(full, 'utf8') });
    }
  };
  walk(CORPUS_DIR);
  return out;
}

/** A file URI for a seed as if it lived in an agents folder under its agent name. */
export function agentUri(name: string): string {
  return `file:///workspace/.claude/agents/${name}.md`;
}
