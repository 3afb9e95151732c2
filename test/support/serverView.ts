// What a server shows of a workspace, for comparing a long-running server with a fresh
// one on the same disk and the same open texts: the pulled diagnostics of every open
// document and the agents workspace symbols list. Any difference is a stale index or cache.
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { FULL_CLIENT, startInProcess, type TestClient } from '../unit/lsp/harness';

export interface ServerView {
  diagnostics: Record<string, string[]>;
  symbols: string[];
}

/** The view of `client` for the documents open in it (uri → text). */
export async function viewOf(client: TestClient, open: Iterable<string>): Promise<ServerView> {
  const diagnostics: Record<string, string[]> = {};
  for (const uri of open) {
    const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    diagnostics[uri] = report.items
      .map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])]))
      .sort();
  }
  const symbols = (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' }))
    .map((s) => JSON.stringify([s.name, s.location.uri, 'range' in s.location ? s.location.range.start.line : undefined]))
    .sort();
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
