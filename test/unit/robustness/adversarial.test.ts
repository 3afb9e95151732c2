// Hostile and extreme inputs, each by name: every one finishes (a generous
// per-test timeout catches a hang), keeps every range inside the document, and
// gets a clear diagnostic where there is something to say.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAgentService } from '../../../server/src/service';
import { ANALYSIS_LIMIT } from '../../../server/src/service/parse/parseAgent';
import { codes, withCode } from '../../support/analyze';
import { runCli, tempProject } from '../../support/cli';
import { joinLines } from '../../support/lines';
import { applyChecked, assertDiagnosticsInside, Lines } from '../../support/invariants';

const SLOW = { timeout: 60_000 };
const URI = 'file:///ws/.claude/agents/probe.md';
const HEAD = '---\nname: probe\ndescription: Probes the analyser.\n---\n';

interface Outcome {
  diagnostics: Diagnostic[];
  fixAllText: string;
}

/** Parse, validate, every fix and fix-all, asserting every range lies inside the text. */
function analyse(text: string): Outcome {
  const service = createAgentService();
  const doc = service.parse(URI, 0, text);
  service.indexDocument(doc);
  const diagnostics = service.validate(doc);
  const lines = new Lines(text);
  assertDiagnosticsInside(lines, URI, diagnostics, 'input');
  const checked = new Set<object>();
  for (const d of diagnostics.slice(0, 100)) {
    for (const fix of service.fixes(doc, d)) {
      // A fix shared by every diagnostic (repair all, renumber) is checked once.
      if (!checked.has(fix)) applyChecked(lines, fix.edits, `${d.code} fix`);
      checked.add(fix);
    }
  }
  return { diagnostics, fixAllText: applyChecked(lines, service.fixAll(doc, diagnostics), 'fix all') };
}

