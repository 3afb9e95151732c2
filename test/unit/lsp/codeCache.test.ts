// Bundles run through V8's code cache: the first start of the server (and the first
// linting run of the CLI) writes the cache of its bundle into the cache folder, and the
// next one reads it (V8 accepts it, so it is not written again) and answers as before.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/fixtures';
import { startChild, testCacheHome } from './harness';

async function startAndStop(): Promise<string | undefined> {
  const { client, child } = startChild('--stdio');
  const exited = once(child, 'exit');
  const init = await client.initialize({});
  await client.request('shutdown', null);
  await client.connection.sendNotification('exit');
  await exited;
  client.dispose();
  return init.serverInfo?.name;
}

const cacheFiles = (home = testCacheHome()) => {
  const folder = path.join(home, 'agentry');
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.v8cache'))
        .map((f) => path.join(folder, f))
    : [];
};

describe('server code cache', { skip: !existsSync(path.join(REPO_ROOT, 'dist/server-main.js')) && 'no bundle built' }, () => {
  it('is written by the first start and read by the next one', async () => {
    assert.deepEqual(cacheFiles(), []);
    assert.equal(await startAndStop(), 'agentry');
    const [file, ...more] = cacheFiles();
    assert.ok(file && more.length === 0, 'one cache file');
    const written = statSync(file);
    assert.ok(written.size > 100_000, `${written.size} bytes`);
    assert.equal(await startAndStop(), 'agentry');
    assert.equal(statSync(file).mtimeMs, written.mtimeMs, 'accepted, so not written again');
  });

  it("removes the caches of the bundle's other builds when it writes its own", async () => {
    const folder = path.join(testCacheHome(), 'agentry');
    for (const file of cacheFiles()) rmSync(file);
    const others = ['server-main-v18.0.0-x64-1-1.v8cache', 'server-main-v20.20.2-x64-2-2.v8cache', 'cli-lint-v20.20.2-x64-1-1.v8cache', 'index-0123456789abcdef.json'];
    for (const other of others) writeFileSync(path.join(folder, other), 'x');
    assert.equal(await startAndStop(), 'agentry');
    const left = readdirSync(folder).sort();
    assert.deepEqual(
      left.filter((f) => others.includes(f)),
      ['cli-lint-v20.20.2-x64-1-1.v8cache', 'index-0123456789abcdef.json'],
    );
    assert.equal(left.filter((f) => f.startsWith('server-main-')).length, 1, left.join(', '));
  });

  it('serves the CLI linter too, with the same output', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'agentry-code-cache-'));
    try {
      const check = () => spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'check', path.join(REPO_ROOT, 'examples'), '--format', 'json'], { env: { ...process.env, XDG_CACHE_HOME: home }, encoding: 'utf8' });
      const first = check();
      assert.match(first.stdout, /"agents"/);
      const [file] = cacheFiles(home);
      assert.match(path.basename(file ?? ''), /^cli-lint-/);
      const written = statSync(file).mtimeMs;
      const second = check();
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.status, first.status);
      assert.equal(statSync(file).mtimeMs, written, 'accepted, so not written again');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
