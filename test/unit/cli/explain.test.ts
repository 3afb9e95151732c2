// `agentry explain`, the `agents` array of `check --format json`, and the user's
// ~/.claude (agents and MCP servers) as the CLI reads them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI, tempProject } from '../../support/cli';

const OK = '---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Task, MultiEdit\nmodel: opus\n---\nBody.\n';
const DROPPED = '\n---\nname: lost\ndescription: x\n---\n';
const CALLER = '---\nname: caller\ndescription: Calls a helper.\ntools: Read\n---\n### Cross-Agent Validation\n- **helper**: checks the work\n- **reviewer**: reviews\n';

function run(args: string[], cwd: string, home: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('agentry explain', () => {
  const home = tempProject({});
  const root = tempProject({ '.claude/agents/reviewer.md': OK, '.claude/agents/lost.md': DROPPED });

  it('prints what Claude Code does with each file, and exits 1 when one is dropped', () => {
    const out = run(['explain', '.claude/agents/reviewer.md', '.claude/agents/lost.md'], root, home);
    assert.equal(out.status, 1, out.stderr);
    assert.match(out.stdout, /loads and runs `reviewer`/);
    assert.match(out.stdout, /tools: Read, Agent \(2\)/);
    assert.match(out.stdout, /model: opus \(alias\)/);
    assert.match(out.stdout, /lost\.md\n {2}Claude Code [\d.]+ drops this file: .*very first characters/);
  });

  it('--format json gives the same record as check --format json', () => {
    const explained = JSON.parse(run(['explain', '.claude/agents/reviewer.md', '--format', 'json'], root, home).stdout).agents;
    const checked = JSON.parse(run(['check', '.claude/agents/reviewer.md', '--format', 'json'], root, home).stdout).agents;
    assert.deepEqual(explained, checked);
    assert.equal(explained[0].loads, true);
    assert.equal(explained[0].runs, true);
    assert.deepEqual(explained[0].tools, ['Read', 'Agent']);
    assert.deepEqual(explained[0].model, { written: 'opus', resolved: 'opus', kind: 'alias' });
    assert.equal(explained[0].ignored[0].key, 'tools');
  });

  it('refuses a usage it cannot serve', () => {
    assert.equal(run(['explain'], root, home).status, 2);
    assert.equal(run(['explain', 'x.md', '--format', 'sarif'], root, home).status, 2);
  });
});

describe("the user's ~/.claude", () => {
  const home = tempProject({ '.claude/agents/helper.md': '---\nname: helper\ndescription: Helps.\n---\n' });
  const root = tempProject({ '.claude/agents/caller.md': CALLER, '.claude/agents/reviewer.md': OK });

  it("counts the user's agents when names are resolved, unless --no-user-agents", () => {
    const codes = (args: string[]) => JSON.parse(run(['check', '.', '--format', 'json', ...args], root, home).stdout).diagnostics.map((d: { code: string }) => d.code);
    assert.ok(!codes([]).includes('unknown-agent-reference'));
    assert.ok(codes(['--no-user-agents']).includes('unknown-agent-reference'));
  });

  it('counts the MCP servers ~/.claude.json configures', () => {
    const project = tempProject({ '.claude/agents/gh.md': '---\nname: gh\ndescription: GitHub work.\ntools: mcp__github__create_issue\n---\n' });
    const without = run(['check', '.', '--format', 'json'], project, tempProject({}));
    assert.equal(without.status, 1);
    const withServer = run(['check', '.', '--format', 'json'], project, tempProject({ '.claude.json': JSON.stringify({ projects: { [path.resolve(project)]: { mcpServers: { github: {} } } } }) }));
    assert.equal(withServer.status, 0, withServer.stdout);
  });
});
