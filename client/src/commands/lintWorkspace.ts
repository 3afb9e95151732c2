// Agentry: Lint All Agent Files — asks the server for the LSP workspace diagnostics
// (`workspace/diagnostic`: every agent file, open or not) and shows the problems of
// files that are not open in the Problems panel. On demand: the server does not
// announce workspace diagnostics, or the language client would pull them every two
// seconds and list every agent file's problems unasked. With a partialResultToken, as
// the language client's own workspace pulls: the server streams the reports a chunk of
// files at a time instead of building one large response.
import { randomUUID } from 'node:crypto';
import { ProgressLocation, window } from 'vscode';
import type { ClientHost } from '../clientHost';
import { WorkspaceDiagnosticRequest, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageclient/node';
import { describeCounts, type WorkspaceDiagnostics } from '../workspaceDiagnostics';

export async function lintWorkspace(host: ClientHost, diagnostics: WorkspaceDiagnostics): Promise<void> {
  const summary = await window.withProgress({ location: ProgressLocation.Window, title: 'Agentry: linting agent files' }, async () => {
    const client = await host.client();
    const partialResultToken = randomUUID();
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const listening = client.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (chunk) => {
      items.push(...chunk.items);
    });
    try {
      const report = await client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken });
      items.push(...report.items);
    } finally {
      listening.dispose();
    }
    return describeCounts(await diagnostics.show(client, items));
  });
  window.setStatusBarMessage(summary, 15_000);
}
