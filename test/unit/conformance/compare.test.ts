// The comparator: verdicts only while Agentry's CLI prints no `agents` records, every field
// once it does; tools are compared as they reach the API in the probed environment.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claudeCodeIgnoredKeys, compare, expectedTools, type ToolEnvironment } from '../../../conformance/src/compare.js';
import type { FileAnswer } from '../../../conformance/src/oracle.js';
import type { AgentryAgent, AgentryAnswer } from '../../../conformance/src/agentry.js';

const environment: ToolEnvironment = {
  all: ['Agent', 'Bash', 'Read', 'Write'],
  available: new Map([
    ['Read', ['Read']],
    ['Grep', ['Grep']],
    ['Task', ['Agent']],
    ['Agent', ['Agent']],
    ['Bash', ['Bash']],
  ]),
};
const runs = (id: string, extra: Partial<FileAnswer> = {}): FileAnswer => ({
  id,
  loaded: true,
  agent: { name: 'a', description: 'd', model: 'sonnet' },
  notes: [],
  spawn: { kind: 'spawned', model: 'claude-sonnet', tools: ['Read'] },
  ...extra,
});
const error = { file: 'f', line: 1, column: 1, severity: 'error', code: 'missing-name', message: 'm' };
const warning = { ...error, severity: 'warning', code: 'unknown-tool' };
const answers = (...entries: AgentryAnswer[]) => new Map(entries.map((entry) => [entry.id, entry]));
const record = (extra: Partial<AgentryAgent> = {}): AgentryAgent => ({ file: 'f', loads: true, runs: true, name: 'a', description: 'd', model: { written: 'sonnet', resolved: 'claude-sonnet' }, tools: ['Read'], ignored: [], ...extra });

