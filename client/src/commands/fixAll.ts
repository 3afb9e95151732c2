// Agentry: Fix All — asks the server to apply every automatic fix to the
// active agent file; the server sends the edits back through workspace/applyEdit.
import { languages, window } from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { ClientHost } from '../clientHost';
import type { AgentDocumentFilter } from '../documentSelector';
import { APPLY_FIX_ALL_COMMAND } from '../../../server/src/lsp/protocol';

export async function fixAll(host: ClientHost, selector: () => AgentDocumentFilter[]): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || languages.match(selector(), document) === 0) {
    void window.showInformationMessage('Agentry: open an agent file (for example .claude/agents/<name>.md) to fix it.');
    return;
  }
  const client = await host.client();
  const version = document.version;
  // The server answers after its workspace/applyEdit has been applied.
  await client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_FIX_ALL_COMMAND, arguments: [document.uri.toString()] });
  if (document.version === version) window.setStatusBarMessage('Agentry: nothing to fix automatically in this file.', 5000);
}
