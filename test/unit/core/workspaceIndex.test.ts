// The index keeps its "did you mean" and trigger-usage answers across edits that change
// neither names nor triggers; every change that does shows at once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compactSummary, summarize, WorkspaceIndex, type AgentSummary } from '../../../server/src/service/workspace/workspaceIndex';
import { parseAgent } from '../../../server/src/service';
import { Revision } from '../../../server/src/service/workspace/revision';

const agent = (uri: string, name: string | undefined, triggers: string[] = [], rules: number[] = []): AgentSummary => ({
  uri,
  stem: uri.replace(/^.*\//, '').replace(/\.md$/, ''),
  name,
  triggers,
  rules: rules.map((number) => ({ number, title: `Rule ${number}`, line: number })),
  crossAgentReferences: [],
  agentToolReferences: [],
  skills: [],
  ruleReferences: [],
});

describe('WorkspaceIndex', () => {
  it('suggests names from the current set after renames, additions and removals', () => {
    const index = new WorkspaceIndex();
    index.upsert(agent('file:///a.md', 'code-reviewer'));
    index.upsert(agent('file:///b.md', 'test-writer'));
    assert.equal(index.closestName('code-reviewr'), 'code-reviewer');
    index.upsert(agent('file:///a.md', 'code-reviewer', [], [1])); // same name, new rule
    assert.equal(index.closestName('code-reviewr'), 'code-reviewer');
    assert.deepEqual(
      index.ruleDefinedElsewhere(1, 'file:///b.md').map((a) => a.uri),
      ['file:///a.md'],
    );
    index.upsert(agent('file:///a.md', 'code-auditor'));
    assert.equal(index.closestName('code-reviewr'), undefined);
    assert.deepEqual(index.ruleDefinedElsewhere(1, 'file:///b.md'), []);
    index.upsert(agent('file:///c.md', 'code-reviewer'));
    assert.equal(index.closestName('code-reviewr'), 'code-reviewer');
    index.remove('file:///c.md');
    assert.equal(index.closestName('code-reviewr'), undefined);
    assert.deepEqual(
      index.agentsNamed('code-auditor').map((a) => a.uri),
      ['file:///a.md'],
    );
  });

  it('keeps a name while another agent still has it', () => {
    const index = new WorkspaceIndex();
    index.upsert(agent('file:///a.md', 'planner'));
    index.upsert(agent('file:///b.md', 'planner'));
    index.upsert(agent('file:///a.md', 'builder'));
    assert.deepEqual(
      index.agentsNamed('planner').map((a) => a.uri),
      ['file:///b.md'],
    );
    assert.equal(index.closestName('planer'), 'planner');
  });

  it('lists the agents of a name and the definers of a rule as they come, go and come back, one or several', () => {
    const index = new WorkspaceIndex();
    const named = (name: string) => index.agentsNamed(name).map((a) => a.uri);
    const definers = (rule: number) => index.ruleDefinedElsewhere(rule, 'file:///none.md').map((a) => a.uri);
    index.upsert(agent('file:///b.md', 'planner', [], [3]));
    index.upsert(agent('file:///b.md', 'planner', [], [3])); // the same agent again: still once
    assert.deepEqual(named('planner'), ['file:///b.md']);
    index.upsert(agent('file:///a.md', 'planner', [], [3]));
    index.upsert(agent('file:///c.md', 'planner', [], [3]));
    assert.deepEqual(named('planner'), ['file:///a.md', 'file:///b.md', 'file:///c.md']);
    assert.deepEqual(definers(3), ['file:///a.md', 'file:///b.md', 'file:///c.md']);
    index.remove('file:///b.md');
    index.upsert(agent('file:///c.md', 'builder'));
    assert.deepEqual(named('planner'), ['file:///a.md']);
    assert.deepEqual(definers(3), ['file:///a.md']);
    index.remove('file:///none.md'); // not indexed: nothing changes
    index.upsert(agent('file:///b.md', 'planner', [], [3]));
    assert.deepEqual(named('planner'), ['file:///a.md', 'file:///b.md']);
    index.remove('file:///a.md');
    index.remove('file:///b.md');
    assert.deepEqual(named('planner'), []);
    assert.deepEqual(definers(3), []);
    assert.deepEqual(index.names(), ['builder']);
  });

  it('summaries share one frozen empty list, also when read back from JSON (the index cache)', () => {
    const text = '---\nname: lone\ndescription: Works alone.\n---\n\nNo rules here.\n';
    const summary = summarize(parseAgent('file:///lone.md', 0, text));
    const empty = [summary.triggers, summary.rules, summary.crossAgentReferences, summary.agentToolReferences, summary.ruleReferences, summary.skills];
    assert.ok(empty.every((list) => list === summary.triggers && list.length === 0));
    assert.ok(Object.isFrozen(summary.triggers));
    const cached = compactSummary(JSON.parse(JSON.stringify(summary)) as AgentSummary);
    assert.deepEqual(cached, summary);
    assert.equal(cached.rules, summary.triggers);
    const withRule = compactSummary(agent('file:///r.md', 'r', ['deploy_requested'], [1]));
    assert.deepEqual(withRule.triggers, ['deploy_requested']);
    assert.deepEqual(withRule.rules, [{ number: 1, title: 'Rule 1', line: 1 }]);
    assert.equal(withRule.skills, summary.triggers);
  });

  it('reports trigger usage after triggers change, and not before', () => {
    const index = new WorkspaceIndex();
    index.upsert(agent('file:///a.md', 'a', ['deploy_requested']));
    index.upsert(agent('file:///b.md', 'b'));
    assert.deepEqual([...index.triggerUsage()], [['deploy_requested', ['file:///a.md']]]);
    index.upsert(agent('file:///b.md', 'b-renamed'));
    assert.deepEqual([...index.triggerUsage()], [['deploy_requested', ['file:///a.md']]]);
    index.upsert(agent('file:///b.md', 'b', ['deploy_requested', 'code_review_needed']));
    assert.deepEqual(
      [...index.triggerUsage()],
      [
        ['deploy_requested', ['file:///a.md', 'file:///b.md']],
        ['code_review_needed', ['file:///b.md']],
      ],
    );
    index.remove('file:///a.md');
    assert.deepEqual(
      [...index.triggerUsage()],
      [
        ['deploy_requested', ['file:///b.md']],
        ['code_review_needed', ['file:///b.md']],
      ],
    );
  });

  it('bumps the workspace revision on every change, so cross-file results are recomputed', () => {
    const revision = new Revision();
    const index = new WorkspaceIndex(revision);
    index.upsert(agent('file:///a.md', 'a'));
    const before = revision.current;
    index.upsert(agent('file:///a.md', 'a', [], [3]));
    assert.ok(revision.current > before);
  });
});
