// tool-allowed-and-denied: a tool in both tools and disallowedTools, by tool after
// name mapping, with the fixes that remove it from one side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { withCode } from '../../support/analyze';
import { expectAt } from '../../support/expectAt';

const agent = (lines: string) => `---\nname: test-agent\ndescription: x\n${lines}\n---\nBody\n`;

describe('tool-allowed-and-denied', () => {
  it('warns on the granted entry and says the denial wins', () => {
    const [d] = expectAt(agent('tools: Read, [[Bash]], Edit\ndisallowedTools: Bash'), 'tool-allowed-and-denied');
    assert.equal(d.severity, 2);
    assert.match(d.message, /the denial wins, so Claude Code \d+\.\d+\.\d+ runs this agent without `Bash`/);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 4);
  });

  it('maps old names (Task is Agent) and compares tools, not entries', () => {
    const [task] = expectAt(agent('tools: Read, [[Task]]\ndisallowedTools: Agent'), 'tool-allowed-and-denied');
    assert.match(task.message, /`Task` and `Agent` are one tool/);
    const [scoped] = expectAt(agent('tools: Read, [[Bash(git:*)]]\ndisallowedTools: Bash(rm:*)'), 'tool-allowed-and-denied');
    assert.match(scoped.message, /removes the whole tool/);
    expectAt(agent('tools:\n  - Read\n  - [[Agent(a, b)]]\ndisallowedTools:\n  - Task'), 'tool-allowed-and-denied');
  });

  it('says nothing for tools: * with a denial, different tools or different MCP tools', () => {
    expectAt(agent('tools: "*"\ndisallowedTools: Bash'), 'tool-allowed-and-denied');
    expectAt(agent('tools: Read, Grep\ndisallowedTools: Bash, Edit'), 'tool-allowed-and-denied');
    expectAt(agent('tools: mcp__github__list\ndisallowedTools: mcp__github__delete'), 'tool-allowed-and-denied');
  });

  it('removes the tool from tools (fix-all, while others remain) or from disallowedTools', () => {
    const service = createAgentService();
    const text = agent('tools: Read, Bash, Edit\ndisallowedTools: WebFetch, Bash(rm:*)');
    const doc = service.parse('file:///ws/.claude/agents/test-agent.md', 1, text);
    const diagnostics = service.validate(doc);
    const [fromTools, fromDenied] = service.fixes(doc, withCode(diagnostics, 'tool-allowed-and-denied')[0]);
    assert.equal(applyEdits(text, fromTools.edits), agent('tools: Read, Edit\ndisallowedTools: WebFetch, Bash(rm:*)'));
    assert.equal(fromTools.auto, true);
    assert.equal(applyEdits(text, fromDenied.edits), agent('tools: Read, Bash, Edit\ndisallowedTools: WebFetch'));
    assert.equal(fromDenied.auto, false);
    assert.equal(applyEdits(text, service.fixAll(doc, diagnostics)), agent('tools: Read, Edit\ndisallowedTools: WebFetch, Bash(rm:*)'));
    const only = agent('tools: Bash\ndisallowedTools: Bash');
    const onlyDoc = service.parse('file:///ws/.claude/agents/only.md', 1, only);
    const [last] = service.fixes(onlyDoc, withCode(service.validate(onlyDoc), 'tool-allowed-and-denied')[0]);
    assert.equal(last.auto, false, 'removing the last tool would leave tools empty');
  });
});
