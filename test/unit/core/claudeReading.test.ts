// How Claude Code reads a frontmatter, behaviour by behaviour (each seen on the real
// binary by the conformance suite): the retry, the drop, and the values it accepts or ignores.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/service';
import { effectiveAgent } from '../../../server/src/service/claude/effectiveAgent';
import { claudeRetry } from '../../../server/src/service/parse/claudeRetry';
import { analyze, codes, withCode } from '../../support/analyze';
import { joinLines } from '../../support/lines';

const fm = (...lines: string[]) => joinLines('---', ...lines, '---', 'Body.', '');
const agentOf = (text: string) => effectiveAgent(analyze(text).doc, DEFAULT_SETTINGS);
const errors = (text: string) =>
  analyze(text)
    .diagnostics.filter((d) => d.severity === 1)
    .map((d) => String(d.code));

describe("Claude Code's lenient retry", () => {
  it('quotes top-level `key: value` lines holding an indicator or `: `, and maps offsets back', () => {
    const source = 'name: a\ndescription: Use it: now\ntools: [Read, Grep]\nmodel: "x"\n';
    const retry = claudeRetry(source);
    assert.equal(retry.text, 'name: a\ndescription: "Use it: now"\ntools: [Read, Grep]\nmodel: "x"\n');
    const quoted = retry.text.indexOf('"Use');
    assert.equal(retry.toOriginal(quoted), source.indexOf('Use'));
    assert.equal(retry.toOriginal(retry.text.indexOf('tools')), source.indexOf('tools'));
  });

  it('leaves lines ending in \\r, keys with digits and indented lines alone, and turns leading tabs into two spaces', () => {
    assert.deepEqual(claudeRetry('description: a: b\r\n').rewrites, []);
    assert.deepEqual(claudeRetry('key2: a: b\n').rewrites, []);
    assert.deepEqual(claudeRetry('x:\n  cacheTtl: a: b\n').rewrites, []);
    assert.equal(claudeRetry('x:\n\ty: 1\n').text, 'x:\n  y: 1\n');
  });

  it('a single-line value with `: ` loads with a warning; the same file with CRLF is dropped', () => {
    assert.deepEqual(errors(fm('name: test-agent', 'description: Use this: for X')), []);
    assert.deepEqual(errors(fm('name: test-agent', 'description: Use this: for X').replace(/\n/g, '\r\n')), ['yaml-unreadable']);
  });

  it('drops a frontmatter the retry cannot mend: a value ending in a colon, an unclosed quote, a block scalar with the retry, a key with a digit', () => {
    assert.deepEqual(errors(fm('name: test-agent', 'description: ends with colon:')), ['yaml-unreadable']);
    assert.deepEqual(errors(fm('name: test-agent', "description: 'It's here: now'")), ['yaml-unreadable']);
    assert.deepEqual(errors(fm('name: test-agent', 'description: |', '  block', 'initialPrompt: a: b')), ['yaml-unreadable']);
    assert.match(analyze(fm('name: test-agent', 'description: |', '  block', 'initialPrompt: a: b')).diagnostics[0].message, /block scalar indicator `\|`/);
    assert.deepEqual(errors(fm('name: test-agent', 'description: x', 'key2: a: b')), ['yaml-unreadable']);
  });

  it('reads `model: sonnet # fast` as `sonnet # fast` when another line needs the retry, and as `sonnet` otherwise', () => {
    const retried = analyze(fm('name: test-agent', 'description: Use this: for X', 'model: sonnet # fast'));
    const [rewrite] = withCode(retried.diagnostics, 'yaml-retry-rewrite');
    assert.match(rewrite.message, /reads `model` as `sonnet # fast`, not `sonnet`/);
    assert.equal(effectiveAgent(retried.doc, DEFAULT_SETTINGS).model?.written, 'sonnet # fast');
    assert.equal(agentOf(fm('name: test-agent', 'description: ok', 'model: sonnet # fast')).model?.written, 'sonnet');
  });

  it('loads a tab-indented frontmatter through the retry', () => {
    const text = fm('name: test-agent', 'description: x', 'hooks:', '\tStop: []');
    assert.equal(analyze(text).doc.frontmatter!.mode, 'retry');
    assert.equal(agentOf(text).loads, true);
  });
});

