// `tools:` entries: built-ins, legacy names, argument forms and MCP tools.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codes, withCode } from '../../support/analyze';
import { marked } from '../../support/markers';

const agent = (tools: string) => `---\nname: test-agent\ndescription: x\ntools: ${tools}\n---\n`;

describe('tools', () => {
  it('accepts built-ins, argument forms, MCP forms and `*`', () => {
    assert.deepEqual(codes(analyze(agent('Read, Agent(reviewer, tester), Bash(git log:*), mcp__github, mcp__github__create_issue, mcp__db__*')).diagnostics), []);
    assert.deepEqual(codes(analyze(agent('[Read, Grep]')).diagnostics), []);
    assert.deepEqual(codes(analyze('---\nname: test-agent\ndescription: x\ntools:\n  - Read\n  - WebFetch\n---\n').diagnostics), []);
  });

  it('points at the exact item of a comma string and of a list, with a suggestion', () => {
    const { text, ranges } = marked(agent('Read, [[Reed]], Grep'));
    const [unknown] = withCode(analyze(text).diagnostics, 'unknown-tool');
    assert.deepEqual(unknown.range, ranges[0]);
    assert.match(unknown.message, /did you mean `Read`/);
    const list = marked('---\nname: test-agent\ndescription: x\ntools:\n  - Read\n  - [[Greps]]\n---\n');
    assert.deepEqual(withCode(analyze(list.text).diagnostics, 'unknown-tool').map((d) => d.range), list.ranges);
  });

  it('names the replacement of legacy tools and of Task', () => {
    const diagnostics = analyze(agent('LS, MultiEdit, NotebookRead, BashOutput, KillShell, Task')).diagnostics;
    assert.deepEqual(withCode(diagnostics, 'legacy-tool').map((d) => (d.data as { suggestion: string }).suggestion), ['Glob', 'Edit', 'Read', 'TaskOutput', 'TaskStop']);
    const [task] = withCode(diagnostics, 'renamed-tool');
    assert.equal((task.data as { suggestion: string }).suggestion, 'Agent');
    assert.equal(task.severity, 3);
  });

  it('flags a tool listed twice', () => {
    const { text, ranges } = marked(agent('Read, Grep, [[Read]]'));
    assert.deepEqual(withCode(analyze(text).diagnostics, 'duplicate-tool').map((d) => d.range), ranges);
  });

  it('warns about MCP servers missing from .mcp.json only when it is known', () => {
    const text = agent('mcp__github__create_issue, mcp__gihtub__list');
    assert.deepEqual(codes(analyze(text).diagnostics), []);
    const [unknown] = withCode(analyze(text, { settings: { mcpServers: new Set(['github']) } }).diagnostics, 'unknown-mcp-server');
    assert.match(unknown.message, /`gihtub`.*did you mean `github`/);
  });

  it('accepts extra tools from the configuration', () => {
    assert.deepEqual(codes(analyze(agent('Read, MyTool'), { settings: { extraTools: ['MyTool'] } }).diagnostics), []);
  });
});
