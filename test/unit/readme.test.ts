// Every command of the README marked `<!-- readme-test -->` runs, in a temporary copy of the
// example agents with `agentry` on the PATH, and succeeds: the README cannot go stale.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';
import { tempProject } from '../support/cli';
import { readmeBlocks, shimBin } from '../support/readmeBlocks';

describe('README commands', () => {
  const blocks = readmeBlocks(undefined, 'sh');

  it('marks the CLI and configuration commands for testing', () => {
    assert.ok(blocks.length >= 2, `${blocks.length} marked blocks`);
    assert.ok(blocks.some((b) => b.includes('agentry check')) && blocks.some((b) => b.includes('agentry init')));
  });

  for (const [i, block] of blocks.entries()) {
    it(`block ${i + 1} (${block.split('\n')[0]}) runs and exits 0`, () => {
      const root = tempProject({});
      cpSync(path.join(REPO_ROOT, 'examples/.claude'), path.join(root, '.claude'), { recursive: true });
      const bin = shimBin(tempProject({}));
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', block], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
      assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /command not found|Run `agentry --help`/);
      if (block.includes('agentry init')) assert.ok(existsSync(path.join(root, '.agentry.json')));
    });
  }
});
