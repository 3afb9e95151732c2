// Group `transports`: one request's round trip over each transport the server offers.
// The five seeds in <tmp>/ws/.claude/agents/, seed 000 opened; then REQUESTS hovers on its
// `name:` line one after the other (request sent -> response received), after WARMUP ones.
// Over --socket the bench listens on a loopback port and the server connects to it, as
// VS Code's TransportKind.socket does: once with the bench's socket as Node makes it (Nagle's
// algorithm on, as vscode-jsonrpc's createClientSocketTransport leaves it), once with noDelay.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFixture, seedFiles } from './lib/fixtures.mjs';
import { now, PULL_CLIENT, startServer, stats } from './lib/lsp.mjs';

export const columns = ['transport', 'n', 'p50Ms', 'p99Ms', 'maxMs'];

const REQUESTS = 300;
const WARMUP = 30;

/** The server over --socket: resolves a protocol connection once it has connected. */
async function startSocketServer(ctx, noDelay) {
  const require = createRequire(join(ctx.repoRoot, 'package.json'));
  const rpc = require('vscode-languageserver-protocol/node');
  const listener = createServer();
  await new Promise((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const env = { ...process.env, XDG_CACHE_HOME: join(ctx.tmpDir, 'xdg-cache') };
  const child = spawn(ctx.node, [join(ctx.repoRoot, 'dist', 'server.js'), `--socket=${listener.address().port}`], { stdio: 'ignore', env });
  const socket = await new Promise((resolve) => listener.once('connection', resolve));
  socket.setNoDelay(noDelay);
  const connection = rpc.createProtocolConnection(new rpc.SocketMessageReader(socket), new rpc.SocketMessageWriter(socket));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const stop = () => {
    child.kill();
    connection.dispose();
    listener.close();
  };
  return { request: (m, p) => connection.sendRequest(m, p), notify: (m, p) => connection.sendNotification(m, p), stop };
}

async function timeHovers(client, folder, uri, text) {
  await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: PULL_CLIENT, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const params = { textDocument: { uri }, position: { line: 1, character: 2 } };
  const samples = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = now();
    await client.request('textDocument/hover', params);
    if (i >= WARMUP) samples.push(now() - started);
  }
  return stats(samples);
}

export async function run(ctx) {
  const folder = join(ctx.tmpDir, 'ws');
  const file = makeFixture(folder, seedFiles()).paths[0];
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const rows = [];

  const stdio = startServer(ctx);
  const overStdio = await timeHovers({ request: stdio.request, notify: stdio.notify }, folder, uri, text);
  await stdio.shutdown();
  rows.push(row('--stdio', overStdio));

  for (const noDelay of [false, true]) {
    const socket = await startSocketServer(ctx, noDelay);
    try {
      rows.push(row(`--socket, client ${noDelay ? 'noDelay' : 'Nagle on'}`, await timeHovers(socket, folder, uri, text)));
    } finally {
      socket.stop();
    }
  }
  return rows;
}

function row(transport, s) {
  return { transport, n: s.n, p50Ms: round(s.p50), p99Ms: round(s.p99), maxMs: round(s.max) };
}

const round = (ms) => Math.round(ms * 100) / 100;
