// `--fix` never loses an edit and leaves nothing to clean up: a file changed after it
// was read is left as it is and reported, a hard-linked file is not split, temporary
// files of a killed run are removed by the next, and SIGKILL at any moment leaves every
// file old or fully fixed (`npm run fuzz` kills many more runs).
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs, { linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { replaceIfUnchanged } from '../../../server/src/workspace/atomicWrite';
import { runCli, tempProject } from '../../support/cli';
import { fixableAgent, killDuringFix, replaced, startFix, temporariesUnder, writeFixWorkspace } from '../../fuzz/fixKills';

const SLOW = { timeout: 60_000 };
const FIXED = (n: number) => `---\nname: agent-${n}\ndescription: "Use it: for case ${n}"\ntools: Read, Glob\n---\n\nBody of agent ${n}.\n`;

describe('replaceIfUnchanged', () => {
  it('replaces a file that still holds what was read', () => {
    const file = path.join(tempProject({ 'a.md': 'old' }), 'a.md');
    assert.deepEqual(replaceIfUnchanged(file, 'new', Buffer.from('old')), { written: true });
    assert.equal(readFileSync(file, 'utf8'), 'new');
  });

  it('leaves a file that changed since it was read, of the same length or not', () => {
    const root = tempProject({ 'a.md': 'edit', 'b.md': 'edited by hand' });
    for (const name of ['a.md', 'b.md']) {
      const file = path.join(root, name);
      const before = readFileSync(file, 'utf8');
      assert.deepEqual(replaceIfUnchanged(file, 'fixed', Buffer.from('old!')), { written: false, reason: 'changed' });
      assert.equal(readFileSync(file, 'utf8'), before);
    }
    assert.deepEqual(readdirSync(root).sort(), ['a.md', 'b.md']);
  });

  it('leaves a file deleted since it was read (creates nothing)', () => {
    const root = tempProject({});
    assert.deepEqual(replaceIfUnchanged(path.join(root, 'gone.md'), 'fixed', Buffer.from('old')), { written: false, reason: 'changed' });
    assert.deepEqual(readdirSync(root), []);
  });

  it('puts back an edit written in place between the check and the rename', () => {
    const file = path.join(tempProject({ 'a.md': 'old' }), 'a.md');
    const rename = fs.renameSync;
    // The editor saves in place at the worst moment: after the comparison, before the rename.
    const renames = mock.method(fs, 'renameSync', (from: fs.PathLike, to: fs.PathLike) => {
      if (renames.mock.callCount() === 0) writeFileSync(file, 'the edit');
      rename(from, to);
    });
    try {
      assert.deepEqual(replaceIfUnchanged(file, 'fixed', Buffer.from('old')), { written: false, reason: 'changed' });
    } finally {
      renames.mock.restore();
    }
    assert.equal(readFileSync(file, 'utf8'), 'the edit');
    assert.deepEqual(temporariesUnder(path.dirname(file)), []);
  });

  it('leaves a file with other hard links, which a rename would split', () => {
    const root = tempProject({ 'a.md': 'old' });
    linkSync(path.join(root, 'a.md'), path.join(root, 'b.md'));
    assert.deepEqual(replaceIfUnchanged(path.join(root, 'a.md'), 'fixed', Buffer.from('old')), { written: false, reason: 'hard-linked', links: 2 });
    assert.equal(readFileSync(path.join(root, 'b.md'), 'utf8'), 'old');
  });
});

describe('cli --fix safety', () => {
  it('keeps an edit saved while the run is writing, and says the file was not fixed', SLOW, async () => {
    const root = tempProject({});
    const files = writeFixWorkspace(root, 600);
    const last = files[598]; // a fixable one, among the last written
    const run = startFix(root);
    // Every file has been read once the first one is replaced; the last is written a second or so later.
    assert.ok(await replaced(files[0], run.exited), 'the run ended before writing');
    const edit = `${fixableAgent(598)}An edit saved during the run.\n`;
    writeFileSync(last, edit);
    const { stderr } = await run.exited;
    assert.equal(readFileSync(last, 'utf8'), edit, 'the edit was overwritten');
    assert.match(stderr, /a00598\.md: not fixed: changed during the run/);
    assert.equal(readFileSync(files[597], 'utf8'), FIXED(597), 'the files around it are fixed');
  });

  it('removes the temporary files of a killed run (its process gone), not those of a running one', SLOW, () => {
    const root = tempProject({ '.claude/agents/a.md': fixableAgent(1) });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const folder = path.join(root, '.claude/agents');
    writeFileSync(path.join(folder, `.a.md.${dead}.agentry-tmp`), 'half a fi');
    writeFileSync(path.join(folder, `.a.md.${process.pid}.agentry-tmp`), 'being written');
    const run = runCli(['check', '.', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(folder).sort(), [`.a.md.${process.pid}.agentry-tmp`, 'a.md']);
    assert.equal(readFileSync(path.join(folder, 'a.md'), 'utf8'), FIXED(1));
  });

  it('a hard-linked file is not fixed, and the run says why', SLOW, () => {
    const root = tempProject({ '.claude/agents/a.md': fixableAgent(1) });
    linkSync(path.join(root, '.claude/agents/a.md'), path.join(root, 'backup.md'));
    const run = runCli(['check', '.claude', '--fix'], root);
    assert.match(run.stderr, /a\.md: not fixed: it has 2 hard links/);
    assert.equal(readFileSync(path.join(root, 'backup.md'), 'utf8'), fixableAgent(1));
    assert.equal(readFileSync(path.join(root, '.claude/agents/a.md'), 'utf8'), fixableAgent(1));
  });

  it('SIGKILL at random moments leaves every file old or fully fixed, and a complete run leaves no temporary file', SLOW, async () => {
    const run = await killDuringFix(20_261_201, 6, 300);
    assert.equal(run.kills, 6);
  });
});