describe('the split and the file', () => {
  it('a blank first line: no frontmatter, and the message says why', () => {
    const [missing] = analyze(`\n${fm('name: test-agent', 'description: x')}`).diagnostics;
    assert.equal(missing.code, 'frontmatter-missing');
    assert.match(missing.message, /very first characters/);
  });

  it('a --- inside a value ends the frontmatter there: the keys after it are lost', () => {
    const text = fm('name: test-agent', 'description: before --- after', 'model: opus');
    assert.deepEqual(
      codes(analyze(text).diagnostics).filter((c) => c !== 'heading-skip'),
      ['frontmatter-early-close'],
    );
    const agent = agentOf(text);
    assert.equal(agent.description, 'before');
    assert.equal(agent.model, undefined);
  });

  it('under .claude/agents, a name ending in .MD is skipped by Claude Code; elsewhere it is not judged by its case', () => {
    const text = fm('name: test-agent', 'description: d');
    assert.deepEqual(
      analyze(text, { uri: 'file:///ws/.claude/agents/test-agent.MD' })
        .diagnostics.filter((d) => d.severity === 1)
        .map((d) => d.code),
      ['md-extension-case'],
    );
    assert.deepEqual(
      analyze(text, { uri: 'file:///ws/agents/test-agent.MD' })
        .diagnostics.filter((d) => d.severity === 1)
        .map((d) => d.code),
      [],
    );
  });

  it('a file of exactly 1 MiB loads; one byte more is skipped', () => {
    const head = fm('name: test-agent', 'description: x');
    const exact = head + 'x'.repeat(1_048_576 - head.length);
    assert.deepEqual(errors(exact), []);
    assert.deepEqual(errors(exact + 'x'), ['file-too-large']);
    assert.deepEqual(errors(head + 'é'.repeat((1_048_576 - head.length) / 2 + 1)), ['file-too-large']);
  });
});

describe('keys and values as Claude Code accepts them', () => {
  it('names: a leading -, over 256 characters, a full-width colon drop; blanks only load', () => {
    assert.deepEqual(errors(fm('name: -x', 'description: d')), ['invalid-name']);
    assert.deepEqual(errors(fm(`name: ${'a'.repeat(257)}`, 'description: d')), ['invalid-name']);
    assert.deepEqual(errors(fm('name: team：agent', 'description: d')), ['name-colon']);
    assert.deepEqual(errors(fm('name: "  "', 'description: d')), []);
    assert.deepEqual(errors(fm('name: 2024', 'description: d')), ['missing-name']);
  });

  it('accepts what Claude Code accepts, with no diagnostic', () => {
    const text = fm(
      'name: test-agent',
      'description: d',
      'model: OPUS',
      'permissionMode: manual',
      'isolation: remote',
      'effort: 3',
      'background: "true"',
      'maxTurns: "5"',
      'autoCompactWindow: 100000',
      'omitClaudeMd: true',
      'experimental:',
      '  cacheTtl: 5m',
    );
    assert.deepEqual(codes(analyze(text).diagnostics), []);
    assert.deepEqual(codes(analyze(fm('name: test-agent', 'description: d', 'effort: med', 'model: fable[1m]')).diagnostics), []);
  });

  it('warns where it ignores a value: color in capitals, mcpServers as a map, a small autoCompactWindow', () => {
    assert.match(withCode(analyze(fm('name: test-agent', 'description: d', 'color: Blue')).diagnostics, 'invalid-value')[0].message, /ignores it/);
    assert.match(withCode(analyze(fm('name: test-agent', 'description: d', 'mcpServers:', '  github: {}')).diagnostics, 'invalid-value')[0].message, /only as a YAML list/);
    assert.equal(withCode(analyze(fm('name: test-agent', 'description: d', 'autoCompactWindow: 5000')).diagnostics, 'invalid-value').length, 1);
    const empty = withCode(analyze(fm('name: test-agent', 'description: d', 'color:')).diagnostics, 'invalid-value')[0];
    assert.match(empty.message, /^An empty `color`/);
  });

  it('a top-level PreToolUse with a value drops the agent; other events at the top level are ignored', () => {
    assert.deepEqual(errors(fm('name: test-agent', 'description: d', 'PreToolUse: check')), ['top-level-hook']);
    assert.deepEqual(errors(fm('name: test-agent', 'description: d', 'PreToolUse: []')), []);
    assert.deepEqual(codes(analyze(fm('name: test-agent', 'description: d', 'Stop: check')).diagnostics), ['hook-event-key']);
  });
});

