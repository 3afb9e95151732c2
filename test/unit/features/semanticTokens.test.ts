// Semantic tokens: agent constructs, decoded back to text and type.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { semanticTokens } from '../../../server/src/service/features/semanticTokens';
import { SEMANTIC_TOKENS_LEGEND } from '../../../server/src/service/features/semanticTokensLegend';
import { parseAgent } from '../../../server/src/service';

function decode(text: string): string[] {
  const doc = parseAgent('file:///ws/.claude/agents/a.md', 0, text);
  const { data } = semanticTokens(doc, NOT_CANCELLED);
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push(`${lines[line].slice(char, char + data[i + 2])}:${[SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], ...modifiers].join('.')}`);
  }
  return out;
}

describe('semantic tokens', () => {
  it('mark known keys, tools, triggers, known values and example tags in the frontmatter', () => {
    const text = '---\nname: a\ndescription: "Use it. <example>x</example>"\ntools: Read, MultiEdit, mcp__jira__get, Reed\nmodel: sonnet\ncolor: bleu\nproactive_triggers:\n  - code_review\ncategory: x\n---\n';
    assert.deepEqual(decode(text), [
      'name:property',
      'description:property',
      '<example>:keyword',
      '</example>:keyword',
      'tools:property',
      'Read:function.defaultLibrary',
      'MultiEdit:function.deprecated',
      'mcp__jira__get:function',
      'model:property',
      'sonnet:enumMember.defaultLibrary',
      'color:property',
      'proactive_triggers:property',
      'code_review:enumMember',
    ]);
  });

  it('mark rule definitions, references, the declared count and Cross-Agent names in the body', () => {
    const text = '---\nname: a\n---\nYOU ARE BOUND BY THE FOLLOWING 1 RULES.\n\n**Rule 1: Plan First**\n- think\n\nSee Rule 1.\n\n### Cross-Agent Validation\n- **code-reviewer**: reviews\n';
    assert.deepEqual(decode(text), ['name:property', 'BOUND BY THE FOLLOWING :keyword', '1:number', ' RULES:keyword', '**Rule 1: Plan First**:function.declaration', 'Rule 1:function', 'code-reviewer:type']);
  });

  it('mark nothing in plain Markdown', () => {
    assert.deepEqual(decode('# Notes\n\nJust text, **bold** and `code`.\n'), []);
  });
});