describe('conformance: compare', () => {
  it('without agent records: an error exactly when Claude Code drops or refuses', () => {
    const claude: FileAnswer[] = [
      runs('ok'),
      { id: 'dropped', loaded: false, notes: [], dropReason: 'YAML Parse error' },
      runs('refused', { spawn: { kind: 'refused', message: "Agent 'x' would be spawned with zero tools — refusing." } }),
      runs('false-alarm'),
      { id: 'silent', loaded: false, notes: [] },
    ];
    const result = compare(
      claude,
      answers({ id: 'ok', diagnostics: [warning] }, { id: 'dropped', diagnostics: [error] }, { id: 'refused', diagnostics: [warning] }, { id: 'false-alarm', diagnostics: [error] }, { id: 'silent', diagnostics: [] }),
      environment,
    );
    assert.equal(result.checked.verdict, 5);
    assert.equal(result.checked.name, 0);
    assert.deepEqual(
      result.disagreements.map((entry) => [entry.id, entry.claudeCode, entry.agentry]),
      [
        ['refused', 'refuses to run (zero tools)', 'no error'],
        ['false-alarm', 'loads and runs', 'error missing-name'],
        ['silent', 'dropped (silently)', 'no error'],
      ],
    );
  });

  it('a file Agentry has no answer for is a disagreement, not a pass', () => {
    const result = compare([runs('lost')], answers(), environment);
    assert.equal(result.disagreements[0].agentry, 'no answer from agentry check');
  });

  it('with agent records: loads, name, description, model as written, runs and tools', () => {
    const claude = [runs('same'), runs('renamed', { agent: { name: 'b', description: 'd', model: 'OPUS' } }), runs('more-tools', { spawn: { kind: 'spawned', model: 'm', tools: ['Read', 'Grep'] } })];
    const result = compare(
      claude,
      answers(
        { id: 'same', diagnostics: [], agent: record() },
        { id: 'renamed', diagnostics: [], agent: record({ model: { written: 'opus', resolved: 'claude-opus' } }) },
        { id: 'more-tools', diagnostics: [], agent: record({ tools: ['Read'] }) },
      ),
      environment,
    );
    assert.deepEqual(
      result.disagreements.map((entry) => `${entry.id} ${entry.category}`),
      ['renamed name', 'renamed model', 'more-tools tools'],
    );
    assert.equal(result.checked.tools, 3);
  });

  it('runs: a refusal is compared with runs=false', () => {
    const claude = [runs('refused', { spawn: { kind: 'refused', message: 'zero tools' } })];
    const agree = compare(claude, answers({ id: 'refused', diagnostics: [error], agent: record({ runs: false, tools: [] }) }), environment);
    assert.deepEqual(agree.disagreements, []);
    const disagree = compare(claude, answers({ id: 'refused', diagnostics: [error], agent: record({ runs: true, tools: ['Foo'] }) }), environment);
    assert.deepEqual(
      disagree.disagreements.map((entry) => entry.category),
      ['runs'],
    );
  });

  it('maps listed tools through what the environment gives (old names, arguments, unavailable names)', () => {
    assert.deepEqual(expectedTools(['Task', 'Bash(git log *)', 'TodoWrite', 'Read'], environment), ['Agent', 'Bash', 'Read']);
    assert.deepEqual(expectedTools('all', environment), ['Agent', 'Bash', 'Read', 'Write']);
    assert.deepEqual(expectedTools([], environment), []);
  });

  it('leaves out the tools the environment withholds beside another (Glob and Grep beside Bash)', () => {
    const withBash: ToolEnvironment = {
      ...environment,
      available: new Map([...environment.available, ['Glob', ['Glob']]]),
      withheld: new Map([
        ['Glob', ['Bash']],
        ['Grep', ['Bash']],
      ]),
    };
    assert.deepEqual(expectedTools(['Read', 'Grep', 'Glob', 'Bash'], withBash), ['Bash', 'Read']);
    assert.deepEqual(expectedTools(['Read', 'Grep', 'Glob'], withBash), ['Glob', 'Grep', 'Read']);
  });

  it('reads the keys Claude Code says it ignores, and checks Agentry reports at least those', () => {
    const answer = runs('keys', {
      notes: [
        { kind: 'unknown-keys', level: 'WARN', reason: '"PreToolUse", "allowed-tools" (did you mean "tools"?)' },
        { kind: 'invalid-value', level: 'DEBUG', reason: "invalid permissionMode 'weird'. Valid options: plan" },
        { kind: 'other', level: 'WARN', reason: 'hooks.NotAnEvent: unknown hook event; entry ignored' },
      ],
    });
    assert.deepEqual(claudeCodeIgnoredKeys(answer), ['PreToolUse', 'allowed-tools', 'hooks', 'permissionMode']);
    const missing = compare(
      [answer],
      answers({
        id: 'keys',
        diagnostics: [],
        agent: record({
          ignored: [
            { key: 'allowed-tools', reason: 'unknown' },
            { key: 'color', reason: 'case' },
          ],
        }),
      }),
      environment,
    );
    assert.deepEqual(
      missing.disagreements.map((entry) => entry.category),
      ['ignored'],
    );
  });

  it("compares a layout's files by verdict: a drop in the log against an error", () => {
    const layout = {
      id: 'cases/l',
      agents: [{ name: 'twin' }],
      spawns: {},
      notes: { 'project/.claude/agents/bad.md': [{ kind: 'dropped' as const, level: 'DEBUG', reason: 'Missing required "description" field' }] },
      names: { 'project/.claude/agents/bad.md': 'bad', 'project/.claude/agents/z.md': 'twin', 'project/.claude/agents/blank.md': 'blank' },
    };
    const result = compare(
      [],
      answers(
        { id: 'cases/l/project/.claude/agents/bad.md', diagnostics: [] },
        { id: 'cases/l/project/.claude/agents/z.md', diagnostics: [warning] },
        { id: 'cases/l/project/.claude/agents/blank.md', diagnostics: [] },
        { id: 'cases/l/project/elsewhere/x.md', diagnostics: [error] },
        { id: 'cases/other/project/.claude/agents/x.md', diagnostics: [error] },
      ),
      environment,
      [layout],
    );
    assert.equal(result.checked.verdict, 3);
    assert.deepEqual(
      result.disagreements.map((entry) => [entry.id, entry.claudeCode]),
      [
        ['cases/l/project/.claude/agents/bad.md', 'dropped: Missing required "description" field'],
        ['cases/l/project/.claude/agents/blank.md', 'dropped: no agent of its name loads (a silent drop)'],
      ],
    );
  });

  it('checks which of two same-named files a layout uses against what duplicate-agent-name says', () => {
    const names = Object.fromEntries(['a', 'z', 'm'].map((file) => [`project/.claude/agents/${file}.md`, 'twin']));
    const layout = { id: 'cases/twins', agents: [{ name: 'twin', description: 'from z.md' }], spawns: {}, notes: {}, names };
    const twin = (description: string) => record({ name: 'twin', description });
    const ignores = { ...warning, code: 'duplicate-agent-name', message: 'Claude Code ignores this agent: `z.md` has the same name, `twin`, and wins.' };
    const uses = { ...warning, code: 'duplicate-agent-name', message: 'Claude Code uses this file for `twin` and ignores `a.md`.' };
    const result = compare(
      [],
      answers(
        { id: 'cases/twins/project/.claude/agents/a.md', diagnostics: [ignores], agent: twin('from a.md') },
        { id: 'cases/twins/project/.claude/agents/z.md', diagnostics: [uses], agent: twin('from z.md') },
        { id: 'cases/twins/project/.claude/agents/m.md', diagnostics: [uses], agent: twin('from m.md') },
      ),
      environment,
      [layout],
    );
    assert.equal(result.checked.winner, 3);
    assert.deepEqual(
      result.disagreements.map((entry) => [entry.id, entry.category, entry.claudeCode, entry.agentry]),
      [['cases/twins/project/.claude/agents/m.md', 'winner', 'does not use this file', 'says Claude Code uses it']],
    );
  });
});
