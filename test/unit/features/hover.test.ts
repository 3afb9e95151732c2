// Hovers: `Rule N` from this file, the rules document or another agent; rule
// definitions with their references; frontmatter keys, values, tools, triggers, agents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { hover } from '../../../server/src/service/features/hover/hover';
import { seed } from '../../support/fixtures';
import { agentUri, workspace, type WorkspaceOptions } from './helpers';
import { place, type Cursored } from '../../support/markers';

function hoverText(source: string | Cursored, options: WorkspaceOptions & { uri?: string } = {}): string {
  const ws = workspace(source, options.uri, options);
  const result = hover(ws.doc, ws.position, ws.ctx, NOT_CANCELLED);
  return result ? (result.contents as MarkupContent).value : '';
}

const RULES_URI = 'file:///ws/CLAUDE.md';
const RULES_DOC = '# Rules\n\n**Rule 3: Analyze Everything**\n- read first\n- then act\n';
const OTHER = { [agentUri('code-reviewer')]: '---\nname: code-reviewer\ndescription: Reviews every change.\nproactive_triggers:\n  - code_review_needed\n---\n**Rule 7: Review Everything**\n- every change\n- every file\n' };

describe('hover: rules', () => {
  it('seed 000 line 33: `Rule 18` shows Mandatory Documentation Review with its bullets', () => {
    const text = seed('000').text;
    const source = place(text, 'create using Rule 18', 'create using Ru|le 18');
    const ws = workspace(source, agentUri('senior-backend-developer'));
    assert.equal(ws.position.line, 32);
    const value = hoverText(source, { uri: agentUri('senior-backend-developer') });
    assert.match(value, /^\*\*Rule 18: Mandatory Documentation Review - Backend Knowledge\*\*/);
    assert.match(value, /\n- /);
    assert.match(value, /Defined in this file, \[line 241\]\(file:\/\/\/ws\/\.claude\/agents\/senior-backend-developer\.md#L241\)/);
  });

  it('seed 003: `Rule 19` is resolved from its own definition, which is not referenced', () => {
    const value = hoverText(place(seed('003').text, '**Rule 19:', '**Rule |19:'), { uri: agentUri('senior-backend-developer') });
    assert.match(value, /^\*\*Rule 19: MANDATORY CHANGELOG TRACKING\*\*/);
    assert.match(value, /- Every change must be documented/);
    assert.match(value, /Defined in this file, \[line 42\]\(.*#L42\)/);
    assert.match(value, /not referenced anywhere/);
  });

  it('a definition lists where it is referenced', () => {
    const text = seed('000').text;
    const value = hoverText(place(text, '**Rule 18:', '**Rule 1|8:'), { uri: agentUri('senior-backend-developer') });
    assert.match(value, /Referenced 2 times: this file \(lines 33, 321\)/);
  });

  it('resolves from the rules document, then from another agent, naming the file', () => {
    const fromRules = hoverText('---\nname: a\n---\nFollow Ru|le 3.\n', { rulesDocument: { uri: RULES_URI, text: RULES_DOC } });
    assert.match(fromRules, /Rule 3: Analyze Everything[\s\S]*- read first[\s\S]*rules document `CLAUDE.md`, \[line 3\]\(file:\/\/\/ws\/CLAUDE\.md#L3\)/);
    const fromAgent = hoverText('---\nname: a\n---\nFollow Rule |7.\n', { others: OTHER });
    assert.match(fromAgent, /Rule 7: Review Everything[\s\S]*- every file[\s\S]*`code-reviewer.md` \(agent `code-reviewer`\), \[line 7\]\(file:\/\/\/ws\/\.claude\/agents\/code-reviewer\.md#L7\)/);
  });

  it('links the line with a URI whose parentheses cannot end the link', () => {
    const value = hoverText('---\nname: a\n---\n**Rule 1: One**\n- x\n\nFollow Ru|le 1.\n', { uri: 'file:///ws/team%20(a)/.claude/agents/a.md' });
    assert.match(value, /\[line 4\]\(file:\/\/\/ws\/team%20%28a%29\/\.claude\/agents\/a\.md#L4\)/);
  });

  it('says when nothing defines the number', () => {
    assert.match(hoverText('---\nname: a\n---\nFollow Rule |42.\n'), /Rule 42\*\* is not defined in this file or any other agent/);
  });
});

describe('hover: frontmatter and agents', () => {
  it('shows a key description from the schema with allowed values', () => {
    assert.match(hoverText('---\nname: a\nperm|issionMode: plan\n---\n'), /\*\*permissionMode\*\*[\s\S]*Allowed values: `default`/);
  });

  it('shows enum values, models and tools', () => {
    assert.match(hoverText('---\nname: a\nmemory: pro|ject\n---\n'), /checked in/);
    assert.match(hoverText('---\nname: a\nmodel: ha|iku\n---\n'), /fastest and cheapest/);
    assert.match(hoverText('---\nname: a\ntools: Read, Gr|ep\n---\n'), /\*\*Grep\*\* — Searches file contents/);
    assert.match(hoverText('---\nname: a\ntools: mcp__gith|ub__create_issue\n---\n', { settings: { mcpServers: new Set() } }), /^MCP tool `create_issue` of server `github`\.$/);
    assert.match(hoverText('---\nname: a\ntools: Ta|sk\n---\n'), /old name of `Agent`, which Claude Code [\d.]+ still maps to it/);
    assert.match(hoverText('---\nname: a\ntools: mcp__gith|ub__create_issue\n---\n', { settings: { mcpServers: new Set(['github']) } }), /MCP tool `create_issue` of server `github` \(configured/);
  });

  it('says nothing the diagnostic under the cursor says: removed or unknown tools, unknown models and keys', () => {
    for (const source of ['---\nname: a\ntools: Multi|Edit\n---\n', '---\nname: a\ntools: Re|ed\n---\n', '---\nname: a\nmodel: so|net\n---\n', '---\nname: a\ncate|gory: x\n---\n']) {
      assert.equal(hoverText(source), '', source);
    }
  });

  it('shows which agents use a trigger id', () => {
    assert.match(hoverText('---\nname: a\nproactive_triggers:\n  - code_rev|iew_needed\n---\n', { others: OTHER }), /used by 2 agents: `code-reviewer`, `a`|used by 2 agents: `a`, `code-reviewer`/);
  });

  it("shows a referenced agent's description and file", () => {
    const value = hoverText('---\nname: a\ntools: Agent(code-rev|iewer)\n---\n', { others: OTHER });
    assert.match(value, /Agent `code-reviewer`\*\* — `code-reviewer.md`\n\nReviews every change\./);
    assert.match(hoverText('---\nname: a\n---\n### Cross-Agent Validation\n- **nob|ody**: x\n', { others: OTHER }), /No agent named `nobody`/);
  });
});
