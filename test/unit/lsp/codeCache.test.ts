// The bundled server's loader: the first start writes V8's code cache of the server
// bundle into the cache folder, and the next start reads it (V8 accepts it, so it is
// not written again) and answers as before.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const cacheFiles = () => {
  const folder = path.join(testCacheHome(), 'agentry');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.v8cache')).map((f) => path.join(folder, f)) : [];
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
});
