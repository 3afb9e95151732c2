// `agentry check` on worker threads (1,500 files or more) prints exactly what one thread prints.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI, tempProject } from '../../support/cli';

describe('cli threads', () => {
  it('gives the same output on two threads as on one, cross-file diagnostics included', { timeout: 120_000 }, () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1600; i++) {
      const name = i % 500 === 7 ? `agent-${i - 1}` : `agent-${i}`; // some duplicates
      const body = `Follow Rule ${i % 40}.\n\n## Cross-Agent Validation\n- agent-${(i * 7) % 1700}: checks\n\n**Rule ${i % 30}: R**\n- b\n`;
      files[`.claude/agents/agent-${i}.md`] = `---\nname: ${name}\ndescription: Agent ${i}.\ntools: Read, Reed\n---\n${body}`;
    }
    const root = tempProject(files);
    const run = (threads: string) => spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, AGENTRY_THREADS: threads }, maxBuffer: 1 << 28 });
    const one = run('1');
    const two = run('2');
    assert.equal(one.status, two.status, two.stderr);
    assert.equal(two.stderr, '');
    assert.ok(JSON.parse(one.stdout).diagnostics.some((d: { code: string }) => d.code === 'duplicate-agent-name'));
    assert.equal(two.stdout, one.stdout);
  });
});
