// The language core is pure: bundled for a neutral platform (no Node), nothing in
// server/src/service or what it imports reaches for a Node built-in. Hosts (the server,
// the CLI) bring the file system; the core only gets text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../support/fixtures';

describe('the pure core', () => {
  it('bundles for a neutral platform with no Node built-in import', async () => {
    const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
    const result = await build({
      entryPoints: [path.join(REPO_ROOT, 'server/src/service/index.ts')],
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: builtins,
    });
    const reached = Object.entries(result.metafile.inputs).flatMap(([file, input]) => input.imports.filter((i) => i.external).map((i) => `${i.path} (from ${file})`));
    assert.deepEqual(reached, []);
  });
});
