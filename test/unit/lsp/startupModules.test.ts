// What the built language server loads of Node's own modules before it is ready: a start on a
// folder it indexed before (its index cache, files unchanged) needs neither child_process, nor
// crypto, nor fs/promises, which the libraries and the server load on first use (esbuild.mjs,
// bench/README.md, the third round).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../../support/fixtures';
import { TestClient } from './harness';

const SERVER = path.join(REPO_ROOT, 'dist/server.js');
const LAZY = ['child_process', 'crypto', 'fs/promises'];

/** Starts the bundle on `folder`, waits for its index, stops it; the built-in modules it had loaded by then. */
async function builtinsAtReady(folder: string, home: string): Promise<string[]> {
  const list = path.join(home, `modules-${Date.now()}.json`);
  const preload = path.join(home, 'record-modules.cjs');
  const child = spawn(process.execPath, ['--require', preload, SERVER, '--stdio'], { env: { ...process.env, XDG_CACHE_HOME: home, MODULES_FILE: list }, stdio: ['pipe', 'pipe', 'inherit'] });
  const client = new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)), () => child.kill());
  const exited = once(child, 'exit');
  const indexed = client.nextLog(/^Indexed 1 agent file/);
  await client.initialize({ workspace: { configuration: true } }, folder);
  await indexed;
  child.kill('SIGUSR2');
  await client.connection.sendRequest('shutdown', null);
  await client.connection.sendNotification('exit');
  await exited;
  client.dispose();
  return JSON.parse(readFileSync(list, 'utf8')) as string[];
}

describe('built-in modules at start-up', { skip: (!existsSync(SERVER) && 'no bundle built') || (process.platform === 'win32' && 'the list is taken at a signal') }, () => {
  it('a start from the index cache loads neither child_process, crypto nor fs/promises', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'agentry-startup-modules-'));
    try {
      // The list as it is once the folder is indexed: taken at that signal, before shutdown.
      writeFileSync(
        path.join(home, 'record-modules.cjs'),
        "process.on('SIGUSR2', () => require('fs').writeFileSync(process.env.MODULES_FILE, JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)))));\n",
      );
      const folder = path.join(home, 'ws');
      const agents = path.join(folder, '.claude', 'agents');
      mkdirSync(agents, { recursive: true });
      const file = path.join(agents, 'a.md');
      writeFileSync(file, '---\nname: a\ndescription: Reviews code.\n---\n\nYou review code.\n');
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);

      const first = await builtinsAtReady(folder, home);
      assert.ok(first.includes('net') && first.includes('vm'), first.join(' '));
      const again = await builtinsAtReady(folder, home);
      assert.deepEqual(
        LAZY.filter((name) => again.includes(name)),
        [],
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
