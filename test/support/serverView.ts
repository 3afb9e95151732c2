// What a server shows of a workspace, for comparing a long-running server with a fresh
// one on the same disk and the same open texts: the pulled diagnostics of every open
// document and the agents workspace symbols list. Any difference is a stale index or cache.
import assert from 'node:assert/strict';
import { CancellationToken, type FullDocumentDiagnosticReport, type UnchangedDocumentDiagnosticReport, type WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { FULL_CLIENT, startInProcess, type TestClient } from '../unit/lsp/harness';

export interface ServerView {
  diagnostics: Record<string, string[]>;
  symbols: string[];
}

/** Each client's last full report per document: pulls send its resultId, as VS Code does, and keep it when told `unchanged`. */
const lastReports = new WeakMap<TestClient, Map<string, FullDocumentDiagnosticReport>>();

/** Pulls the diagnostics of `uri` as a client that keeps its last report does. */
export async function pullDiagnostics(client: TestClient, uri: string, token?: CancellationToken): Promise<FullDocumentDiagnosticReport> {
  let last = lastReports.get(client);
  if (!last) lastReports.set(client, (last = new Map()));
  const previous = last.get(uri);
  const params = { textDocument: { uri }, previousResultId: previous?.resultId };
  const pulled = await client.connection.sendRequest<FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport>('textDocument/diagnostic', params, token ?? CancellationToken.None);
  const report = pulled.kind === 'unchanged' && previous ? previous : (pulled as FullDocumentDiagnosticReport);
  last.set(uri, report);
  return report;
}

/** The view of `client` for the documents open in it (uri → text). */
export async function viewOf(client: TestClient, open: Iterable<string>): Promise<ServerView> {
  const diagnostics: Record<string, string[]> = {};
  for (const uri of open) {
    const report = await pullDiagnostics(client, uri);
    diagnostics[uri] = report.items.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])])).sort();
  }
  const symbols = (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' })).map((s) => JSON.stringify([s.name, s.location.uri, 'range' in s.location ? s.location.range.start.line : undefined])).sort();
  return { diagnostics, symbols };
}

/** The view of a fresh server started on `root` with `open` (uri → text) opened in it. */
export async function freshViewOf(root: string, open: Map<string, string>): Promise<ServerView> {
  const fresh = startInProcess();
  try {
    await fresh.initialize(FULL_CLIENT, root);
    for (const [uri, text] of open) await fresh.open(uri, text);
    return await viewOf(fresh, open.keys());
  } finally {
    fresh.dispose();
  }
}

/** Fails with the differences when `client` does not show what a fresh server shows. */
export async function assertAgreesWithFresh(client: TestClient, root: string, open: Map<string, string>, context = ''): Promise<void> {
  const fresh = await freshViewOf(root, open);
  const long = await viewOf(client, open.keys());
  assert.deepEqual(long, fresh, `the long-running server differs from a fresh one${context ? `: ${context}` : ''}`);
}
