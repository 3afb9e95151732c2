// The index answers in the order of the files, never in the order they were indexed: a
// long-running server (files indexed as events come) and a fresh one (a sorted walk) agree
// on which duplicate is named first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAgent } from '../../../server/src/service';
import { summarize, WorkspaceIndex } from '../../../server/src/service/workspace/workspaceIndex';

const agent = (file: string) => summarize(parseAgent(`file:///ws/.claude/agents/${file}`, 0, '---\nname: twin\ndescription: A twin.\n---\n**Rule 3: Three**\n- one\n'));

describe('WorkspaceIndex order', () => {
  it('agentsNamed and ruleDefinedElsewhere list agents by URI whatever the order of indexing', () => {
    const index = new WorkspaceIndex();
    for (const file of ['c.md', 'a.md', 'b.md']) index.upsert(agent(file));
    assert.deepEqual(
      index.agentsNamed('twin').map((a) => a.uri.split('/').pop()),
      ['a.md', 'b.md', 'c.md'],
    );
    assert.deepEqual(
      index.ruleDefinedElsewhere(3, 'file:///ws/.claude/agents/b.md').map((a) => a.uri.split('/').pop()),
      ['a.md', 'c.md'],
    );
  });
});
