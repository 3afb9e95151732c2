// CONTRIBUTING.md's layout lists each folder of the tree once: every folder holding tracked
// files, to two levels, and the folders of server/src (the code), and no folder that is gone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

function treeFolders(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    const depth = parts[0] === 'server' ? parts.length : Math.min(parts.length, 2);
    for (let i = 1; i <= depth; i++) folders.add(parts.slice(0, i).join('/') + '/');
  }
  return [...folders].sort();
}

function layoutFolders(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');
  const block = text.slice(text.indexOf('## Layout')).match(/```\n([\s\S]*?)```/)![1];
  return block
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0])
    .sort();
}

describe('CONTRIBUTING.md layout', () => {
  it('has one line for each folder of the tree, and none for a folder that is not there', () => {
    assert.deepEqual(layoutFolders(), treeFolders(), "add or remove the folder's line in the Layout of CONTRIBUTING.md");
  });
});
