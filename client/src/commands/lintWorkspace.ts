// Agentry: Lint Workspace — asks the server to lint every agent file and
// shows the problems of files that are not open in the Problems panel.
import { ProgressLocation, window } from 'vscode';
import type { ClientHost } from '../clientHost';
import { LintWorkspaceRequest } from '../protocol';
import { describeCounts, type WorkspaceDiagnostics } from '../workspaceDiagnostics';

export async function lintWorkspace(host: ClientHost, diagnostics: WorkspaceDiagnostics): Promise<void> {
  const summary = await window.withProgress({ location: ProgressLocation.Window, title: 'Agentry: linting agent files' }, async () => {
    const client = await host.client();
    const result = await client.sendRequest(LintWorkspaceRequest, {});
    return describeCounts(await diagnostics.show(client, result));
  });
  window.setStatusBarMessage(summary, 15_000);
}
