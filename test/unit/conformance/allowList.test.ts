// The allow-list: every entry must say why; entries match one file or a folder prefix, per
// category; what they do not match stays unexplained, and unused entries are reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyAllowList, parseAllowList } from '../../../conformance/src/allowList.js';
import type { Disagreement } from '../../../conformance/src/compare.js';

const disagreement = (id: string, category: Disagreement['category'] = 'verdict'): Disagreement => ({ id, category, claudeCode: 'runs', agentry: 'error' });

describe('conformance: allow-list', () => {
  it('rejects an entry without a reason, an unknown category or an unknown field', () => {
    assert.throws(() => parseAllowList('[{"file":"a.md","category":"verdict","reason":""}]'), /say why/);
    assert.throws(() => parseAllowList('[{"file":"a.md","category":"colour","reason":"because it is so"}]'), /category/);
    assert.throws(() => parseAllowList('[{"file":"a.md","category":"verdict","reason":"because it is so","extra":1}]'), /extra/);
    assert.throws(() => parseAllowList('{not json'), /not JSON/);
  });

  it('matches a file exactly or a folder by a trailing slash, in its category only', () => {
    const entries = parseAllowList(
      JSON.stringify([
        { file: 'cases/a.md', category: 'verdict', reason: 'depends on the environment' },
        { file: 'corpus/x/', category: 'tools', reason: 'MCP servers are not configured here' },
        { file: 'cases/never.md', category: 'verdict', reason: 'left over from an old run' },
      ]),
    );
    const result = applyAllowList([disagreement('cases/a.md'), disagreement('cases/a.md', 'model'), disagreement('corpus/x/y.md', 'tools'), disagreement('corpus/xy.md', 'tools')], entries);
    assert.deepEqual(
      result.allowed.map((entry) => `${entry.id} ${entry.category}`),
      ['cases/a.md verdict', 'corpus/x/y.md tools'],
    );
    assert.equal(result.allowed[0].reason, 'depends on the environment');
    assert.deepEqual(
      result.unexplained.map((entry) => `${entry.id} ${entry.category}`),
      ['cases/a.md model', 'corpus/xy.md tools'],
    );
    assert.deepEqual(
      result.unused.map((entry) => entry.file),
      ['cases/never.md'],
    );
  });
});
