// "Did you mean" for mistyped keys and agent names, and the fixes that apply them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { analyze, withCode } from '../../support/analyze';

function applyFirstFix(text: string, code: string, others?: Record<string, string>): string {
  const { doc, diagnostics } = analyze(text, { others });
  const [diagnostic] = withCode(diagnostics, code);
  const [fix] = createAgentService().fixes(doc, diagnostic);
  return applyEdits(text, fix.edits);
}

describe('suggestions', () => {
  it('suggests the known key a mistyped one was meant to be, and fixes it', () => {
    const text = '---\nname: test-agent\ndescripton: Reviews code.\n---\n';
    const [unknown] = withCode(analyze(text).diagnostics, 'unknown-key');
    assert.match(unknown.message, /Did you mean `description`\?/);
    assert.equal(applyFirstFix(text, 'unknown-key'), '---\nname: test-agent\ndescription: Reviews code.\n---\n');
  });

  it('does not suggest a key that is already present', () => {
    const [unknown] = withCode(analyze('---\nname: test-agent\nnames: x\ndescription: y\n---\n').diagnostics, 'unknown-key');
    assert.doesNotMatch(unknown.message, /Did you mean `name`/);
  });

  it('suggests the closest agent of the workspace for an unknown Cross-Agent entry', () => {
    const others = { 'file:///ws/.claude/agents/code-reviewer.md': '---\nname: code-reviewer\ndescription: Reviews.\n---\n' };
    const text = '---\nname: test-agent\ndescription: x\n---\n### Cross-Agent Validation\n- **code-reviewr**: reviews\n';
    const [unknown] = withCode(analyze(text, { others }).diagnostics, 'unknown-agent-reference');
    assert.match(unknown.message, /did you mean `code-reviewer`/);
    assert.equal(applyFirstFix(text, 'unknown-agent-reference', others), text.replace('code-reviewr', 'code-reviewer'));
  });

  it('adds a frontmatter block to a file that has none, keeping its text', () => {
    const fixed = applyFirstFix('\uFEFF# Reviewer\r\nReviews code.\r\n', 'frontmatter-missing');
    assert.equal(fixed, '\uFEFF---\r\nname: test-agent\r\ndescription: Use this agent when … (describe when Claude should delegate to it)\r\n---\r\n# Reviewer\r\nReviews code.\r\n');
    assert.deepEqual(withCode(analyze(fixed).diagnostics, 'frontmatter-missing'), []);
  });
});
