// `agentry check --cache`: a warm run prints what a cold run prints, files that change
// are linted again along with the unchanged files whose cross-file results they change,
// and a cache that cannot be read is ignored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allSeeds } from '../../support/fixtures';
import { CLI, runCli, tempProject } from '../../support/cli';

const SLOW = { timeout: 120_000 };

const agent = (name: string, body = '') => `---\nname: ${name}\ndescription: Does ${name} things.\n---\n${body}`;
const CROSS = (...names: string[]) => `## Cross-Agent Validation\n${names.map((n) => `- ${n}: checks the work\n`).join('')}`;

/** The JSON diagnostics of `check .`, with the cache and without (which must agree). */
function check(root: string, ...extra: string[]): { codes: string[]; run: ReturnType<typeof runCli> } {
  const run = runCli(['check', '.', '--format', 'json', '--cache', ...extra], root);
  const cold = runCli(['check', '.', '--format', 'json'], root);
  assert.equal(run.stdout, cold.stdout, 'the cached run prints what a cold run prints');
  assert.equal(run.status, cold.status);
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string }[] };
  return { codes: diagnostics.map((d) => `${path.basename(d.file)} ${d.code}`), run };
}

/**
 * The CLI's light entry alone in a folder, without the linter it loads to lint: it can only
 * answer from the cache, and fails (cli-lint.js not found) whenever it would lint.
 */
