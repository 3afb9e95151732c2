// The pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it, in a temporary git
// repository: the staged files its `files` pattern and `types` select, passed to its `entry`.
// pre-commit itself (a Python tool) is not installed here; its node install step (npm install,
// npm pack, npm install -g) is what `npm run test:package` checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/fixtures';
import { tempProject } from '../support/cli';
import { shimBin } from '../support/readmeBlocks';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
}

const [hook] = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** What pre-commit does for a commit: staged, added or changed files matching `files` and `types`, appended to `entry`. */
function runHook(repo: string, bin: string) {
  const staged = execFileSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR'], { cwd: repo, encoding: 'utf8' }).split('\n').filter(Boolean);
  const selected = staged.filter((f) => new RegExp(hook.files).test(f) && (!hook.types.includes('markdown') || /\.(md|markdown)$/.test(f)));
  const [command, ...args] = hook.entry.split(' ');
  const run = spawnSync(command, [...args, ...selected], { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  return { selected, ...run };
}

describe('pre-commit hook', () => {
  it('is a node hook whose entry is the agentry bin', () => {
    assert.equal(hook.id, 'agentry');
    assert.equal(hook.language, 'node');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.bin[hook.entry.split(' ')[0]]);
  });

  it('checks the staged agent files only, and fails the commit while one has errors', () => {
    const repo = tempProject({
      '.claude/agents/good.md': '---\nname: good\ndescription: Reviews code.\n---\nBody\n',
      '.claude/agents/broken.md': '---\nname: broken\n---\nNo description.\n',
      'team/.claude/agents/other.md': '---\nname: other\ndescription: x\ncolor: bleu\n---\n',
      'docs/notes.md': '---\ntitle: not an agent\n---\n',
      'docs/agents/overview.md': '---\ntitle: about our agents\n---\n',
      'agents.md': '# not in an agents folder\n',
    });
    const bin = shimBin(tempProject({}));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.claude/agents/good.md', 'team/.claude/agents/other.md', 'docs/notes.md', 'docs/agents/overview.md', 'agents.md');
    const clean = runHook(repo, bin);
    assert.deepEqual(clean.selected.sort(), ['.claude/agents/good.md', 'team/.claude/agents/other.md']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /team\/\.claude\/agents\/other\.md:4:8 warning invalid-value/);
    assert.match(clean.stdout, /in 2 files\n$/);
    git('add', '.claude/agents/broken.md');
    const broken = runHook(repo, bin);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /\.claude\/agents\/broken\.md:\d+:\d+ error missing-description/);
  });
});
