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
    assert.deepEqual(
      withCode(analyze(list.text).diagnostics, 'unknown-tool').map((d) => d.range),
      list.ranges,
    );
  });

  it('names the replacement of retired tools, and accepts the old names Claude Code still maps', () => {
    const diagnostics = analyze(agent('LS, MultiEdit, NotebookRead, BashOutput, KillShell, Task, ListPeers, Read')).diagnostics;
    assert.deepEqual(
      withCode(diagnostics, 'legacy-tool').map((d) => (d.data as { suggestion: string }).suggestion),
      ['Glob', 'Edit', 'Read', 'Monitor'],
    );
    assert.deepEqual(codes(diagnostics), ['legacy-tool', 'legacy-tool', 'legacy-tool', 'legacy-tool']);
  });

  it('splits on blanks as well as commas, outside parentheses, as Claude Code does', () => {
    const { doc, diagnostics } = analyze(agent('Read Grep,Glob  Bash(git log:*) Agent(a, b)'));
    assert.deepEqual(
      doc.frontmatter!.fields.find((f) => f.key === 'tools')!.items.map((i) => i.text),
      ['Read', 'Grep', 'Glob', 'Bash(git log:*)', 'Agent(a, b)'],
    );
    assert.deepEqual(codes(diagnostics), []);
  });

  it('an agent whose tools are all unknown or retired: Claude Code refuses to run it; an empty tools list: it runs with none', () => {
    const [refused] = withCode(analyze(agent('MultiEdit, LS, Frobnicate')).diagnostics, 'no-usable-tools');
    assert.equal(refused.severity, 1);
    assert.match(refused.message, /spawned with zero tools/);
    const [empty] = withCode(analyze('---\nname: test-agent\ndescription: x\ntools: []\n---\n').diagnostics, 'empty-tools');
    assert.equal(empty.severity, 2);
    assert.deepEqual(codes(analyze(agent('"*"')).diagnostics), []);
  });

  it('flags a tool listed twice', () => {
    const { text, ranges } = marked(agent('Read, Grep, [[Read]]'));
    assert.deepEqual(
      withCode(analyze(text).diagnostics, 'duplicate-tool').map((d) => d.range),
      ranges,
    );
  });

  it("warns about MCP servers missing from .mcp.json only when it is known, and counts the user's own servers", () => {
    const text = agent('Read, mcp__github__create_issue, mcp__gihtub__list');
    assert.deepEqual(codes(analyze(text).diagnostics), []);
    const [unknown] = withCode(analyze(text, { settings: { mcpServers: new Set(['github']) } }).diagnostics, 'unknown-mcp-server');
    assert.match(unknown.message, /`gihtub`.*did you mean `github`/);
    assert.deepEqual(codes(analyze(text, { settings: { mcpServers: new Set(['github']), userMcpServers: new Set(['gihtub']) } }).diagnostics), []);
  });

  it('an agent with only MCP tools runs only where their servers are configured', () => {
    const text = agent('mcp__github__create_issue');
    const [refused] = withCode(analyze(text).diagnostics, 'no-usable-tools');
    assert.match(refused.message, /MCP tools need the server `github`/);
    assert.deepEqual(codes(analyze(text, { settings: { userMcpServers: new Set(['github']) } }).diagnostics), []);
    assert.deepEqual(codes(analyze(text, { settings: { mcpServers: new Set(['github']) } }).diagnostics), []);
  });

  it('accepts extra tools from the configuration', () => {
    assert.deepEqual(codes(analyze(agent('Read, MyTool'), { settings: { extraTools: ['MyTool'] } }).diagnostics), []);
  });
});
