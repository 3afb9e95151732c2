// permission-no-prompts and allowed-tools-ignored: where they are reported, what
// they say and the rename fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { analyze, codes, withCode } from '../../support/analyze';
import { expectAt } from '../../support/expectAt';

const agent = (lines: string) => `---\nname: test-agent\ndescription: x\n${lines}\n---\nBody\n`;

describe('permission-no-prompts', () => {
  it('notes bypassPermissions and dontAsk on the value, as information', () => {
    const [bypass] = expectAt(agent('permissionMode: [[bypassPermissions]]'), 'permission-no-prompts');
    assert.equal(bypass.severity, 3);
    assert.match(bypass.message, /runs every tool without asking/);
    assert.match(bypass.message, /keeps the session's mode/);
    const [dontAsk] = expectAt(agent('permissionMode: [[dontAsk]]'), 'permission-no-prompts');
    assert.match(dontAsk.message, /denied without a prompt/);
  });

  it('says nothing for the modes that ask, or for a value that is not a string', () => {
    for (const mode of ['default', 'acceptEdits', 'plan', 'auto', 'manual', '[bypassPermissions]']) expectAt(agent(`permissionMode: ${mode}`), 'permission-no-prompts');
  });

  it('follows the severity setting like every code', () => {
    const off = analyze(agent('permissionMode: bypassPermissions'), { settings: { severity: { 'permission-no-prompts': 'off' } } });
    assert.ok(!codes(off.diagnostics).includes('permission-no-prompts'));
    const warn = analyze(agent('permissionMode: dontAsk'), { settings: { severity: { 'permission-no-prompts': 'warning' } } });
    assert.equal(withCode(warn.diagnostics, 'permission-no-prompts')[0].severity, 2);
  });
});

describe('allowed-tools-ignored', () => {
  it('warns on the key of an agent without tools, instead of a did-you-mean unknown-key', () => {
    const found = expectAt(agent('[[allowed-tools]]: Read, Grep'), 'allowed-tools-ignored');
    assert.equal(found[0].severity, 2);
    assert.match(found[0].message, /gets every tool/);
    assert.deepEqual(withCode(found.analysis.diagnostics, 'unknown-key'), []);
  });

  it('is only an ignored key when tools is there too, and suggests nothing', () => {
    expectAt(agent('tools: Read\nallowed-tools: Bash'), 'allowed-tools-ignored');
    const [unknown] = expectAt(agent('tools: Read\n[[allowed-tools]]: Bash'), 'unknown-key');
    assert.match(unknown.message, /gets the tools of `tools`/);
    assert.equal((unknown.data as { suggestion?: string }).suggestion, undefined);
  });

  it('renames the key to tools, keeping the value as written; not in fix-all', () => {
    const service = createAgentService();
    const text = agent('model: sonnet\nallowed-tools:\n  - Read\n  - Grep # search');
    const doc = service.parse('file:///ws/.claude/agents/test-agent.md', 1, text);
    const [diagnostic] = withCode(service.validate(doc), 'allowed-tools-ignored');
    const [fix] = service.fixes(doc, diagnostic);
    assert.equal(fix.auto, false);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('allowed-tools:', 'tools:'));
    assert.deepEqual(withCode(analyze(fixed).diagnostics, 'allowed-tools-ignored'), []);
    assert.deepEqual(service.fixAll(doc, [diagnostic]), []);
  });
});
