// Every process the harness starts is bounded: a timeout kills its whole process group (the
// grandchildren too), and stopAll kills what is still running.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run, stopAll } from '../../../conformance/src/processes.js';

/** Running, not gone and not a zombie waiting for a parent that is gone too. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

describe('conformance: processes', () => {
  it('kills a command and its children at the timeout', async () => {
    const result = await run('sh', ['-c', 'sleep 30 & echo $!; wait'], { cwd: '/', env: process.env, timeoutMs: 300, closeStdinWhen: () => false });
    assert.equal(result.timedOut, true);
    const grandchild = Number(result.stdout.trim());
    assert.ok(grandchild > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(alive(grandchild), false, 'the background sleep is gone too');
  });

  it('passes input, closes stdin and returns the output of a command that ends', async () => {
    const result = await run('cat', [], { cwd: '/', env: process.env, timeoutMs: 5000, input: 'hello\n' });
    assert.deepEqual([result.code, result.stdout, result.timedOut], [0, 'hello\n', false]);
  });

  it('stopAll ends a running command at once', async () => {
    const pending = run('sleep', ['30'], { cwd: '/', env: process.env, timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    stopAll();
    const result = await pending;
    assert.equal(result.signal, 'SIGKILL');
    assert.ok(Date.now() - started < 5000);
  });
});
