// A real LSP client loop for the wire, scale and startup groups: spawns dist/server.js
// over stdio and talks JSON-RPC through vscode-languageserver-protocol from the repo's
// own node_modules (createRequire), answering the server's requests as VS Code does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, quantile } from './measure.mjs';

/** What VS Code declares for the features the server uses: pull diagnostics with refresh. */
export const PULL_CLIENT = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  // No dynamic registrations: nothing in the benchmarks changes settings or files behind the server's back.
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
};

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Peak and current RSS of a process in MB from /proc/<pid>/status (VmHWM, VmRSS). */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: null, rssMb: null };
  }
}

/** user+sys CPU ms of a process from /proc/<pid>/stat (clock ticks of 10 ms). */
export function procCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * startServer(ctx, { root }) -> client
 * Spawns `node dist/server.js --stdio` and connects. The client answers
 * workspace/configuration ({}), registrations and diagnostic refreshes, collects log
 * messages, and lets callers wait for a log line or a refresh.
 */
export function startServer(ctx, { nodeArgs = [] } = {}) {
  const require = createRequire(join(ctx.repoRoot, 'package.json'));
  const rpc = require('vscode-languageserver-protocol/node');
  // The server's index cache goes to the bench's temporary folder, never the user's cache folder.
  const env = { ...process.env, XDG_CACHE_HOME: join(ctx.tmpDir ?? tmpdir(), 'xdg-cache') };
  const child = spawn(ctx.node, [...nodeArgs, join(ctx.repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const logs = [];
  const logWaiters = [];
  const refreshWaiters = [];
  let refreshes = 0;
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    const t = now();
    for (const w of refreshWaiters.splice(0)) w(t);
    return null;
  });
  connection.onNotification('window/logMessage', (p) => {
    logs.push(p.message);
    for (const w of [...logWaiters])
      if (w.test.test(p.message)) {
        logWaiters.splice(logWaiters.indexOf(w), 1);
        w.resolve({ at: now(), message: p.message });
      }
  });
  connection.onNotification('textDocument/publishDiagnostics', () => {});
  connection.listen();
  const versions = new Map();
  const client = {
    rpc,
    connection,
    child,
    logs,
    get pid() {
      return child.pid;
    },
    get refreshes() {
      return refreshes;
    },
    get stderr() {
      return stderr;
    },
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    /** Resolves { at, message } with the first later log line matching `re`. */
    waitForLog(re) {
      const seen = logs.find((m) => re.test(m));
      if (seen) return Promise.resolve({ at: now(), message: seen });
      return new Promise((resolve) => logWaiters.push({ test: re, resolve }));
    },
    /** Resolves with the time of the next workspace/diagnostic/refresh request. */
    nextRefresh: () => new Promise((resolve) => refreshWaiters.push(resolve)),
    /** initialize (not yet `initialized`); returns the InitializeResult. */
    initialize(folder, capabilities = PULL_CLIENT, initializationOptions = undefined) {
      const uri = folder ? pathToFileURL(folder).href : null;
      return connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uri,
        capabilities,
        workspaceFolders: uri ? [{ uri, name: basename(folder) }] : null,
        initializationOptions,
      });
    },
    initialized: () => connection.sendNotification('initialized', {}),
    open(uri, text) {
      versions.set(uri, 1);
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    },
    /** One incremental change; returns the new version. */
    change(uri, range, text) {
      const version = versions.get(uri) + 1;
      versions.set(uri, version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return version;
    },
    diagnostics: (uri, previousResultId) => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }),
    async shutdown() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      connection.dispose();
    },
  };
  return client;
}

/** Line/character of the offset in text (LSP positions count UTF-16 units, as JS strings do). */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Median, nearest-rank p99 and max of a sample list. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: median(s), p99: quantile(s, 0.99), max: s.at(-1) };
}
