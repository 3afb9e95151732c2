// The facade keeps the last diagnostics of a document version, and recomputes
// them when the workspace index, the rules document or the settings change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService, DEFAULT_SETTINGS, fixedHost } from '../../../server/src/service';

const agent = (name: string) => `---\nname: ${name}\ndescription: x\ncategory: y\n---\nSee Rule 3.\n`;

describe('validation of one document version', () => {
  const codesOf = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code)).sort();

  it('follows the index, the rules document and the settings', () => {
    let settings = DEFAULT_SETTINGS;
    const service = createAgentService({ ...fixedHost(), settings: () => settings });
    const doc = service.parse('file:///ws/agents/a.md', 1, agent('a'));
    service.indexDocument(doc);
    const first = service.validate(doc);
    assert.deepEqual(codesOf(first), ['undefined-rule-reference', 'unknown-key']);
    assert.deepEqual(service.validate(doc), first);

    service.indexDocument(service.parse('file:///ws/agents/b.md', 1, agent('a')));
    assert.ok(codesOf(service.validate(doc)).includes('duplicate-agent-name'));

    service.setRulesDocument(service.parse('file:///ws/CLAUDE.md', 1, '**Rule 3: Three**\n- x\n'));
    assert.ok(!codesOf(service.validate(doc)).includes('undefined-rule-reference'));

    settings = { ...DEFAULT_SETTINGS, severity: { 'unknown-key': 'off' as const } };
    assert.ok(!codesOf(service.validate(doc)).includes('unknown-key'));
  });

  it('hands out a fresh array each time', () => {
    const service = createAgentService();
    const doc = service.parse('file:///ws/agents/a.md', 1, agent('a'));
    service.validate(doc).length = 0;
    assert.ok(service.validate(doc).length > 0);
  });
});
