// Frontmatter checks on in-memory documents; `[[…]]` marks the expected range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codes, withCode } from '../../support/analyze';
import { expectAt } from '../../support/expectAt';
import { marked } from '../../support/markers';
import { TextDocument } from 'vscode-languageserver-textdocument';

describe('frontmatter', () => {
  it('errors on a missing name or description (Claude Code drops the agent)', () => {
    expectAt('[[---]]\ndescription: x\n---\n', 'missing-name');
    expectAt('[[---]]\nname: test-agent\n---\n', 'missing-description');
    expectAt('---\nname: test-agent\ndescription: [[""]]\n---\n', 'missing-description');
  });

  it('rejects a colon in the name and suggests a slug for other bad names', () => {
    expectAt('---\nname: [[team:agent]]\ndescription: x\n---\n', 'name-colon');
    const [format] = expectAt('---\nname: [[Python Expert]]\ndescription: x\n---\n', 'name-format');
    assert.equal((format.data as { suggestion: string }).suggestion, 'python-expert');
  });

  it('treats unknown keys as information and says Claude Code ignores them', () => {
    const [info] = expectAt('---\nname: test-agent\ndescription: x\n[[category]]: backend\n---\n', 'unknown-key');
    assert.equal(info.severity, 3);
    assert.match(info.message, /ignores it silently/);
  });

  it('reads an unquoted `: ` value leniently and errors only on what cannot be read', () => {
    const [lenient] = expectAt('---\nname: test-agent\ndescription: Use it for[[:]] everything\n---\n', 'yaml-lenient-value');
    assert.equal(lenient.severity, 2);
    assert.match(lenient.message, /only through its lenient retry: strict YAML reads this `: ` as the start of a nested key/);
    expectAt('---\nname: test-agent\ndescription: first line: with colon\n[[<example>]]\n---\n', 'yaml-unreadable');
  });

  it("errors on a multi-line value with `: `, which Claude Code's retry quotes only on its first line, and still folds it for the editor", () => {
    const { doc, diagnostics } = analyze('---\nname: test-agent\ndescription: Use when: a\n\n  <example>b</example>\n---\n');
    assert.equal(doc.frontmatter!.fields[1].value, 'Use when: a\n<example>b</example>');
    assert.equal(doc.frontmatter!.mode, 'unreadable');
    assert.deepEqual(codes(diagnostics), ['yaml-unreadable']);
    assert.match(diagnostics[0].message, /quotes only its first line/);
  });

  it('gives each item of a multi-line lenient comma list the span of its text in the document', () => {
    const { text, ranges } = marked('---\nname: test-agent\ndescription: x\ntools: [[Read]], [[Bash(a: b)]],\n    [[Edit]], [[Grep]]\n---\n');
    const { doc } = analyze(text);
    const tools = doc.frontmatter!.fields.find((f) => f.key === 'tools')!;
    assert.ok(tools.lenient, 'read entry by entry, since Claude Code cannot read the frontmatter');
    assert.deepEqual(
      tools.items.map((i) => i.text),
      ['Read', 'Bash(a: b)', 'Edit', 'Grep'],
    );
    assert.deepEqual(
      tools.items.map((i) => text.slice(i.span.start, i.span.end)),
      ['Read', 'Bash(a: b)', 'Edit', 'Grep'],
    );
    const at = TextDocument.create('file:///m.md', 'markdown', 0, text);
    assert.deepEqual(
      tools.items.map((i) => ({ start: at.positionAt(i.span.start), end: at.positionAt(i.span.end) })),
      ranges,
    );
  });

  it('errors on `hooks: []` and checks enum values with a suggestion', () => {
    const hooks = withCode(analyze('---\nname: test-agent\ndescription: x\nhooks: []\n---\n').diagnostics, 'empty-hooks');
    assert.deepEqual(
      hooks.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [[1, 3, 7, 9]],
    );
    const [color] = expectAt('---\nname: test-agent\ndescription: x\ncolor: [[bleu]]\n---\n', 'invalid-value');
    assert.equal((color.data as { suggestion: string }).suggestion, 'blue');
    expectAt('---\nname: test-agent\ndescription: x\npermissionMode: [[askAlways]]\nmemory: project\neffort: high\n---\n', 'invalid-value');
    expectAt('---\nname: test-agent\ndescription: x\nmaxTurns: [[-3]]\n---\n', 'invalid-value');
  });

  it('accepts model aliases and full ids, and suggests for unknown ones', () => {
    for (const model of ['sonnet', 'opus', 'haiku', 'inherit', 'claude-sonnet-4-20250514', 'claude-opus-4-5']) {
      assert.deepEqual(codes(analyze(`---\nname: test-agent\ndescription: x\nmodel: ${model}\n---\n`).diagnostics), [], model);
    }
    const [unknown] = expectAt('---\nname: test-agent\ndescription: x\nmodel: [[sonet]]\n---\n', 'unknown-model');
    assert.equal((unknown.data as { suggestion: string }).suggestion, 'sonnet');
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\nmodel: my-model\n---\n', { settings: { extraModels: ['my-model'] } }).diagnostics), []);
  });

  it('reads an alias with no anchor, which the retry quotes for another line, as a lenient value', () => {
    const [, alias] = expectAt('---\nname: test-agent\ndescription: Use it[[:]] always\nmodel: [[*c]]\n---\n', 'yaml-lenient-value');
    assert.match(alias.message, /Unresolved alias/);
  });

  it('flags duplicate keys as warnings', () => {
    expectAt('---\nname: test-agent\ndescription: x\n[[name]]: other\n---\n', 'duplicate-key');
  });

  it('checks snake_case triggers and duplicates', () => {
    expectAt('---\nname: test-agent\ndescription: x\nproactive_triggers:\n  - api_needed\n  - [[ApiNeeded]]\n---\n', 'trigger-format');
    expectAt('---\nname: test-agent\ndescription: x\nproactive_triggers:\n  - api_needed\n  - [[api_needed]]\n---\n', 'duplicate-trigger');
  });

  it('never evaluates a ---js block and reports it', () => {
    const key = `agentryProbe${Date.now()}`;
    const { diagnostics } = analyze(`---js\n{ name: (globalThis.${key} = 'ran') }\n---\n`);
    assert.equal((globalThis as Record<string, unknown>)[key], undefined);
    assert.deepEqual(codes(diagnostics), ['frontmatter-language']);
  });

  it('reads the YAML after an opening line with trailing spaces, up to the closing line', () => {
    const { doc, diagnostics } = analyze('---  \nname: test-agent\ndescription: x\n---\nBody\n');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [],
    );
    assert.deepEqual(
      doc.frontmatter?.fields.map((f) => f.key),
      ['name', 'description'],
    );
  });

  it('reports an unclosed frontmatter and a missing one', () => {
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\n').diagnostics), ['frontmatter-unclosed']);
    assert.deepEqual(codes(analyze('# Just markdown\n').diagnostics), ['frontmatter-missing']);
  });

  it('honours severity overrides and inline suppressions', () => {
    const text = '---\nname: test-agent\ndescription: x\ncategory: y\n---\n';
    assert.deepEqual(codes(analyze(text, { settings: { severity: { 'unknown-key': 'off' } } }).diagnostics), []);
    assert.equal(analyze(text, { settings: { severity: { 'unknown-key': 'error' } } }).diagnostics[0].severity, 1);
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\n# agentry-disable-next-line unknown-key\ncategory: y\n---\n').diagnostics), []);
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\n# agentry-disable-next-line mojibake\ncategory: y\n---\n').diagnostics), ['unknown-key']);
  });
});
