// unbalanced-tag: prompt tags in the description and the body (outside code), the
// hover that shows a tag's partner, and the fix that closes a tag.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { hover } from '../../../server/src/service/features/hover/hover';
import { analyze, withCode } from '../../support/analyze';
import { expectAt } from '../../support/expectAt';
import { allSeeds } from '../../support/fixtures';
import { workspace } from '../features/helpers';

const agent = (description: string, body = 'Body\n') => `---\nname: test-agent\ndescription: ${description}\n---\n${body}`;

function fixed(text: string, nth = 0): string {
  const service = createAgentService();
  const doc = service.parse('file:///ws/.claude/agents/test-agent.md', 1, text);
  const diagnostic = withCode(service.validate(doc), 'unbalanced-tag')[nth];
  const [fix] = service.fixes(doc, diagnostic);
  assert.equal(fix.auto, false);
  return applyEdits(text, fix.edits);
}

describe('unbalanced-tag', () => {
  it('reports an unclosed <example> in the description and says what the model sees', () => {
    const [d] = expectAt(agent('"Use it. [[<example>]]user: hi\\nassistant: ok"'), 'unbalanced-tag');
    assert.equal(d.severity, 2);
    assert.match(d.message, /never closed: Claude Code passes the description to the model as written/);
  });

  it('pairs nested tags and reports the one left open inside a closed element', () => {
    expectAt(agent('"<example>a <commentary>b</commentary></example> <example>c</example>"'), 'unbalanced-tag');
    expectAt(agent('"<example>a [[<commentary>]]b</example>"'), 'unbalanced-tag');
    expectAt(agent('"a b[[</commentary>]] c"'), 'unbalanced-tag');
  });

  it('reads tags after \\n escapes and closing tags right after a word', () => {
    expectAt(agent('"Examples:\\n<example>Context: x\\n<commentary>why</commentary>\\n</example>"'), 'unbalanced-tag');
  });

  it('in the body: outside code only, and not HTML void elements, generics or placeholders in a sentence', () => {
    const body = 'Run `npm install <package>` or npm i <package> now.\nA List<String> and a<br> break.\n\n```xml\n<example>\n```\n<!-- <example> -->\n';
    expectAt(agent('x', body), 'unbalanced-tag');
    const [d] = expectAt(agent('x', 'Intro\n[[<instructions>]]\nDo things.\n'), 'unbalanced-tag');
    assert.match(d.message, /system prompt/);
  });

  it('does not report a tag whose partner stands in code the model still reads', () => {
    expectAt(agent('x', '<details>\n\n```\nunclosed fence\n</details>\n'), 'unbalanced-tag');
  });

  it('gives the seeds and a clean description no diagnostic', () => {
    for (const seed of allSeeds()) assert.deepEqual(withCode(analyze(seed.text).diagnostics, 'unbalanced-tag'), [], seed.name);
  });

  it('closes an unclosed tag before the next sibling of the same name, inline in the description', () => {
    const text = agent('"<example>one <example>two</example>"');
    assert.equal(fixed(text), agent('"<example>one </example><example>two</example>"'));
    assert.deepEqual(withCode(analyze(fixed(text)).diagnostics, 'unbalanced-tag'), []);
  });

  it('closes at the end of the text, and on a line of its own in the body', () => {
    assert.equal(fixed(agent('|\n  Use it.\n  <example>\n  user: hi')), agent('|\n  Use it.\n  <example>\n  user: hi</example>'));
    assert.equal(fixed(agent('x', 'Intro\n<rules>\n- one\n\n')), agent('x', 'Intro\n<rules>\n- one\n</rules>\n\n'));
    assert.equal(fixed(agent('x', '<a>\n<b>\ntext\n</a>\n')), agent('x', '<a>\n<b>\ntext\n</b>\n</a>\n'));
  });

  it('removes a closing tag that closes nothing', () => {
    assert.equal(fixed(agent('"one</example> two"')), agent('"one two"'));
  });
});

describe('hover on a prompt tag', () => {
  const hoverAt = (source: string) => {
    const ws = workspace(source);
    return (hover(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)?.contents as MarkupContent | undefined)?.value ?? '';
  };

  it('shows the matching tag and its line, both ways', () => {
    assert.equal(hoverAt(agent('x', 'Intro\n<exa|mple>\ntext\n</example>\n')), '`<example>` is closed by `</example>` on line 8.');
    assert.equal(hoverAt(agent('x', 'Intro\n<example>\ntext\n</exa|mple>\n')), '`</example>` closes `<example>` on line 6.');
    assert.equal(hoverAt(agent('"<exa|mple> never"')), '`<example>` is never closed.');
  });
});
