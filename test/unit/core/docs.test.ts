// docs/diagnostics.md documents every code with its real severity and fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES, DIAGNOSTIC_CODES, severityName } from '../../../server/src/service/diagnostics/codes';
import { QUICK_FIXES } from '../../../server/src/service/features/fixes';
import { REPO_ROOT } from '../../support/fixtures';
import { syncedDocs } from '../../../scripts/sync-code-tables';

const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'diagnostics.md'), 'utf8');

describe('docs/diagnostics.md', () => {
  it('has a section for every code and no other', () => {
    const sections = [...doc.matchAll(/^## ([a-z][a-z-]*)$/gm)].map((m) => m[1]);
    assert.deepEqual([...sections].sort(), [...ALL_CODES].sort());
  });

  it('has the index table scripts/sync-code-tables.ts writes from the code table', () => {
    assert.equal(doc, syncedDocs(doc), 'run: node --import tsx scripts/sync-code-tables.ts');
  });

  it('states each default severity and whether a fix exists', () => {
    const fixable = new Set(QUICK_FIXES.flatMap((f) => f.codes));
    for (const code of ALL_CODES) {
      const row = new RegExp(`^\\| \\[\`${code}\`\\]\\(#${code}\\) \\| (\\w+) \\| (yes|no) \\|$`, 'm').exec(doc);
      assert.ok(row, `row for ${code}`);
      assert.equal(row[1], severityName(DIAGNOSTIC_CODES[code]), code);
      assert.equal(row[2], fixable.has(code) ? 'yes' : 'no', code);
    }
  });
});
