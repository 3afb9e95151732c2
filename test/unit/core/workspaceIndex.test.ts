// The index keeps its "did you mean" and trigger-usage answers across edits that change
// neither names nor triggers; every change that does shows at once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex, type AgentSummary } from '../../../server/src/service/workspace/workspaceIndex';
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
