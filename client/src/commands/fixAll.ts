// Agentry: Fix All — asks the server to apply every automatic fix to the
// active agent file; the server sends the edits back through workspace/applyEdit.
import { languages, window } from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { ClientHost } from '../clientHost';
import type { AgentDocumentFilter } from '../documentSelector';
import { APPLY_FIX_ALL_COMMAND, type FixAllResult } from '../../../server/src/lsp/protocol';
import { showFixesApplied } from '../fixesApplied';

export async function fixAll(host: ClientHost, selector: () => AgentDocumentFilter[]): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || languages.match(selector(), document) === 0) {
    void window.showInformationMessage('Agentry: open an agent file (for example .claude/agents/<name>.md) to fix it.');
    return;
  }
  const client = await host.client();
  // The server answers after its workspace/applyEdit has been applied.
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_FIX_ALL_COMMAND, arguments: [document.uri.toString()] })) as FixAllResult | null;
  showFixesApplied(result?.fixes ?? 0);
}
