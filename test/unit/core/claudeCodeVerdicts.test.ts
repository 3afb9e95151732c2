// Agentry's reading of the seeds and the corpus against what the real Claude Code did
// with them (test/fixtures/claude-code-verdicts.json, recorded by `npm run conformance`):
// an error exactly where Claude Code drops the file or refuses to run the agent, and the
// same name, description and model where it loads it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAgentService, DEFAULT_SETTINGS } from '../../../server/src/service';
import { effectiveAgent } from '../../../server/src/service/claude/effectiveAgent';
import { CLAUDE_CODE_VERSION } from '../../../server/src/service/catalog/catalog';
import { FIXTURES } from '../../support/fixtures';

interface Verdict {
  verdict: 'loads and runs' | 'refuses to run' | 'dropped';
  name?: string;
  description?: string;
  model?: string;
}

const recorded = JSON.parse(readFileSync(path.join(FIXTURES, 'claude-code-verdicts.json'), 'utf8')) as { claudeCode: string; files: Record<string, Verdict> };

describe('Claude Code verdicts on the seeds and the corpus', () => {
  const service = createAgentService();
  const entries = Object.entries(recorded.files).map(([id, verdict]) => {
    const file = path.join(FIXTURES, id);
    return { id, verdict, doc: service.parse(pathToFileURL(file).href, 0, readFileSync(file, 'utf8')) };
  });

  it('were recorded with the Claude Code version of the catalog, for all 797 files', () => {
    assert.equal(recorded.claudeCode, CLAUDE_CODE_VERSION);
    assert.equal(entries.length, 797);
  });

  it('an error-severity diagnostic exactly where Claude Code drops the file or refuses to run the agent', () => {
    const wrong = entries.filter(({ verdict, doc }) => {
      const errors = service.validate(doc).some((d) => d.severity === 1);
      return errors !== (verdict.verdict !== 'loads and runs');
    });
    assert.deepEqual(
      wrong.map((w) => `${w.id}: ${w.verdict.verdict}`),
      [],
    );
  });

  it('the effective agent loads, runs, and has the name, description and model Claude Code reported', () => {
    for (const { id, verdict, doc } of entries) {
      const agent = effectiveAgent(doc, DEFAULT_SETTINGS);
      assert.equal(agent.loads, verdict.verdict !== 'dropped', id);
      assert.equal(agent.runs, verdict.verdict === 'loads and runs', id);
      if (!agent.loads) continue;
      assert.equal(agent.name, verdict.name, id);
      assert.equal(agent.description, verdict.description, id);
      assert.equal(agent.model?.written, verdict.model, id);
    }
  });
});
