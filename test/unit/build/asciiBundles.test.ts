// The built bundles are ASCII (esbuild.mjs, asciiOutput: V8 keeps an ASCII script's source
// at one byte a character, half the memory), and what was escaped still means what it
// meant: rule headings with an em dash or a pin, matched by regular expressions written
// with those characters, are read by the bundled CLI.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/fixtures';
import { asciiEscape } from '../../../scripts/asciiEscape.cjs';

const DIST = path.join(REPO_ROOT, 'dist');

describe('asciiEscape', () => {
  // Each snippet is valid JavaScript, as esbuild writes it; escaped, it must be ASCII and mean the same.
  const snippets = [
    String.raw`'—'`,
    String.raw`'\—'`,
    String.raw`'\\—'`,
    '`a📌${1}—${"é"}`',
    String.raw`/[—📌]/.test('📌')`,
    String.raw`/\—/.test('—')`,
    String.raw`/\\—/.test('\\—')`,
    String.raw`/\\—x/u.test('\\—x')`,
    String.raw`/* — */ 'é' // ü`,
    String.raw`'a\\\é'`,
  ];
  for (const snippet of snippets)
    it(`keeps the meaning of ${snippet}`, () => {
      const escaped = asciiEscape(snippet);
      assert.equal(escaped.search(/[^\x00-\x7f]/), -1, escaped);
      assert.deepEqual((0, eval)(escaped), (0, eval)(snippet), escaped);
    });
});

describe('built bundles', { skip: !existsSync(path.join(DIST, 'server-main.js')) && 'no bundle built' }, () => {
  it('hold only ASCII characters', () => {
    const bundles = readdirSync(DIST).filter((file) => file.endsWith('.js'));
    assert.ok(bundles.includes('server-main.js') && bundles.includes('cli-lint.js'), bundles.join(', '));
    for (const file of bundles) {
      const text = readFileSync(path.join(DIST, file), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${file}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}`);
    }
  });

  it('read rules whose headings hold an em dash or a pin', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'agentry-bundle-'));
    try {
      mkdirSync(path.join(root, '.claude/agents'), { recursive: true });
      const text = '---\nname: pinned\ndescription: Pins its rules.\n---\n\n**Rule 1 — Keep It Short**\n- one line\n\n📌 Rule 2: Be Kind\n- always\n\nFollow Rule 1, Rule 2 and Rule 3.\n';
      writeFileSync(path.join(root, '.claude/agents/pinned.md'), text);
      const run = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'check', '.claude/agents', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(root, 'cache') } });
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] };
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'undefined-rule-reference').map((d) => d.message),
        ['Rule 3 is not defined in this file or any other agent.'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
