// The service evaluates its diagnostics and features (service/analysis.ts), the parser
// markdown-it and the yaml package on first use: parsing and indexing plain agents loads none
// of them, which is what keeps them out of the language server's start-up. (Each test file runs in its own process,
// and this one imports nothing else of the service.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService } from '../../../server/src/service';
import { summaryOfText } from '../../../server/src/service/workspace/summaryOfText';

const loaded = (pattern: RegExp) => Object.keys(require.cache).some((file) => pattern.test(file.split('\\').join('/')));
const ANALYSIS = /\/server\/src\/service\/(analysis|diagnostics\/validate|features\/completion\/completion)\.ts$/;
const MARKDOWN_IT = /\/node_modules\/markdown-it\//;
const YAML = /\/node_modules\/yaml\//;

const PLAIN = '---\nname: a\ndescription: Reviews code.\ntools: Reed\n---\n\n# Role\n\nYou review code.\n\n**Rule 1: Be kind**\n- always\n';
const INDENTED_CODE = '---\nname: b\ndescription: Writes code.\n---\n\n# Role\n\n    # not a heading\n';
const NESTED = '---\nname: d\ndescription: Runs hooks.\nhooks:\n  PreToolUse:\n    - matcher: Bash\n---\n\n# Role\n';

describe('the analysis, loaded on first use', () => {
  it('is not loaded to parse and index plain agents, and is loaded to validate one', () => {
    const service = createAgentService();
    const doc = service.parse('file:///w/.claude/agents/a.md', 1, PLAIN);
    service.indexDocument(doc);
    service.index.upsert(summaryOfText('file:///w/.claude/agents/c.md', PLAIN.replace('name: a', 'name: c')));
    assert.equal(service.index.size, 2);
    assert.equal(loaded(ANALYSIS), false, 'diagnostics and features not loaded');
    assert.equal(loaded(MARKDOWN_IT), false, 'markdown-it not loaded');
    assert.equal(loaded(YAML), false, 'the yaml package not loaded');

    const codes = service.validate(doc).map((d) => d.code);
    assert.ok(loaded(ANALYSIS), 'loaded by the first validation');
    assert.ok(codes.includes('unknown-tool'), codes.join(', '));
  });

  it('loads markdown-it for a body only it can read', () => {
    const service = createAgentService();
    const doc = service.parse('file:///w/.claude/agents/b.md', 1, INDENTED_CODE);
    assert.ok(loaded(MARKDOWN_IT), 'markdown-it read the body with indented code');
    assert.deepEqual(
      doc.headings.map((h) => h.text),
      ['Role'],
    );
  });

  it('loads the yaml package for a frontmatter only it can read', () => {
    const service = createAgentService();
    const doc = service.parse('file:///w/.claude/agents/d.md', 1, NESTED);
    assert.ok(loaded(YAML), 'the yaml package read the nested mapping');
    assert.equal(doc.frontmatter?.fields.find((f) => f.key === 'hooks')?.key, 'hooks');
  });
});
