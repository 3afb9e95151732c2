// The tests, benchmarks and conformance checks read nothing outside the repository: the seeds
// and the corpus are copied into test/fixtures/. A static check of every path written in their
// sources (.ci/run proves the rest by running the tests in a fresh clone with nothing beside it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

const CHECKED = ['test', 'bench', 'conformance'];
/** Data, not code: the agent files of the fixtures and the benchmarks' recorded results. */
const SKIPPED = new Set(['node_modules', 'fixtures', 'results.json']);
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|lua|sh|json)$/;

/** Source files under `dir`; symbolic links are not followed but collected in `links`. */
function sources(dir: string, links: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (SKIPPED.has(entry)) return [];
    const full = path.join(dir, entry);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return (links.push(full), []);
    return stat.isDirectory() ? sources(full, links) : SOURCE.test(entry) ? [full] : [];
  });
}

/** Where a line's relative path literals lead: from the file's folder (imports, __dirname), or from the root after `REPO_ROOT,`. */
function escapes(line: string, file: string): string | undefined {
  const literals = [...line.matchAll(/(['"`])((?:\.\.?\/)*\.\.(?:\/[^'"`]*)?)\1/g)].map((m) => m[2]);
  if (!literals.length) return undefined;
  const fromRoot = !/__dirname|import\.meta|^\s*(import|export)\b.*\bfrom\b|require\(/.test(line) && /(REPO_ROOT|repoRoot),/.test(line);
  const base = fromRoot ? REPO_ROOT : path.dirname(file);
  const target = path.resolve(base, ...literals);
  return path.relative(REPO_ROOT, target).startsWith('..') ? target : undefined;
}

/** Paths that name the material the fixtures were copied from, or the machine around the checkout. */
const OUTSIDE = /(?:\.\.\/)+shared\b|['"`]\/work\/|\/shared\/(?:seeds|corpus)/;

describe('self-contained tests', () => {
  // This file is left out: it holds examples of what the check finds.
  const links: string[] = [];
  const files = CHECKED.flatMap((dir) => sources(path.join(REPO_ROOT, dir), links)).filter((f) => f !== __filename);

  it('finds the sources it checks', () => {
    assert.ok(files.some((f) => f.endsWith(path.join('test', 'support', 'fixtures.ts'))));
    assert.ok(files.some((f) => f.startsWith(path.join(REPO_ROOT, 'bench'))));
  });

  it('no path in test/, bench/ or conformance/ leads outside the repository', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        const where = `${path.relative(REPO_ROOT, file)}:${i + 1}`;
        if (OUTSIDE.test(line)) found.push(`${where}: ${line.trim()}`);
        const target = escapes(line, file);
        if (target) found.push(`${where}: leads to ${target}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('no symbolic link in them points outside the repository', () => {
    const outside = links.map((link) => [link, path.resolve(path.dirname(link), readlinkSync(link))]).filter(([, target]) => path.relative(REPO_ROOT, target).startsWith('..'));
    assert.deepEqual(outside, []);
  });

  it('the check sees a path that climbs out, and one into the shared material', () => {
    const file = path.join(REPO_ROOT, 'test/unit/x.test.ts');
    assert.ok(escapes("const root = path.resolve(__dirname, '../../..');", file));
    assert.ok(escapes("readFileSync(path.join(REPO_ROOT, '..', 'shared', 'seeds'))", file));
    assert.equal(escapes("const root = path.resolve(__dirname, '../..');", file), undefined);
    assert.equal(escapes("import { seed } from '../support/fixtures';", file), undefined);
    assert.ok(escapes("export const SHARED = path.resolve(REPO_ROOT, '../shared');", file));
    assert.ok(OUTSIDE.test("export const SHARED = path.resolve(REPO_ROOT, '../shared');"));
    assert.ok(OUTSIDE.test("readdirSync('/work/shared/corpus')"));
  });
});
