// hooks: as Claude Code 2.1.332 reads them (each behaviour seen with the binary):
// unknown events removed, malformed entries ignored, or under PreToolUse and the
// other guard events the agent dropped; each finding at its node. Completion of
// event names and hook types.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { completion } from '../../../server/src/service/features/completion/completion';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { HOOK_EVENTS, HOOK_TYPES, hookEntrySchema } from '../../../server/src/service/schema/hooksSchema';
import { analyze, codes, withCode } from '../../support/analyze';
import { expectAt } from '../../support/expectAt';
import { workspace } from '../features/helpers';

const agent = (hooks: string) => `---\nname: test-agent\ndescription: x\nhooks:\n${hooks}\n---\nBody\n`;
const COMMAND = '        - type: command\n          command: ./check.sh';

describe('hooks', () => {
  it('accepts every event of the catalog with every hook type, matchers without a pattern, and extra keys', () => {
    const events = HOOK_EVENTS.map((e) => `  ${e}:\n    - hooks:\n${COMMAND}`).join('\n');
    assert.deepEqual(codes(analyze(agent(events)).diagnostics), []);
    const types =
      '  PostToolUse:\n    - matcher: Bash\n      extra: 1\n      hooks:\n        - type: prompt\n          prompt: check\n        - type: agent\n          prompt: check\n        - type: http\n          url: http://127.0.0.1:1/x\n        - type: mcp_tool\n          server: s\n          tool: t\n          timeout: 5';
    assert.deepEqual(codes(analyze(agent(types)).diagnostics), []);
    assert.deepEqual(codes(analyze(agent('  PostToolUse: []\n  Stop:')).diagnostics), []);
  });

  it('warns on an unknown event, with the event it resembles, and the fix changes it', () => {
    const [d] = expectAt(agent(`  [[pretooluse]]:\n    - matcher: Bash\n      hooks:\n${COMMAND}`), 'unknown-hook-event');
    assert.equal(d.severity, 2);
    assert.match(d.message, /did you mean `PreToolUse`\?\): it removes these hooks/);
    const service = createAgentService();
    const text = agent(`  pretooluse:\n    - hooks:\n${COMMAND}`);
    const doc = service.parse('file:///ws/.claude/agents/test-agent.md', 1, text);
    const [fix] = service.fixes(doc, withCode(service.validate(doc), 'unknown-hook-event')[0]);
    assert.equal(applyEdits(text, fix.edits), text.replace('pretooluse', 'PreToolUse'));
  });

  it('warns, at the node, on entries Claude Code ignores outside the guard events', () => {
    expectAt(agent('  PostToolUse:\n    [[matcher: Bash]]'), 'hook-ignored');
    expectAt(agent('  PostToolUse:\n    - [[echo hi]]'), 'hook-ignored');
    expectAt(agent('  PostToolUse:\n    - matcher: Bash\n      hooks:\n        [[type: command\n        command: x]]'), 'hook-ignored');
    const [missing] = expectAt(agent('  PostToolUse:\n    - matcher: Bash\n      hooks:\n        - type: [[command]]'), 'hook-ignored');
    assert.match(missing.message, /A `command` hook needs `command`/);
    const [type] = expectAt(agent('  Stop:\n    - hooks:\n        - type: [[shel]]\n          command: x'), 'hook-ignored');
    assert.match(type.message, /did you mean `shell`\?|not a hook type/);
    expectAt(agent('  Stop:\n    - hooks:\n        - type: command\n          command: x\n          timeout: [[soon]]'), 'hook-ignored');
    expectAt(agent('  Stop:\n    - hooks:\n        - type: command\n          command: x\n          timeout: [[-5]]'), 'hook-ignored');
    expectAt(agent('  Stop:\n    - matcher: [[5]]\n      hooks:\n' + COMMAND), 'hook-ignored');
    expectAt(agent('  Stop:\n    - hooks:\n        - [[command: x]]'), 'hook-ignored');
    expectAt(agent('  Stop:\n    - hooks:\n        - type: http\n          url: [[not a url]]'), 'hook-ignored');
  });

  it('errors where Claude Code drops the agent: a guard event malformed, hooks a list or a scalar', () => {
    const [map] = expectAt(agent('  PreToolUse:\n    [[matcher: Bash]]'), 'invalid-hooks');
    assert.equal(map.severity, 1);
    assert.match(map.message, /does not load the agent at all/);
    expectAt(agent('  PermissionRequest:\n    - hooks:\n        - type: [[command]]'), 'invalid-hooks');
    expectAt(agent('  PreToolUse:\n    - hooks:\n        - type: [[shell]]\n          command: x'), 'invalid-hooks');
    expectAt('---\nname: test-agent\ndescription: x\nhooks: [[echo hi]]\n---\n', 'invalid-hooks');
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\nhooks: []\n---\n').diagnostics), ['empty-hooks']);
    assert.deepEqual(codes(analyze(agent('  PreToolUse:')).diagnostics), [], 'a guard event without a value is ignored, not fatal');
  });

  it('has a schema for every hook type of the catalog', () => {
    for (const type of Object.keys(HOOK_TYPES)) assert.ok(hookEntrySchema(type), type);
  });
});

describe('hooks completion', () => {
  const labels = (source: string): string[] => {
    const ws = workspace(source);
    return completion(ws.doc, ws.position, ws.ctx, { snippets: true }, NOT_CANCELLED).map((i: CompletionItem) => i.label);
  };

  it('offers the events not yet there on an event line, and nothing deeper', () => {
    const events = labels('---\nname: test-agent\ndescription: x\nhooks:\n  Stop:\n    - hooks: []\n  Pre|\n---\n');
    assert.ok(events.includes('PreToolUse') && events.includes('SubagentStop'));
    assert.ok(!events.includes('Stop'));
    assert.equal(events.length, HOOK_EVENTS.length - 1);
    assert.deepEqual(labels('---\nname: test-agent\ndescription: x\nhooks:\n  Stop:\n    |\n---\n'), []);
    assert.ok(labels('---\nname: test-agent\ndescription: x\nhooks:\n  |\n---\n').includes('PostToolUse'));
  });

  it('offers the hook types after type:, and inserts the event with its colon', () => {
    assert.deepEqual(labels('---\nname: test-agent\ndescription: x\nhooks:\n  Stop:\n    - hooks:\n        - type: |\n---\n'), Object.keys(HOOK_TYPES));
    const ws = workspace('---\nname: test-agent\ndescription: x\nhooks:\n  Pre|\n---\n');
    const item = completion(ws.doc, ws.position, ws.ctx, { snippets: true }, NOT_CANCELLED).find((i) => i.label === 'PreToolUse')!;
    assert.equal((item.textEdit as { newText: string }).newText, 'PreToolUse:');
  });
});
