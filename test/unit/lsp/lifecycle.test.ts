// The LSP lifecycle and a stream that loses its framing: requests before initialize get
// −32002 and requests after shutdown an error; over a real pipe, a frame without
// Content-Length ends the process with a clear line (the client restarts it), while a
// body that is not JSON is skipped and the server keeps answering.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createProtocolConnection, ResponseError, SocketMessageReader, SocketMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, REPO_ROOT, serverCommand, startInProcess, TestClient } from './harness';

const SLOW = { timeout: 30_000 };
const hover = (client: TestClient, uri: string) => client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: ResponseError<unknown>) => error.code,
  );

describe('LSP lifecycle', () => {
  it('a request before initialize gets ServerNotInitialized (−32002), a notification then is dropped', async () => {
    const ws = createWorkspace();
    const client = startInProcess();
    try {
      assert.equal(await errorCode(hover(client, ws.agents.developer)), -32002);
      await client.open(ws.agents.developer, '---\nname: x\n'); // dropped: the server is not initialized
      await client.initialize(FULL_CLIENT, ws.root);
      const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: ws.agents.developer } });
      assert.deepEqual(report.items, [], 'the document opened before initialize is open');
      assert.equal(await errorCode(client.request('initialize', { processId: null, rootUri: null, capabilities: {} })), -32600, 'a second initialize');
    } finally {
      client.dispose();
      ws.dispose();
    }
  });

  it('a request after shutdown gets InvalidRequest', async () => {
    const ws = createWorkspace();
    const client = startInProcess();
    try {
      await client.initialize(FULL_CLIENT, ws.root);
      await client.request('shutdown', null);
      assert.equal(await errorCode(hover(client, ws.agents.developer)), -32600);
    } finally {
      client.dispose();
      ws.dispose();
    }
  });
});

/** The server process over stdio, with its standard error kept. */
function spawnStdio() {
  const { script, execArgv } = serverCommand();
  const child = spawn(process.execPath, [...execArgv, script, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const client = new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), () => child.kill());
  return { child, client, stderr: () => stderr };
}

describe('a stream that loses its framing (real pipe)', () => {
  it('a frame without Content-Length ends the server with a clear line, instead of leaving it deaf', SLOW, async () => {
    const ws = createWorkspace();
    const { child, client, stderr } = spawnStdio();
    try {
      await client.initialize(FULL_CLIENT, ws.root);
      const exited = once(child, 'exit');
      const logged = client.nextLog(/out of step/);
      child.stdin!.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
      const [code] = await exited;
      assert.equal(code, 1);
      assert.match(stderr(), /exiting, the protocol stream is out of step \(Header must provide a Content-Length property/);
      assert.match(await logged, /the client can restart the server/);
    } finally {
      client.dispose();
      ws.dispose();
    }
  });

  it('a body that is not JSON (framing intact) is skipped and later requests are answered', SLOW, async () => {
    const ws = createWorkspace();
    const { child, client } = spawnStdio();
    try {
      await client.initialize(FULL_CLIENT, ws.root);
      const body = '{"jsonrpc":"2.0","id":98,"method":';
      child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await client.open(ws.agents.reviewer, '---\nname: reviewer\ndescription: Reviews.\n---\n');
      assert.ok(await client.request('textDocument/diagnostic', { textDocument: { uri: ws.agents.reviewer } }));
      assert.equal(child.exitCode, null);
    } finally {
      client.dispose();
      ws.dispose();
    }
  });
});

describe('server process over --socket', () => {
  it('connects to the client port and serves requests', SLOW, async () => {
    const ws = createWorkspace();
    const listener = createServer();
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const { script, execArgv } = serverCommand();
    const child = spawn(process.execPath, [...execArgv, script, `--socket=${(listener.address() as AddressInfo).port}`], { cwd: REPO_ROOT, stdio: 'ignore' });
    try {
      const [socket] = await once(listener, 'connection');
      const client = new TestClient(createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)), () => child.kill());
      await client.initialize(FULL_CLIENT, ws.root);
      await client.open(ws.agents.reviewer, '---\nname: reviewer\ndescription: Reviews.\ntools: Reed\n---\n');
      const report = await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: ws.agents.reviewer } });
      assert.ok(report.items.some((d) => d.code === 'unknown-tool'));
      client.dispose();
    } finally {
      child.kill();
      listener.close();
      ws.dispose();
    }
  });
});