describe('the effective agent', () => {
  it('maps old tool names, leaves out unknown ones and main-conversation tools, and resolves the model', () => {
    const agent = agentOf(fm('name: test-agent', 'description: Line one\\nline two', 'tools: Read Task, KillShell, MultiEdit, Workflow, Bash(git:*)', 'model: Sonnet'));
    assert.deepEqual(agent.tools, ['Read', 'Agent', 'TaskStop', 'Bash']);
    assert.deepEqual(agent.model, { written: 'Sonnet', resolved: 'sonnet', kind: 'alias' });
    assert.equal(agent.description, 'Line one\nline two');
    assert.deepEqual(
      agent.ignored.map((i) => i.key),
      ['tools', 'tools'],
    );
  });

  it('names the key of each thing it ignores, also for a key right after another entry', () => {
    const agent = agentOf(fm('name: test-agent', 'description: d', 'color: bleu', 'category: x', 'tools: Read, Reed'));
    assert.deepEqual(agent.ignored.map((i) => i.key).sort(), ['category', 'color', 'tools']);
  });

  it('every tool without a tools key or with *, minus disallowedTools; none with tools: []; inherit lower-cased', () => {
    assert.equal(agentOf(fm('name: test-agent', 'description: d')).tools, 'all');
    const all = agentOf(fm('name: test-agent', 'description: d', 'tools: "*"', 'disallowedTools: Bash, Task', 'model: INHERIT'));
    assert.equal(all.tools, 'all');
    assert.deepEqual(all.disallowedTools, ['Bash', 'Agent']);
    assert.deepEqual(all.model, { written: 'inherit', resolved: 'inherit', kind: 'inherit' });
    const none = agentOf(fm('name: test-agent', 'description: d', 'tools: []'));
    assert.deepEqual([none.tools, none.runs], [[], true]);
  });

  it('disallowedTools removes its tools, old names mapped, from a tools list too; a tools value that is no list gives none', () => {
    assert.deepEqual(agentOf(fm('name: test-agent', 'description: d', 'tools: Agent, Read', 'disallowedTools: Task')).tools, ['Read']);
    const none = agentOf(fm('name: test-agent', 'description: d', 'tools: Read', 'disallowedTools: Read'));
    assert.deepEqual([none.tools, none.runs], [[], true]);
    assert.deepEqual(agentOf(fm('name: test-agent', 'description: d', 'tools: 5')).tools, []);
  });

  it('refuses to run when every listed tool is left out, and says why', () => {
    const agent = agentOf(fm('name: test-agent', 'description: d', 'tools: read_file, write_file'));
    assert.deepEqual([agent.loads, agent.runs], [true, false]);
    assert.match(agent.refusal ?? '', /zero tools/);
    const dropped = agentOf(fm('name: test-agent'));
    assert.deepEqual([dropped.loads, dropped.runs], [false, false]);
    assert.match(dropped.dropReason ?? '', /description/);
  });
});
