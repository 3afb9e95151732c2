// Group `scale`: workspaces of 1,000 to 10,000 agent files (corpus + seeds, renamed to be
// unique, one deliberate duplicate name per 1,000 files, see lib/fixtures.mjs) under
// <tmp>/ws-N/.claude/agents/.
// Server (stdio, pull diagnostics): `initialized` -> index complete (the server's
// "Indexed N agent files" log line, which it writes once the folder is indexed), then
// `workspace/diagnostic` with a partialResultToken, as vscode-languageclient sends for
// workspace pulls (every file's diagnostics in `$/progress` chunks). At the largest N,
// the cost of renaming an open agent until another open agent, which duplicated the old
// name, shows the change: didChange -> the server's workspace/diagnostic/refresh -> the
// other file pulled again without its duplicate-agent-name (and back). Peak RSS = VmHWM.
// CLI: `agentry check <ws>/.claude/agents --format json`, wall and peak RSS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles, makeScaleWorkspace, seedFiles } from './lib/fixtures.mjs';
import { now, positionAt, procCpuMs, procMemory, startServer, stats } from './lib/lsp.mjs';
import { LINT_STEP } from './lib/readme.mjs';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,2000,5000,10000').split(',').map(Number);
const RENAMES = 40;
/** The server's refresh throttle (lsp/diagnosticsHost.ts REFRESH_DELAY_MS). */
const REFRESH_WINDOW_MS = 100;

export const columns = ['files', 'tool', 'step', 'ms', 'p99Ms', 'msPerFile', 'cpuMs', 'peakRssMb', 'target', 'met', 'notes'];

export async function run(ctx) {
  const pool = [...corpusFiles(), ...seedFiles()];
  const rows = [];
  for (const n of SIZES) {
    const ws = makeScaleWorkspace(join(ctx.tmpDir, `ws-${n}`), n, pool);
    rows.push(...(await serverRows(ctx, ws, n === Math.max(...SIZES))));
    rows.push(await cliRow(ctx, ws));
  }
  growth(rows);
  return rows;
}

async function serverRows(ctx, ws, withRename) {
  const n = ws.count;
  // A fresh index cache folder: the first server parses every file (cold), the second reads the cache (warm).
  const cacheFolder = mkdtempSync(join(ctx.tmpDir, `index-cache-${n}-`));
  const rows = [];
  const row = (step, ms, extra = {}) => rows.push({ files: n, tool: 'server', step, ms, msPerFile: ms / n, ...extra });
  const indexTarget = n === 10000 ? { target: '<= 2000 ms' } : {};
  const { client, ms, ...cold } = await indexServer(ctx, ws, cacheFolder);
  try {
    row('initialized -> index complete (cold)', ms, { ...cold, ...indexTarget, met: indexTarget.target ? (ms <= 2000 ? 'yes' : 'no') : undefined });
    const cpu1 = procCpuMs(client.pid);
    const t1 = now();
    const lint = await workspacePull(client);
    const lintMs = now() - t1;
    if (lint.items.length !== n) throw new Error(`workspace/diagnostic reported ${lint.items.length} files, expected ${n}`);
    const diags = lint.items.reduce((s, r) => s + r.items.length, 0);
    const dupes = lint.items.reduce((s, r) => s + r.items.filter((d) => d.code === 'duplicate-agent-name').length, 0);
    row(LINT_STEP, lintMs, {
      cpuMs: procCpuMs(client.pid) - cpu1,
      peakRssMb: procMemory(client.pid).peakMb,
      notes: `${diags} diagnostics, ${dupes} duplicate-agent-name (${ws.duplicates.length} duplicated pairs); ${(lint.bytes / 1048576).toFixed(1)} MB of JSON in ${lint.chunks} partial results`,
    });

    if (withRename) rows.push(await renameRow(client, ws));
    const mem = procMemory(client.pid);
    rows.push({ files: n, tool: 'server', step: 'peak RSS (VmHWM)', peakRssMb: mem.peakMb, target: '<= 150 MB', met: mem.peakMb <= 150 ? 'yes' : 'no', notes: `RSS now ${mem.rssMb.toFixed(1)} MB` });
  } finally {
    await client.shutdown();
  }
  const warm = await indexServer(ctx, ws, cacheFolder);
  await warm.client.shutdown();
  row('initialized -> index complete (index cache)', warm.ms, { cpuMs: warm.cpuMs, peakRssMb: warm.peakRssMb, notes: warm.notes, ...indexTarget, met: indexTarget.target ? (warm.ms <= 2000 ? 'yes' : 'no') : undefined });
  return rows;
}

/** `workspace/diagnostic` as vscode-languageclient pulls it: with a partialResultToken, the reports gathered from the `$/progress` chunks and the response. */
async function workspacePull(client) {
  const partialResultToken = 'bench-workspace-pull';
  const items = [];
  let chunks = 0;
  let bytes = 0;
  const listening = client.connection.onProgress(client.rpc.WorkspaceDiagnosticRequest.partialResult, partialResultToken, (chunk) => {
    chunks++;
    bytes += JSON.stringify(chunk).length;
    items.push(...chunk.items);
  });
  try {
    const response = await client.request('workspace/diagnostic', { previousResultIds: [], partialResultToken });
    bytes += JSON.stringify(response).length;
    items.push(...response.items);
  } finally {
    listening.dispose();
  }
  return { items, chunks, bytes };
}

