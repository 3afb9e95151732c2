// `agentry check` and skills: the project's, a parent folder's and the user's
// skills count, and a cached run lints again when a skill file comes or goes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, tempProject } from '../../support/cli';

const AGENT = '---\nname: skilled\ndescription: Uses skills.\nskills: changelog-entry, repo-wide, my-habits, late-skill\n---\nBody\n';

describe('cli: skills', () => {
  let home: string;
  const homeBefore = process.env.HOME;
  before(() => {
    home = mkdtempSync(path.join(tmpdir(), 'agentry-home-'));
    mkdirSync(path.join(home, '.claude/skills/my-habits'), { recursive: true });
    writeFileSync(path.join(home, '.claude/skills/my-habits/SKILL.md'), '---\nname: my-habits\n---\n');
    process.env.HOME = home;
  });
  after(() => {
    process.env.HOME = homeBefore;
    rmSync(home, { recursive: true, force: true });
  });

  const unknown = (root: string, extra: string[] = []) => {
    const run = runCli(['check', 'app', '--format', 'json', ...extra], root);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return (JSON.parse(run.stdout).diagnostics as { code: string; message: string }[]).filter((d) => d.code === 'unknown-skill').map((d) => /No skill `([^`]+)`/.exec(d.message)![1]);
  };

  it("knows the project's skills, a parent folder's and the user's", () => {
    const root = tempProject({
      'app/.claude/agents/skilled.md': AGENT,
      'app/.claude/skills/changelog-entry/SKILL.md': '---\nname: changelog-entry\ndescription: Writes entries.\n---\n',
      '.claude/skills/repo-wide/SKILL.md': 'A skill without frontmatter.\n',
    });
    assert.deepEqual(unknown(root), ['late-skill']);
  });

  it('with --cache, lints again when a skill file is added or removed', () => {
    const root = tempProject({ 'app/.claude/agents/skilled.md': AGENT, 'app/.claude/skills/changelog-entry/SKILL.md': '' });
    assert.deepEqual(unknown(root, ['--cache']), ['repo-wide', 'late-skill']);
    assert.deepEqual(unknown(root, ['--cache']), ['repo-wide', 'late-skill']);
    mkdirSync(path.join(root, 'app/.claude/skills/late-skill'));
    writeFileSync(path.join(root, 'app/.claude/skills/late-skill/SKILL.md'), '---\nname: late-skill\n---\n');
    assert.deepEqual(unknown(root, ['--cache']), ['repo-wide']);
    unlinkSync(path.join(root, 'app/.claude/skills/changelog-entry/SKILL.md'));
    assert.deepEqual(unknown(root, ['--cache']), ['changelog-entry', 'repo-wide']);
  });
});
