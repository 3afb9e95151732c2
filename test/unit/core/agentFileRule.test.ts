import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { declaresAgent, DEFAULT_AGENT_GLOBS, isAgentFile, type AgentFileOrigin } from '../../../server/src/service/workspace/agentFileRule';

const agent = '---\nname: helper\ndescription: Helps.\n---\nBody\n';
const docsPage = '---\ntitle: Agents\nsidebar_position: 2\n---\n# Agents\n';
const is = (path: string, text: string, origin: AgentFileOrigin, matchesGlobs = false) => isAgentFile({ path, origin, matchesGlobs, declaresAgent: () => declaresAgent(text) });

describe('the agent-file rule', () => {
  it('takes every .md under .claude/agents at any depth, frontmatter or not', () => {
    for (const origin of ['editor', 'folder-walk'] as const) {
      assert.equal(is('/r/.claude/agents/a.md', '', origin), true);
      assert.equal(is('/r/.claude/agents/team/deep/a.md', '# no frontmatter', origin), true);
      assert.equal(is('C:\\r\\.claude\\agents\\a.md', '', origin), true);
      assert.equal(is('/r/.claude/agents/notes.txt', agent, origin), false);
    }
  });

  it('takes what the configured globs match, and every file named on the command line', () => {
    assert.equal(is('/r/prompts/a.md', '', 'editor', true), true);
    assert.equal(is('/r/README.md', '# Readme', 'command-line'), true);
  });

  it('in the editor, takes declared agents only inside an agents/ folder', () => {
    assert.equal(is('/r/agents/a.md', agent, 'editor'), true);
    assert.equal(is('/r/docs/agents/overview.md', docsPage, 'editor'), false);
    assert.equal(is('/r/README.md', agent, 'editor'), false);
    assert.equal(is('/r/my-agents/a.md', agent, 'editor'), false);
  });

  it('in a folder walk, takes declared agents anywhere', () => {
    assert.equal(is('/r/a.md', agent, 'folder-walk'), true);
    assert.equal(is('/r/docs/agents/overview.md', docsPage, 'folder-walk'), false);
    assert.equal(is('/r/README.md', '# Readme\nname: x\n', 'folder-walk'), false);
  });
});

describe('the default agent globs', () => {
  it('match exactly the files the rule may take in the editor without a setting', () => {
    const matches = picomatch([...DEFAULT_AGENT_GLOBS], { dot: true });
    const paths = ['/ws/.claude/agents/a.md', '/ws/.claude/agents/team/b.md', '/ws/team/agents/c.md', '/ws/agents/x/d.md', '/ws/docs/e.md', '/ws/.claude/f.md', '/ws/agents/g.txt', '/ws/myagents/h.md'];
    for (const path of paths) {
      const mayTake = isAgentFile({ path, origin: 'editor', declaresAgent: () => true });
      assert.equal(matches(path), mayTake, path);
    }
  });
});

describe('declaresAgent', () => {
  it('reads top-level name or description keys of the frontmatter only', () => {
    assert.equal(declaresAgent('---\ndescription: x\n---\n'), true);
    assert.equal(declaresAgent('\ufeff---\r\nname: x\r\n---\r\n'), true);
    assert.equal(declaresAgent('---\n"name": x\n---\n'), true);
    assert.equal(declaresAgent('---\nname:\n---\n'), true);
    assert.equal(declaresAgent('---\ntitle: x\n---\nname: in the body\n'), false);
    assert.equal(declaresAgent('---\nmeta:\n  name: nested\n---\n'), false);
    assert.equal(declaresAgent('---\ntitle: x\n--- \nname: y\n'), false);
    assert.equal(declaresAgent('# Title\nname: x\n'), false);
    assert.equal(declaresAgent('---'), false);
    assert.equal(declaresAgent(''), false);
  });
});
