// picomatch is loaded when there are globs to match, not before: walking a folder with no
// ignore globs (the server's start, a warm `check --cache`) leaves it out. (Each test file
// runs in its own process.)
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findAgentFilesSync } from '../../../server/src/workspace/findAgentFiles';

const picomatchLoaded = () => Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]picomatch[\\/]/.test(file));

describe('glob matchers', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'agentry-globs-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, '.claude/agents/drafts'), { recursive: true });
  for (const file of ['a.md', 'drafts/b.md']) writeFileSync(path.join(root, '.claude/agents', file), '---\nname: x\ndescription: y\n---\n');
  const found = (ignore: string[]) => findAgentFilesSync(root, ignore).map((f) => path.relative(root, f).split(path.sep).join('/'));

  it('load picomatch only for globs', () => {
    assert.deepEqual(found([]), ['.claude/agents/a.md', '.claude/agents/drafts/b.md']);
    assert.equal(picomatchLoaded(), false);
    assert.deepEqual(found(['**/drafts/**']), ['.claude/agents/a.md']);
    assert.equal(picomatchLoaded(), true);
  });
});
