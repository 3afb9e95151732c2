// Body structure: rules, references, headings, sections, mojibake.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codes, withCode } from '../../support/analyze';
import { marked } from '../../support/markers';

const FM = '---\nname: test-agent\ndescription: x\n---\n';

describe('structure', () => {
  it('reports duplicate and out-of-order rules and a rule without bullets', () => {
    const { text, ranges } = marked(`${FM}**Rule 1: A**\n- a\n\n**Rule [[1]]: B**\n- b\n\n**Rule 3: C**\n- c\n\n**Rule [[2]]: D**\n- d\n`);
    const diagnostics = analyze(text).diagnostics;
    assert.deepEqual(
      [...withCode(diagnostics, 'duplicate-rule'), ...withCode(diagnostics, 'rule-order')].map((d) => d.range),
      ranges,
    );
    assert.deepEqual(codes(analyze(`${FM}**Rule 1: Lonely**\n\nText.\n`).diagnostics), ['rule-without-bullets']);
  });

  it('understands the pinned rule form and `**Rule N:** Title`', () => {
    const { doc } = analyze(`${FM}📌 Rule 1: Pinned\n- a\n\n**Rule 2:** Trailing title\n- b\n`);
    assert.deepEqual(
      doc.rules.map((r) => [r.number, r.title, r.style]),
      [
        [1, 'Pinned', 'pin'],
        [2, 'Trailing title', 'bold'],
      ],
    );
  });

  it('reports references to rules nothing defines, and not those another agent defines', () => {
    const { text, ranges } = marked(`${FM}See Rule 1 and [[Rule 7]].\n\n**Rule 1: A**\n- a\n`);
    assert.deepEqual(
      withCode(analyze(text).diagnostics, 'undefined-rule-reference').map((d) => d.range),
      ranges,
    );
    const other = { 'file:///ws/.claude/agents/other.md': `---\nname: other\ndescription: y\n---\n**Rule 7: Seven**\n- s\n` };
    assert.deepEqual(withCode(analyze(text, { others: other }).diagnostics, 'undefined-rule-reference'), []);
  });

  it('reads the agents listed under a Cross-Agent Validation heading until a heading of its level', () => {
    const { doc } = analyze(`${FM}- **before**: no\n## Cross-Agent Validation\n- **code-reviewer**: x\n### Detail\n- qa-lead: y\n## Next\n- **after**: no\n# cross agent validation\n- last: z\n`);
    assert.deepEqual(
      doc.crossAgentReferences.map((r) => r.name),
      ['code-reviewer', 'qa-lead', 'last'],
    );
    assert.deepEqual(doc.crossAgentSections, [
      { startLine: 6, endLine: 9 },
      { startLine: 12, endLine: 13 },
    ]);
  });

  it('ignores rules and headings inside code fences', () => {
    const { doc, diagnostics } = analyze(`${FM}## A\n\n\`\`\`md\n#### Not a heading\n**Rule 9: Not a rule**\nRule 12\n\`\`\`\n`);
    assert.deepEqual(doc.rules, []);
    assert.deepEqual(doc.ruleReferences, []);
    assert.deepEqual(codes(diagnostics), []);
  });

  it('reports a heading level that skips', () => {
    const { text, ranges } = marked(`${FM}## A\n[[#### B]]\n`);
    assert.deepEqual(
      withCode(analyze(text).diagnostics, 'heading-skip').map((d) => d.range),
      ranges,
    );
  });

  it('requires configured sections, or none for a plain agent', () => {
    assert.deepEqual(codes(analyze(`${FM}## Focus\n`).diagnostics), []);
    const missing = withCode(analyze(`${FM}## Focus\n`, { settings: { requiredSections: ['Focus', 'Output'] } }).diagnostics, 'missing-section');
    assert.deepEqual(
      missing.map((d) => (d.data as { section: string }).section),
      ['Output'],
    );
  });

  it('repairs mojibake of punctuation and accents', () => {
    const { diagnostics } = analyze(`${FM}It is â€” as cafÃ© says â€œquotedâ€\u009D.\n`);
    assert.deepEqual(
      withCode(diagnostics, 'mojibake').map((d) => (d.data as { repaired: string }).repaired),
      ['—', 'é', '“', '”'],
    );
    assert.deepEqual(codes(analyze(`${FM}Ça va? Él está aquí — “fine”. Äß\n`).diagnostics), []);
  });

  it('keeps ranges right with CRLF line endings', () => {
    const { text, ranges } = marked('---\r\nname: test-agent\r\ndescription: x\r\ntools: Read, [[Reed]]\r\n---\r\n');
    assert.deepEqual(
      withCode(analyze(text).diagnostics, 'unknown-tool').map((d) => d.range),
      ranges,
    );
  });
});
