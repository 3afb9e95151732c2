// The command-line linter end to end: formats, exit codes, folders, config, --fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allSeeds } from '../../support/fixtures';
import { runCli, tempProject } from '../../support/cli';

const seedProject = () => tempProject(Object.fromEntries(allSeeds().map((s) => [`.claude/agents/${s.name.replace('.txt', '.md')}`, s.text])));

describe('cli', () => {
  it('prints JSON with 1-based positions and exits 0 on the seeds (no errors)', () => {
    const run = runCli(['check', '.', '--format', 'json'], seedProject());
    assert.equal(run.status, 0, run.stderr);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[] };
    const mismatch = diagnostics.find((d) => d.code === 'rule-count-mismatch' && String(d.file).includes('003_'));
    assert.deepEqual({ line: mismatch?.line, column: mismatch?.column, endColumn: mismatch?.endColumn, severity: mismatch?.severity }, { line: 9, column: 32, endColumn: 34, severity: 'warning' });
    assert.deepEqual(Object.keys(diagnostics[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.equal(diagnostics.filter((d) => d.code === 'duplicate-agent-name').length, 4);
  });

  it('prints compiler-style text with a summary', () => {
    const run = runCli(['check', '.claude/agents/003_3e6744e9357e9015.md'], seedProject());
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.includes('.claude/agents/003_3e6744e9357e9015.md:9:32 warning rule-count-mismatch Declares 19 rules but defines 5; missing 5–18.'), run.stdout);
    assert.match(lines.at(-1)!, /^\d+ problems \(0 errors, \d+ warnings, \d+ infos, 0 hints\) in 1 file$/);
  });

  it('writes SARIF 2.1.0 with rules and regions', () => {
    const run = runCli(['check', '.', '--format', 'sarif'], seedProject());
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runLog] = sarif.runs;
    assert.equal(runLog.tool.driver.name, 'agentry');
    const ruleIds = runLog.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('mojibake'));
    const result = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'rule-count-mismatch');
    assert.equal(runLog.tool.driver.rules[result.ruleIndex].id, 'rule-count-mismatch');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, '.claude/agents/003_3e6744e9357e9015.md');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 9, startColumn: 32, endLine: 9, endColumn: 34 });
  });

  it('exits 1 when a file has errors and 2 on usage or I/O problems, without a stack trace', () => {
    const root = tempProject({ 'agents/broken.md': '---\ndescription: no name\n---\n' });
    assert.equal(runCli(['check', '.'], root).status, 1);
    const missing = runCli(['check', 'nowhere'], root);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.split('\n')[0], 'agentry: no such file or directory: nowhere');
    assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/);
    assert.equal(runCli(['check', '--format', 'xml'], root).status, 2);
    assert.equal(runCli(['lint'], root).status, 2);
  });

  it('walks folders for agent files (under .claude/agents, or frontmatter naming an agent) outside node_modules and .git; a file named is always linted', () => {
    const root = tempProject({
      'agents/a.md': '---\nname: a\ndescription: x\ncolor: bleu\n---\n',
      '.claude/agents/team/draft.md': '# Draft\n',
      'docs/readme.md': '# Not an agent\n',
      'docs/agents/overview.md': '---\ntitle: Agents\nsidebar_position: 2\n---\n# Agents\n',
      'node_modules/pkg/agent.md': '---\nname: b\ndescription: x\ncolor: bleu\n---\n',
    });
    const filesOf = (args: string[]) => [...new Set(JSON.parse(runCli(['check', ...args, '--format', 'json'], root).stdout).diagnostics.map((d: { file: string }) => path.relative(root, d.file)))].sort();
    assert.deepEqual(filesOf(['.']), [path.join('.claude', 'agents', 'team', 'draft.md'), path.join('agents', 'a.md')]);
    assert.deepEqual(filesOf(['docs/agents/overview.md']), [path.join('docs', 'agents', 'overview.md')]);
  });

  it('reads .agentry.json: severities and ignore globs; a config that is not JSON is exit 2', () => {
    const files = { 'agents/a.md': '---\nname: a\ndescription: x\ncategory: y\n---\n', 'agents/old/b.md': '---\nname: b\n---\n' };
    const root = tempProject({ ...files, '.agentry.json': JSON.stringify({ severity: { 'unknown-key': 'error' }, ignore: ['agents/old/**'] }) });
    const run = runCli(['check', '.', '--format', 'json'], root);
    assert.equal(run.status, 1);
    assert.deepEqual(
      JSON.parse(run.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`),
      ['unknown-key:error'],
    );
    const bad = runCli(['check', '.'], tempProject({ ...files, '.agentry.json': '{ "severity": ' }));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /\.agentry\.json: not valid JSON/);
  });

  it('a config with wrong entries: each is left out with a warning on stderr, and the run goes on with the rest', () => {
    const files = { 'agents/a.md': '---\nname: a\ndescription: x\ncategory: y\ntools: Read, Reed\n---\n' };
    const config = { severity: { 'unknown-key': 'of', 'unknown-tool': 'error' }, sevrity: {}, extraModels: 'gpt' };
    const run = runCli(['check', '.', '--format', 'json'], tempProject({ ...files, '.agentry.json': JSON.stringify(config) }));
    assert.deepEqual(run.stderr.trim().split('\n'), [
      'agentry: warning: .agentry.json: `severity.unknown-key`: "of" is not one of error, warning, information, hint, off; ignored',
      'agentry: warning: .agentry.json: `sevrity` is not a setting Agentry knows; ignored',
      'agentry: warning: .agentry.json: `extraModels`: Invalid input: expected array, received string; ignored',
    ]);
    assert.equal(run.status, 1, 'unknown-tool is an error: the valid severity applies');
    assert.deepEqual(
      JSON.parse(run.stdout)
        .diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`)
        .sort(),
      ['unknown-key:information', 'unknown-tool:error'],
    );
  });

  it('reads the `agentry` key of package.json and resolves rules from the configured rules document', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'team', agentry: { rulesDocument: 'CLAUDE.md', severity: { 'name-file-mismatch': 'off' } } }),
      'CLAUDE.md': '# Rules\n\n**Rule 7: Canonical Rule**\n- defined once for every agent\n',
      'agents/a.md': '---\nname: agent-a\ndescription: x\n---\nFollow Rule 7 and Rule 8.\n',
    });
    const { diagnostics } = JSON.parse(runCli(['check', '.', '--format', 'json'], root).stdout);
    assert.deepEqual(
      diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`),
      ['undefined-rule-reference: Rule 8 is not defined in this file, the rules document or any other agent.'],
    );
  });

  it('--fix applies the safe fixes and leaves the rest of the file alone', () => {
    const root = tempProject({ 'agents/a.md': '---\nname: a\ndescription: Use it: always\ntools: Read, MultiEdit, Edit, Task\n---\nBody â€” text.\n' });
    const run = runCli(['check', '.', '--fix'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(path.join(root, 'agents/a.md'), 'utf8'), '---\nname: a\ndescription: "Use it: always"\ntools: Read, Edit, Task\n---\nBody — text.\n');
    assert.match(run.stdout, /fixed 1 file/);
  });
});