function entryWithoutLinter(): (args: string[], cwd: string, home: string) => ReturnType<typeof runCli> {
  const lone = path.join(tempProject({}), 'cli.js');
  copyFileSync(CLI, lone);
  return (args, cwd, home) => {
    const r = spawnSync(process.execPath, [lone, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

function write(root: string, name: string, text: string): void {
  writeFileSync(path.join(root, name), text);
}

describe('cli --cache', () => {
  it('writes .agentry-cache in the working folder and prints from it while nothing changes', SLOW, () => {
    const root = tempProject(Object.fromEntries(allSeeds().map((s) => [`.claude/agents/${s.name.replace('.txt', '.md')}`, s.text])));
    const first = check(root);
    const file = path.join(root, '.agentry-cache');
    assert.ok(existsSync(file));
    for (const format of ['text', 'sarif']) {
      assert.equal(runCli(['check', '.', '--format', format, '--cache'], root).stdout, runCli(['check', '.', '--format', format], root).stdout, format);
    }
    assert.ok(first.codes.includes('003_3e6744e9357e9015.md rule-count-mismatch'));
    // A result changed in the cache itself shows that a warm run reads it rather than linting.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/Declares 19 rules/g, 'Declares 19 (cached) rules'));
    const warm = runCli(['check', '.', '--format', 'json', '--cache'], root);
    assert.match(warm.stdout, /Declares 19 \(cached\) rules/);
  });

  it('lints a changed file again, and only the cache key of the whole run (config) invalidates all', SLOW, () => {
    const root = tempProject({ 'agents/a.md': agent('a'), 'agents/b.md': agent('b', 'Body\n') });
    assert.deepEqual(check(root).codes, []);
    write(root, 'agents/b.md', '---\nname: b\ndescription: x\ncolor: bleu\n---\n');
    assert.deepEqual(check(root).codes, ['b.md invalid-value']);
    write(root, '.agentry.json', JSON.stringify({ severity: { 'invalid-value': 'off' } }));
    assert.deepEqual(check(root).codes, []);
    write(root, '.agentry.json', JSON.stringify({ severity: { 'invalid-value': 'error' } }));
    assert.equal(check(root).run.status, 1);
  });

  it('re-validates unchanged files whose cross-file results change: names, agent references, rule definitions', SLOW, () => {
    const root = tempProject({
      'agents/a.md': agent('a', 'Follow Rule 5.\n' + CROSS('reviewer')),
      'agents/b.md': agent('b', '**Rule 5: Be Kind**\n- always\n'),
    });
    assert.deepEqual(check(root).codes, ['a.md unknown-agent-reference']);
    // b takes a's name: a (unchanged) is now a duplicate as well.
    write(root, 'agents/b.md', agent('a', '**Rule 5: Be Kind**\n- always\n'));
    assert.deepEqual(check(root).codes.sort(), ['a.md duplicate-agent-name', 'a.md unknown-agent-reference', 'b.md duplicate-agent-name', 'b.md name-file-mismatch']);
    // An agent named reviewer appears: a's reference resolves.
    write(root, 'agents/b.md', agent('b', '**Rule 5: Be Kind**\n- always\n'));
    write(root, 'agents/reviewer.md', agent('reviewer'));
    assert.deepEqual(check(root).codes, []);
    // b no longer defines Rule 5: a's reference is undefined.
    write(root, 'agents/b.md', agent('b', 'No rules here.\n'));
    assert.deepEqual(check(root).codes, ['a.md undefined-rule-reference']);
    // reviewer goes, reviewers comes: a's reference is unknown again, with a "did you mean".
    rmSync(path.join(root, 'agents/reviewer.md'));
    write(root, 'agents/reviewers.md', agent('reviewers'));
    const { run } = check(root);
    assert.match(run.stdout, /No agent named `reviewer` exists in this workspace; did you mean `reviewers`\?/);
  });

  it('notices a change of the same size right after a run (a timestamp that may not have moved)', SLOW, () => {
    const root = tempProject({ 'agents/a.md': agent('a', 'color is fine\n') });
    assert.deepEqual(check(root).codes, []);
    write(root, 'agents/a.md', agent('a', 'Follow Rule 9\n'));
    assert.deepEqual(check(root).codes, ['a.md undefined-rule-reference']);
  });

  it('ignores a cache it cannot read and writes a good one', SLOW, () => {
    const root = tempProject({ 'agents/a.md': '---\nname: a\ndescription: x\ncolor: bleu\n---\n' });
    const file = path.join(root, '.agentry-cache');
    for (const garbage of ['{not json', '{"format":1}', '[]', '']) {
      writeFileSync(file, garbage);
      assert.deepEqual(check(root).codes, ['a.md invalid-value']);
      assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')));
    }
  });

  it('--cache-location: a file, or a folder to hold .agentry-cache', SLOW, () => {
    const root = tempProject({ 'agents/a.md': agent('a'), 'tmp/keep': '' });
    check(root, '--cache-location', 'tmp/lint.cache');
    assert.ok(existsSync(path.join(root, 'tmp/lint.cache')));
    check(root, '--cache-location', 'tmp');
    assert.ok(existsSync(path.join(root, 'tmp/.agentry-cache')));
    assert.ok(!existsSync(path.join(root, '.agentry-cache')));
  });

  it('with --fix, lints everything and writes the cache of the fixed files', SLOW, () => {
    const root = tempProject({ 'agents/a.md': '---\nname: a\ndescription: Use it: always\ntools: Read, Read\n---\nBody\n', 'agents/b.md': agent('b') });
    assert.deepEqual(check(root).codes, ['a.md yaml-lenient-value', 'a.md duplicate-tool']);
    const fixed = runCli(['check', '.', '--format', 'json', '--cache', '--fix'], root);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.match(readFileSync(path.join(root, 'agents/a.md'), 'utf8'), /description: "Use it: always"\ntools: Read\n/);
    assert.deepEqual(check(root).codes, []);
  });

  it('answers a warm run from the cache without loading the linter, JSON output (effective agents) included', SLOW, () => {
    const root = tempProject({ 'agents/a.md': agent('a', CROSS('reviewer')), 'agents/b.md': '---\nname: b\ndescription: x\ntools: Read, Frob\nmodel: sonnet\n---\n' });
    const home = tempProject({ '.claude/agents/reviewer.md': agent('reviewer') });
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: home } });
    const light = entryWithoutLinter();
    for (const format of ['json', 'text']) {
      const cold = run(['check', '.', '--format', format, '--cache']);
      const warm = light(['check', '.', '--format', format, '--cache'], root, home);
      assert.equal(warm.stderr, '', format);
      assert.equal(warm.stdout, cold.stdout, format);
      assert.equal(warm.status, cold.status, format);
    }
    const { agents } = JSON.parse(run(['check', '.', '--format', 'json', '--cache']).stdout) as { agents: { name: string; tools: string[] }[] };
    assert.deepEqual(
      agents.map((a) => [a.name, a.tools]),
      [
        ['a', 'all'],
        ['b', ['Read']],
      ],
    );
    // A user agent that changes changes the results: the warm run needs the linter again.
    writeFileSync(path.join(home, '.claude/agents/reviewer.md'), agent('critic'));
    assert.match(light(['check', '.', '--cache'], root, home).stderr, /cli-lint\.js/);
    assert.match(run(['check', '.', '--format', 'json', '--cache']).stdout, /No agent named `reviewer`/);
  });
});
