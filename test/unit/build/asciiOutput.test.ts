// The bundles are written as pure ASCII (scripts/asciiOutput.mjs): the escapes mean what the
// characters meant, and every bundle the build writes is ASCII.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { REPO_ROOT } from '../../support/fixtures';
// @ts-expect-error: a plain .mjs module of the build, without types.
import { escapeNonAscii } from '../../../scripts/asciiOutput.mjs';

const escape = escapeNonAscii as (text: string) => string;
const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

describe('ASCII bundles', () => {
  it('escape strings, templates, regular expressions and identifiers to the same values', () => {
    const source = [
      '// a comment — with “quotes” and 📌',
      '/* block – comment */',
      'const dash = /[:.)–—]/;',
      'const pin = /^(?:📌|ðŸ“Œ)x$/;',
      'const pinU = /^📌$/u;',
      'const café = "née – 📌";',
      'const tpl = `é${1}—`;',
      '({',
      '  dash: ["a–b", "a-b", "a—b"].map((s) => dash.test(s)),',
      '  pin: [pin.test("📌x"), pin.test("ðŸ“Œx"), pin.test("x")],',
      '  pinU: [pinU.test("📌"), pinU.test("\\ud83d")],',
      '  café, tpl, length: café.length,',
      '})',
    ].join('\n');
    const escaped = escape(source);
    assert.ok(isAscii(escaped));
    const run = (code: string) => JSON.parse(JSON.stringify(runInNewContext(code)));
    assert.deepEqual(run(escaped), run(source));
    assert.deepEqual(run(escaped).dash, [true, false, true]);
    assert.deepEqual(run(escaped).pinU, [true, false]);
  });

  it('refuse what an escape would change: an escaped character, a line separator', () => {
    assert.throws(() => escape('/\\é/'), /cannot escape U\+e9/);
    assert.throws(() => escape('// a\u2028b'), /cannot escape U\+2028/);
    assert.equal(escape('"\\\\é"'), '"\\\\\\u00e9"');
  });

  const dist = path.join(REPO_ROOT, 'dist');
  it('are what the build writes', { skip: !existsSync(dist) && 'no bundle built' }, () => {
    const bundles = readdirSync(dist).filter((f) => f.endsWith('.js'));
    assert.ok(bundles.includes('server-main.js'));
    assert.deepEqual(
      bundles.filter((f) => !isAscii(readFileSync(path.join(dist, f), 'latin1'))),
      [],
    );
  });
});
