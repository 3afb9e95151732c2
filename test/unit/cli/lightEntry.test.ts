// dist/cli.js answers a warm `check --cache` run without loading the linter: its bundle
// must hold none of the parsers (they live in dist/cli-lint.js, required only to lint).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bundleMetafile } from '../../support/bundle';

describe('the CLI entry', () => {
  it('bundles none of the parsers', async () => {
    const inputs = Object.keys((await bundleMetafile('server/src/cli.ts', 'cli.js')).inputs);
    const parsers = inputs.filter((file) => /node_modules\/(gray-matter|markdown-it|yaml|zod)\//.test(file));
    assert.deepEqual(parsers, []);
    assert.ok(
      inputs.some((file) => file.endsWith('server/src/cli/cache.ts')),
      'the cache reader is in the entry',
    );
  });
});
