// `agentry check --fix` on real files in a temporary folder: atomic writes,
// line endings and BOM kept, untouched files left alone, exit codes and
// one-line messages for usage and I/O problems.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject, type CliRun } from '../../support/cli';

const SLOW = { timeout: 60_000 };
const FIXABLE = '---\nname: a\ndescription: Use it: always\ntools: Read, Read\n---\nBody\n';
const FIXED = '---\nname: a\ndescription: "Use it: always"\ntools: Read\n---\nBody\n';

function assertOneLineError(run: CliRun, message: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  const [first, ...rest] = run.stderr.trimEnd().split('\n');
  assert.match(first, message);
  assert.ok(
    rest.every((line) => line === 'Run `agentry --help` for usage.'),
    `more than a one-line message:\n${run.stderr}`,
  );
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'stack trace');
}

describe('cli --fix', () => {
  it('writes through a temporary file and a rename: new inode, same mode, no temporary file left', SLOW, () => {
    const root = tempProject({ 'agents/a.md': FIXABLE });
    const file = path.join(root, 'agents/a.md');
    chmodSync(file, 0o640);
    const before = statSync(file);
    const run = runCli(['check', '.', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    const after = statSync(file);
    assert.notEqual(after.ino, before.ino, 'rewritten in place rather than renamed over');
    assert.equal(after.mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(path.join(root, 'agents')), ['a.md']);
  });

  it('keeps CRLF line endings and a UTF-8 BOM', SLOW, () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const root = tempProject({ 'agents/a.md': crlf(FIXABLE) });
    const run = runCli(['check', '.', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readFileSync(path.join(root, 'agents/a.md')), Buffer.from(crlf(FIXED), 'utf8'));
  });

  it('never touches a file it has nothing to fix (clean, or only problems without a safe fix)', SLOW, () => {
    const root = tempProject({
      'agents/clean.md': '---\nname: clean\ndescription: Fine.\n---\nBody\n',
      'agents/warned.md': '---\nname: warned\ndescription: Fine.\ncategory: x\nmodel: sonet\n---\n',
      'agents/broken.md': '---\nname: broken\n',
      'agents/fixable.md': FIXABLE,
    });
    const past = new Date('2001-02-03T04:05:06Z');
    const names = ['clean', 'warned', 'broken'];
    const before = new Map(
      names.map((n) => {
        const file = path.join(root, `agents/${n}.md`);
        utimesSync(file, past, past);
        return [n, statSync(file)];
      }),
    );
    const run = runCli(['check', '.', '--fix'], root);
    assert.equal(run.status, 1, run.stderr);
    for (const n of names) {
      const after = statSync(path.join(root, `agents/${n}.md`));
      assert.equal(after.mtimeMs, before.get(n)!.mtimeMs, `${n}.md was rewritten`);
      assert.equal(after.ino, before.get(n)!.ino, `${n}.md was replaced`);
    }
    assert.equal(readFileSync(path.join(root, 'agents/fixable.md'), 'utf8'), FIXED);
    assert.match(run.stdout, /fixed 1 file/);
  });

  it('writes through a symlinked agent file to its target, keeping the link', SLOW, () => {
    const root = tempProject({ 'shared/a.md': FIXABLE, 'agents/.keep': '' });
    symlinkSync(path.join(root, 'shared/a.md'), path.join(root, 'agents/a.md'));
    const run = runCli(['check', 'agents/a.md', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(lstatSync(path.join(root, 'agents/a.md')).isSymbolicLink(), 'the link was replaced by a file');
    assert.equal(realpathSync(path.join(root, 'agents/a.md')), realpathSync(path.join(root, 'shared/a.md')));
    assert.equal(readFileSync(path.join(root, 'shared/a.md'), 'utf8'), FIXED);
  });

  it('leaves a file that is not valid UTF-8 byte for byte, and says why', SLOW, () => {
    const bytes = Buffer.concat([Buffer.from(FIXABLE.replace('Body', 'Body \u0000')), Buffer.from([0xff, 0xfe, 0x0a])]);
    const root = tempProject({});
    writeFileSync(path.join(root, 'a.md'), bytes);
    const run = runCli(['check', 'a.md', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readFileSync(path.join(root, 'a.md')), bytes);
    assert.match(run.stderr, /a\.md: not fixed: .*not valid UTF-8/);
    assert.doesNotMatch(run.stdout, /fixed 1 file/);
  });

  it('exit codes: 0 without errors, 1 with errors, 2 for usage and I/O problems', SLOW, () => {
    const root = tempProject({ 'agents/ok.md': '---\nname: ok\ndescription: Fine.\n---\n', 'agents/bad.md': '---\ndescription: no name\n---\n' });
    assert.equal(runCli(['check', 'agents/ok.md'], root).status, 0);
    assert.equal(runCli(['check', 'agents/bad.md', '--fix'], root).status, 1);
    assert.equal(runCli(['check', '.', '--format', 'json'], root).status, 1);
    assertOneLineError(runCli(['check', 'agents/missing.md'], root), /^agentry: no such file or directory: agents\/missing\.md$/);
    assertOneLineError(runCli(['check', '.', '--format', 'yaml'], root), /^agentry: unknown format: yaml$/);
    assertOneLineError(runCli(['check', '--nope'], root), /^agentry: Unknown option '--nope'/);
  });

  it('a .agentry.json that is not a JSON object is a clear one-line message with exit 2; wrong entries are warnings', SLOW, () => {
    const agent = { 'agents/ok.md': '---\nname: ok\ndescription: Fine.\n---\n' };
    const broken = tempProject({ ...agent, '.agentry.json': '{ "severity": { "unknown-key": "error" }, }' });
    assertOneLineError(runCli(['check', '.'], broken), /\.agentry\.json: not valid JSON: /);
    assertOneLineError(runCli(['check', '.'], tempProject({ ...agent, '.agentry.json': '"agents/**"' })), /\.agentry\.json: config: not a JSON object/);
    // Wrong entries are left out with a warning each; the run goes on.
    const wrong = runCli(['check', '.', '--fix'], tempProject({ ...agent, '.agentry.json': '{ "ignore": "agents/**", "extends": "./other.js" }' }));
    assert.equal(wrong.status, 0, wrong.stderr);
    assert.deepEqual(wrong.stderr.trimEnd().split('\n'), [
      'agentry: warning: .agentry.json: `ignore`: Invalid input: expected array, received string; ignored',
      'agentry: warning: .agentry.json: `extends` is not a setting Agentry knows; ignored',
    ]);
  });
});
