// The flags a linter in CI offers: --max-warnings, --format github, --quiet, --stdin, init, --print-config.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../../../server/src/service/config/config';
import { ALL_CODES } from '../../../server/src/service/diagnostics/codes';
import { CLI, runCli, tempProject } from '../../support/cli';

// One error (missing-description), two warnings (invalid-value, unknown-tool), one information (unknown-key).
const AGENT = '---\nname: a\ncolor: bleu\ntools: Read, Reed\ncategory: x\n---\nBody\n';
const WARNINGS_ONLY = '---\nname: b\ndescription: d\ncolor: bleu\ntools: Read, Reed\n---\nBody\n';

const json = (stdout: string) => JSON.parse(stdout).diagnostics as { code: string; severity: string; file: string }[];

function withStdin(args: string[], cwd: string, input: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
}

describe('cli flags', () => {
  it('--max-warnings: exit 1 past the limit, 0 at it, usage error for a non-number', () => {
    const root = tempProject({ 'agents/b.md': WARNINGS_ONLY });
    assert.equal(runCli(['check', '.'], root).status, 0);
    assert.equal(runCli(['check', '.', '--max-warnings', '2'], root).status, 0);
    const over = runCli(['check', '.', '--max-warnings', '1'], root);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'agentry: 2 warnings, more than --max-warnings 1\n');
    assert.equal(runCli(['check', '.', '--max-warnings', 'many'], root).status, 2);
    assert.equal(runCli(['check', '.', '--max-warnings', '-1'], root).status, 2);
  });

  it('--quiet reports errors only; --max-warnings still counts the warnings it hides', () => {
    const root = tempProject({ 'agents/a.md': AGENT, 'agents/b.md': WARNINGS_ONLY });
    const quiet = runCli(['check', '.', '--quiet', '--format', 'json'], root);
    assert.equal(quiet.status, 1);
    assert.deepEqual(
      json(quiet.stdout).map((d) => `${d.code}:${d.severity}`),
      ['missing-description:error'],
    );
    const noErrors = tempProject({ 'agents/b.md': WARNINGS_ONLY });
    const hidden = runCli(['check', '.', '--quiet', '--max-warnings', '0'], noErrors);
    assert.equal(hidden.status, 1);
    assert.match(hidden.stdout, /^0 problems/);
  });

  it('--format github writes one workflow command per diagnostic, escaped', () => {
    const root = tempProject({ 'agents/a.md': AGENT });
    const run = runCli(['check', '.', '--format', 'github'], root);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, json(runCli(['check', '.', '--format', 'json'], root).stdout).length);
    const tool = lines.find((l) => l.includes('unknown-tool'));
    assert.match(tool!, /^::warning file=agents\/a\.md,line=4,col=14,endLine=4,endColumn=18,title=agentry unknown-tool::\S/);
    assert.ok(
      lines.some((l) => l.startsWith('::error file=agents/a.md,line=1,') && l.includes('title=agentry missing-description::')),
      run.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith('::notice ') && l.includes('unknown-key')),
      run.stdout,
    );
    // A message holding a newline or a `%` would otherwise end or corrupt the command.
    for (const line of lines) assert.doesNotMatch(line.split('::').slice(2).join('::'), /%(?!25|0D|0A)/);
  });

  it("--stdin lints standard input as the file named by --stdin-filename, with that folder's configuration", () => {
    const root = tempProject({ '.agentry.json': JSON.stringify({ severity: { 'unknown-tool': 'error' } }), 'agents/other.md': AGENT });
    const run = withStdin(['check', '--stdin', '--stdin-filename', 'agents/new.md', '--format', 'json'], root, WARNINGS_ONLY);
    assert.equal(run.status, 1, run.stderr);
    const diagnostics = json(run.stdout);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.file))], [path.join(root, 'agents/new.md')]);
    assert.deepEqual(diagnostics.map((d) => `${d.code}:${d.severity}`).sort(), ['invalid-value:warning', 'name-file-mismatch:information', 'unknown-tool:error']);
    const text = withStdin(['check', '--stdin', '--stdin-filename', 'agents/new.md'], root, WARNINGS_ONLY);
    assert.match(text.stdout, /^agents\/new\.md:5:14 error unknown-tool /m);
  });

  it('--stdin without a file name, with paths, --fix or --cache is a usage error', () => {
    const root = tempProject({});
    for (const args of [['--stdin'], ['--stdin', '--stdin-filename', 'a.md', 'agents'], ['--stdin', '--stdin-filename', 'a.md', '--fix'], ['--stdin', '--stdin-filename', 'a.md', '--cache'], ['--stdin-filename', 'a.md']]) {
      const run = withStdin(['check', ...args], root, AGENT);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^agentry: .*--(stdin|fix|cache)/, args.join(' '));
    }
  });

  it('init writes .agentry.json with its $schema, which the config schema accepts, and never overwrites it', () => {
    const root = tempProject({});
    const run = runCli(['init'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'wrote .agentry.json\n');
    const written = JSON.parse(readFileSync(path.join(root, '.agentry.json'), 'utf8'));
    assert.match(written.$schema, /^https:\/\/.*agentry-config\.schema\.json$/);
    assert.ok(configSchema().safeParse(written).success);
    assert.equal(runCli(['check', '.'], root).status, 0);
    const again = runCli(['init'], root);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists/);
  });

  it('--print-config prints the effective configuration for a file, defaults filled in', () => {
    const root = tempProject({
      '.agentry.json': JSON.stringify({ severity: { 'unknown-key': 'off' }, extraTools: ['MyTool'] }),
      'sub/.agentry.json': JSON.stringify({ ignore: ['old/**'] }),
    });
    const run = runCli(['--print-config', 'agents/a.md'], root);
    assert.equal(run.status, 0, run.stderr);
    const config = JSON.parse(run.stdout);
    assert.ok(configSchema().safeParse(config).success);
    assert.deepEqual(config.extraTools, ['MyTool']);
    assert.equal(config.severity['unknown-key'], 'off');
    assert.equal(config.severity['missing-name'], 'error');
    assert.deepEqual(Object.keys(config.severity).sort(), [...ALL_CODES].sort());
    assert.equal(config.requiredSections, null);
    const nested = JSON.parse(runCli(['--print-config', 'sub/x.md'], root).stdout);
    assert.deepEqual([nested.ignore, nested.extraTools, nested.severity['unknown-key']], [['old/**'], [], 'information']);
    const wrong = runCli(['--print-config', 'a.md'], tempProject({ '.agentry.json': '{"severity": {"mojibake": "loud", "unknown-key": "off"}}' }));
    assert.equal(wrong.status, 0);
    assert.match(wrong.stderr, /^agentry: warning: \.agentry\.json: `severity\.mojibake`: "loud" is not one of/);
    assert.deepEqual([JSON.parse(wrong.stdout).severity.mojibake, JSON.parse(wrong.stdout).severity['unknown-key']], ['warning', 'off']);
    assert.equal(runCli(['--print-config', 'a.md'], tempProject({ '.agentry.json': '[1]' })).status, 2);
  });

  it('--help lists every command and flag', () => {
    const help = runCli(['--help'], tempProject({})).stdout;
    for (const flag of ['init', '--max-warnings', '--format', 'github', '--quiet', '--stdin', '--stdin-filename', '--print-config', '--fix', '--cache']) assert.ok(help.includes(flag), flag);
  });
});