function at(d: Diagnostic | undefined): string {
  assert.ok(d, 'no such diagnostic');
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/** Deterministic pseudo-random bytes (xorshift32). */
function randomBytes(count: number, seed: number): Buffer {
  const bytes = Buffer.alloc(count);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe('adversarial inputs', () => {
  it('a YAML alias bomb (billion laughs) in the frontmatter is refused, not expanded', SLOW, () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { diagnostics } = analyse(joinLines('---', 'name: probe', 'description: x', ...levels, '---', 'Body.', ''));
    const refused = withCode(diagnostics, 'yaml-unreadable');
    assert.ok(refused.length >= 1, codes(diagnostics).join());
    assert.match(String(refused.at(-1)!.message), /`i` cannot be read: .*alias/i);
    assert.equal(refused.at(-1)!.range.start.line, 11);
  });

  it('a 10 MB file gets one file-too-large diagnostic and the rest is not analysed', SLOW, () => {
    const text = `${HEAD}${'Some body text mentioning Rule 1 of the agent.\n'.repeat(Math.ceil(10_000_000 / 47))}`;
    assert.ok(text.length >= 10_000_000);
    const { diagnostics } = analyse(text);
    const tooLarge = withCode(diagnostics, 'file-too-large');
    assert.equal(tooLarge.length, 1);
    assert.equal(tooLarge[0].severity, 1);
    assert.match(String(tooLarge[0].message), new RegExp(`skips agent files over 1 MiB.*only its first ${ANALYSIS_LIMIT.toLocaleString('en-US')} characters`));
    const analysedLines = ANALYSIS_LIMIT / 47;
    for (const d of withCode(diagnostics, 'undefined-rule-reference')) assert.ok(d.range.start.line <= analysedLines + 5, `diagnostic past the limit at line ${d.range.start.line}`);
  });

  it('a rule block of 100,000 bullet lines is one rule with every bullet', SLOW, () => {
    const text = `${HEAD}**Rule 1: Everything**\n${'- one more bullet\n'.repeat(100_000)}Rule 2 is not defined.\n`;
    const service = createAgentService();
    const doc = service.parse(URI, 0, text);
    assert.equal(doc.rules.length, 1);
    assert.equal(doc.rules[0].bullets.length, 100_000);
    const { diagnostics } = analyse(text);
    // 1.8 MB: Claude Code skips it, and Agentry still analyses all of it.
    assert.deepEqual(codes(diagnostics), ['file-too-large', 'undefined-rule-reference']);
    assert.equal(at(diagnostics[1]), '100005:0-100005:6');
  });

  it('a single 1 MB line keeps exact columns (mojibake at its end)', SLOW, () => {
    const long = 'x'.repeat(1_000_000);
    const { diagnostics, fixAllText } = analyse(`${HEAD}${long} â€” end\n`);
    assert.equal(at(withCode(diagnostics, 'mojibake')[0]), '4:1000001-4:1000004');
    assert.ok(fixAllText.endsWith(`${long} — end\n`));
  });

  it('a file that is one 1 MB line with no line break at all', SLOW, () => {
    const { diagnostics } = analyse(`---${'y'.repeat(1_000_000)}`);
    assert.deepEqual(codes(diagnostics), ['frontmatter-language']);
    assert.equal(diagnostics[0].range.start.line, 0);
  });

  it('binary bytes decoded as UTF-8 are a file without frontmatter', SLOW, () => {
    for (let seed = 1; seed <= 10; seed++) {
      const text = randomBytes(16 * 1024, seed).toString('utf8');
      const { diagnostics } = analyse(text);
      assert.ok(codes(diagnostics).includes(text.startsWith('---') ? 'frontmatter-language' : 'frontmatter-missing'));
    }
    const { diagnostics } = analyse(`${HEAD}${randomBytes(64 * 1024, 99).toString('latin1')}`);
    assert.ok(!codes(diagnostics).includes('frontmatter-missing'));
  });

  it('invalid UTF-8 (read from a Buffer as the CLI does) is replaced, and the name diagnostic says so', SLOW, () => {
    const bytes = Buffer.concat([Buffer.from('---\nname: bad'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('name\ndescription: '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n---\nBody \xe2\x28\xa1.\n', 'latin1')]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\uFFFD'));
    const { diagnostics } = analyse(text);
    const name = withCode(diagnostics, 'name-format')[0];
    assert.equal(at(name), '1:6-1:16');
    assert.match(String(name.message), /`bad\uFFFD\uFFFD\uFFFDname` should use only lowercase letters/);
  });

  it('a UTF-8 BOM is skipped: frontmatter is read and ranges count it as one character', SLOW, () => {
    const { diagnostics } = analyse('\uFEFF---\ndescription: x\ncolor: bleu\n---\n# A\n### C\n');
    assert.deepEqual(codes(diagnostics), ['missing-name', 'invalid-value', 'heading-skip']);
    assert.equal(at(diagnostics[0]), '0:1-0:4');
    assert.equal(at(diagnostics[1]), '2:7-2:11');
    assert.equal(at(diagnostics[2]), '5:0-5:5');
  });

  it('CRLF line endings: diagnostics point at the right lines and columns, values carry no \\r', SLOW, () => {
    const text = '---\r\nname: probe\r\ndescription: Use it: always\r\ntools: Read, Read, Grepp\r\nmodel: sonnet\r\n---\r\n# A\r\n### C\r\nSee Rule 4.\r\n';
    const { diagnostics, fixAllText } = analyse(text);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d)}`),
      // With CRLF Claude Code's lenient retry never applies: the unquoted `: ` drops the agent.
      ['yaml-unreadable@2:13-2:27', 'duplicate-tool@3:13-3:17', 'unknown-tool@3:19-3:24', 'heading-skip@7:0-7:5', 'undefined-rule-reference@8:4-8:10'],
    );
    const service = createAgentService();
    const values = service.parse(URI, 0, text).frontmatter!.fields.map((f) => f.value);
    assert.deepEqual(values, ['probe', 'Use it: always', 'Read, Read, Grepp', 'sonnet']);
    assert.equal(fixAllText, text.replace('Use it: always', '"Use it: always"').replace('Read, Read, ', 'Read, '));
  });

  it('lone CR line endings: the frontmatter closes at a CR line, and lines are counted at each CR', SLOW, () => {
    const text = '---\rname: probe\rdescription: Use it: always\rtools: Read, Read\rmodel: sonnet\r---\r# A\r### C\rSee Rule 4.\r';
    const { diagnostics, fixAllText } = analyse(text);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}@${at(d)}`),
      // A lone-CR frontmatter is one line to Claude Code's retry, which then rewrites nothing.
      ['yaml-unreadable@2:13-2:27', 'duplicate-tool@3:13-3:17', 'heading-skip@7:0-7:5', 'undefined-rule-reference@8:4-8:10'],
    );
    assert.equal(fixAllText, text.replace('Use it: always', '"Use it: always"').replace('Read, Read', 'Read'));
    const body = analyse('# Title\r\r### Deep\rSee Rule 12 here.\r').diagnostics;
    assert.deepEqual(
      body.map((d) => `${d.code}@${at(d)}`),
      ['frontmatter-missing@0:0-0:7', 'heading-skip@2:0-2:8', 'undefined-rule-reference@3:4-3:11'],
    );
  });

  it('frontmatter that is never closed gets one frontmatter-unclosed diagnostic', SLOW, () => {
    const { diagnostics } = analyse(`---\nname: probe\ndescription: x\n${'key: value\n'.repeat(50_000)}`);
    assert.deepEqual(codes(diagnostics), ['frontmatter-unclosed']);
    assert.equal(at(diagnostics[0]), '0:0-0:3');
  });

  for (const language of ['js', 'javascript']) {
    it(`a ---${language} block is reported and never run (parse, validate, CLI)`, SLOW, () => {
      const root = tempProject({});
      const marker = path.join(root, 'pwned');
      const payload = `(globalThis.__agentryPwned = true, require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'), { name: 'x' })`;
      const text = `---${language}\n${payload}\n---\nBody.\n`;
      // Control: the payload is live when it is evaluated.
      new Function('require', `return ${payload}`)(require);
      assert.ok(existsSync(marker) && (globalThis as Record<string, unknown>).__agentryPwned === true, 'the payload is live');
      rmSync(marker);
      delete (globalThis as Record<string, unknown>).__agentryPwned;

      const { diagnostics } = analyse(text);
      assert.deepEqual(codes(diagnostics), ['frontmatter-language']);
      assert.match(String(diagnostics[0].message), new RegExp(`\`---${language}\` frontmatter is not YAML.*never runs it`));
      writeFileSync(path.join(root, 'agent.md'), text);
      const run = runCli(['check', 'agent.md', '--fix', '--format', 'json'], root);
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(
        JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code),
        ['frontmatter-language'],
      );
      assert.equal(existsSync(marker), false, 'the payload ran');
      assert.equal((globalThis as Record<string, unknown>).__agentryPwned, undefined, 'the payload ran');
      assert.equal(readFileSync(path.join(root, 'agent.md'), 'utf8'), text);
    });
  }

  it('deeply nested YAML (flow and block) finishes with a diagnostic', SLOW, () => {
    const flow = analyse(`---\nname: probe\ndescription: x\nhooks: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`).diagnostics;
    // Read as a string (too deep for the strict parse): `hooks` that is no mapping drops the agent.
    assert.ok(
      withCode(flow, 'invalid-hooks').some((d) => d.range.start.line === 3),
      codes(flow).join(),
    );
    const mapping = analyse(`---\nname: probe\ndescription: x\nhooks: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n---\n`).diagnostics;
    assert.ok(
      withCode(mapping, 'invalid-hooks').some((d) => d.range.start.line === 3),
      codes(mapping).join(),
    );
    const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n');
    const nested = analyse(`---\nname: probe\ndescription: x\nmodel:\n${block} v\n---\n`).diagnostics;
    assert.ok(
      withCode(nested, 'invalid-value').some((d) => d.range.start.line === 4),
      codes(nested).join(),
    );
  });

  it('10,000 tools in one tools: line: each unknown or duplicate one is reported, fix all removes the duplicates', SLOW, () => {
    const tools = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'Read' : `Tool${i}`));
    const line = `tools: ${tools.join(', ')}`;
    const { diagnostics, fixAllText } = analyse(`---\nname: probe\ndescription: x\n${line}\n---\n`);
    assert.equal(withCode(diagnostics, 'unknown-tool').length, 5_000);
    assert.equal(withCode(diagnostics, 'duplicate-tool').length, 4_999);
    assert.equal(at(withCode(diagnostics, 'duplicate-tool')[0]), `3:${line.indexOf('Read', line.indexOf('Read') + 1)}-3:${line.indexOf('Read', line.indexOf('Read') + 1) + 4}`);
    const fixed = fixAllText.split('\n')[3];
    assert.equal(fixed.match(/\bRead\b/g)?.length, 1);
    assert.equal(fixed.match(/\bTool\d+\b/g)?.length, 5_000);
  });

  it('lines that make a backtracking pattern quadratic (spaces after a bullet, a run of *, a repeated phrase)', SLOW, () => {
    const spaces = analyse(`${HEAD}**Rule 1: Spaces**\n\n-${' '.repeat(500_000)}\n`).diagnostics;
    assert.deepEqual(codes(spaces), ['rule-without-bullets']);
    const stars = analyse(`${HEAD}📌 Rule 1: ${'*'.repeat(500_000)}x\n- a bullet\n`);
    assert.deepEqual(codes(stars.diagnostics), []);
    const phrase = 'BOUND BY THE FOLLOWING 5 '.repeat(50_000);
    // Over 1 MiB, which Claude Code skips; nothing else.
    assert.deepEqual(codes(analyse(`${HEAD}${phrase}\n`).diagnostics), ['file-too-large']);
    const declared = analyse(`${HEAD}${phrase}RULES\n**Rule 1: One**\n- b\n`).diagnostics;
    assert.equal(at(withCode(declared, 'rule-count-mismatch')[0]), '4:23-4:24');
  });

  it('fix all over tens of thousands of diagnostics of one kind (mojibake, duplicate rules, legacy tools)', SLOW, () => {
    const mojibake = analyse(`${HEAD}${'â€” '.repeat(50_000)}\n`);
    assert.equal(withCode(mojibake.diagnostics, 'mojibake').length, 50_000);
    assert.equal(mojibake.fixAllText, `${HEAD}${'— '.repeat(50_000)}\n`);
    const rules = analyse(`${HEAD}${'**Rule 1: Again**\n- b\n'.repeat(20_000)}`).diagnostics;
    assert.equal(withCode(rules, 'duplicate-rule').length, 19_999);
    const service = createAgentService();
    const doc = service.parse(URI, 0, `${HEAD}${'**Rule 1: Again**\n- b\n'.repeat(20_000)}`);
    const [first, second] = withCode(service.validate(doc), 'duplicate-rule');
    assert.equal(service.fixes(doc, first)[0].edits.length, 19_999);
    assert.deepEqual(service.fixes(doc, second), service.fixes(doc, first));
    const legacy = analyse(`---\nname: probe\ndescription: x\ntools: Glob, ${Array(20_000).fill('LS').join(', ')}\n---\n`);
    assert.equal(withCode(legacy.diagnostics, 'legacy-tool').length, 1);
    assert.equal(withCode(legacy.diagnostics, 'duplicate-tool').length, 19_999);
    assert.match(legacy.fixAllText, /^tools: Glob$/m);
  });

  it('NUL bytes and lone surrogates are ordinary characters', SLOW, () => {
    const { diagnostics } = analyse('---\nname: a\0b\ndescription: \uD800 x \uDC00\ntools: Re\0ad, \uD83D, Read\n---\n\0\0 Rule \uDFFF 3\n');
    assert.deepEqual(codes(diagnostics), ['name-format', 'unknown-tool', 'unknown-tool', 'name-file-mismatch']);
    assert.equal(at(diagnostics[0]), '1:6-1:9');
    assert.equal(at(diagnostics[2]), '3:14-3:15');
  });
});