/** A server started on the workspace with `cacheFolder`: the time from `initialized` to its "Indexed" log line. */
async function indexServer(ctx, ws, cacheFolder) {
  const client = startServer(ctx);
  await client.initialize(ws.root, undefined, { cacheFolder });
  const indexed = client.waitForLog(/^Indexed \d+ agent files? of /);
  const t0 = now();
  const cpu0 = procCpuMs(client.pid);
  client.initialized();
  const { at, message } = await indexed;
  const count = Number(/Indexed (\d+)/.exec(message)[1]);
  if (count !== ws.count) throw new Error(`server indexed ${count} files, expected ${ws.count}`);
  return { client, ms: at - t0, cpuMs: procCpuMs(client.pid) - cpu0, peakRssMb: procMemory(client.pid).peakMb, notes: `log: ${message.replace(/ of \S+/, '')}` };
}

/** Renames an open agent back and forth; time until the other open agent's pulled diagnostics show it. */
async function renameRow(client, ws) {
  const [aFile, bFile] = ws.duplicates[0];
  const [a, b] = [aFile, bFile].map((f) => pathToFileURL(f).href);
  const aText = readFileSync(aFile, 'utf8');
  const name = /^name: (.*)$/m.exec(aText)[1];
  client.open(a, aText);
  client.open(b, readFileSync(bFile, 'utf8'));
  const dupOf = (r) => r.items.some((d) => d.code === 'duplicate-agent-name');
  let aResult = await client.diagnostics(a);
  let bResult = await client.diagnostics(b);
  if (!dupOf(bResult)) throw new Error(`${bFile} is not reported as a duplicate of ${aFile}`);
  const end = positionAt(aText, aText.indexOf(`name: ${name}`) + `name: ${name}`.length);
  const visible = [];
  const refreshes = [];
  const cpu0 = procCpuMs(client.pid);
  for (let i = 0; i < RENAMES; i++) {
    const renamed = i % 2 === 0; // even: append "x" (no longer a duplicate); odd: delete it again
    // One edit at a time: the server sends a refresh at once, then at most one per 100 ms
    // (a burst of renames gets its last refresh at the end of that window, by design).
    await new Promise((resolve) => setTimeout(resolve, REFRESH_WINDOW_MS + 50));
    const refreshed = client.nextRefresh();
    const t0 = now();
    client.change(a, renamed ? { start: end, end } : { start: end, end: { line: end.line, character: end.character + 1 } }, renamed ? 'x' : '');
    // As VS Code: the edited document is pulled at once; the others when the server asks.
    aResult = await client.diagnostics(a, aResult.resultId);
    refreshes.push((await refreshed) - t0);
    bResult = await client.diagnostics(b, bResult.resultId);
    if (bResult.kind !== 'full' || dupOf(bResult) === renamed) throw new Error(`rename ${i}: ${bFile} diagnostics not updated (${bResult.kind})`);
    visible.push(now() - t0);
  }
  const s = stats(visible);
  const r = stats(refreshes);
  return {
    files: ws.count,
    tool: 'server',
    step: 'rename open agent -> other open agent updated',
    ms: s.p50,
    p99Ms: s.p99,
    cpuMs: (procCpuMs(client.pid) - cpu0) / RENAMES,
    target: 'p99 <= 50 ms',
    met: s.p99 <= 50 ? 'yes' : 'no',
    notes: `${RENAMES} renames (append/delete one character), ${REFRESH_WINDOW_MS + 50} ms apart; didChange -> refresh request p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; cpuMs per rename`,
  };
}

async function cliRow(ctx, ws) {
  if (!ctx.agentryCli) return { files: ws.count, tool: 'cli', step: 'agentry check', notes: 'n/a: dist/cli.js not built' };
  const runs = Math.min(ctx.runs, 3);
  const r = await ctx.measure(ctx.node, [ctx.agentryCli, 'check', ws.agentsDir, '--format', 'json'], { runs, warmup: 0, cwd: ws.root });
  const files = new Set(JSON.parse(r.stdout).diagnostics.map((d) => d.file)).size;
  return {
    files: ws.count,
    tool: 'cli',
    step: 'agentry check --format json',
    ms: r.medianMs,
    p99Ms: r.p99Ms,
    msPerFile: r.medianMs / ws.count,
    cpuMs: r.cpuMs,
    peakRssMb: r.peakRssMb,
    notes: `median of ${runs} runs, exit ${r.code}, diagnostics in ${files} files`,
  };
}

/** Growth with N: ms per file relative to the smallest N (<= ~1.2 = linear or better). */
function growth(rows) {
  const bySteps = new Map();
  for (const r of rows) if (r.msPerFile !== undefined) bySteps.set(`${r.tool}|${r.step}`, [...(bySteps.get(`${r.tool}|${r.step}`) ?? []), r]);
  for (const list of bySteps.values()) {
    const base = list[0].msPerFile;
    for (const r of list) r.notes = `${r.notes}; ms/file x${(r.msPerFile / base).toFixed(2)} of N=${list[0].files}`;
  }
}
