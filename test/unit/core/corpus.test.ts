// The no-false-alarm set: 792 real agent files. Which of them get an error is
// checked against Claude Code itself in claudeCodeVerdicts.test.ts; here, why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { createAgentService } from '../../../server/src/service';
import { corpusFiles } from '../../support/fixtures';

/**
 * Files whose frontmatter has lines that are neither `key: value` nor indented
 * (an `<example>` dialogue pasted unindented): Claude Code fails to parse them
 * and does not load the agent.
 */
const REJECTED_BY_CLAUDE_CODE = [
  'ersinkoc__claude-code-subagents/api-tester.md',
  'ersinkoc__claude-code-subagents/brand-guardian.md',
  'ersinkoc__claude-code-subagents/performance-benchmarker.md',
  'ersinkoc__claude-code-subagents/test-results-analyzer.md',
  'ersinkoc__claude-code-subagents/ux-researcher.md',
  'ersinkoc__claude-code-subagents/visual-storyteller.md',
  'ersinkoc__claude-code-subagents/workflow-optimizer.md',
];

describe('corpus', () => {
  const files = corpusFiles();
  const service = createAgentService();
  const docs = files.map((f) => ({ name: f.name, doc: service.parse(pathToFileURL(f.file).href, 0, f.text) }));
  docs.forEach(({ doc }) => service.indexDocument(doc));
  const results = docs.map(({ name, doc }) => ({ name, diagnostics: service.validate(doc) }));

  it('holds all 792 files', () => {
    assert.equal(files.length, 792);
  });

  it('says why Claude Code cannot parse the frontmatter of the files it drops for that', () => {
    const unreadable = results.filter((r) => r.diagnostics.some((d) => d.code === 'yaml-unreadable')).map((r) => r.name);
    assert.deepEqual(unreadable, [...REJECTED_BY_CLAUDE_CODE, 'davila7__claude-code-templates/api-architect.md'].sort());
    const multiLine = results.find((r) => r.name === 'davila7__claude-code-templates/api-architect.md')!;
    assert.match(multiLine.diagnostics.find((d) => d.code === 'yaml-unreadable')!.message, /quotes only its first line/);
    for (const r of results.filter((x) => REJECTED_BY_CLAUDE_CODE.includes(x.name))) {
      for (const d of r.diagnostics.filter((x) => x.severity === 1)) {
        assert.equal(d.code, 'yaml-unreadable');
        assert.match(d.message, /neither a `key: value` pair nor indented/);
      }
    }
  });

  it('reads every lenient value as a string, as Claude Code does', () => {
    let lenient = 0;
    for (const { doc } of docs) {
      for (const field of doc.frontmatter?.fields ?? []) {
        if (!field.lenient) continue;
        lenient++;
        assert.equal(typeof field.value, 'string');
      }
    }
    assert.ok(lenient >= 95, `${lenient} lenient values`);
  });
});
