// Completion, hover, code lenses, code actions and the fix-all command: delegations to the service.
import type { CodeAction, Connection } from './languageServer';
import { agentHandler } from './agentHandler';
import type { ClientSupport } from './capabilities';
import { APPLY_FIX_ALL_COMMAND, FIXES_APPLIED_COMMAND, fixesAppliedMessage, type FixAllResult } from './protocol';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from '../workspace/workspaceHost';

export function registerEditing(connection: Connection, host: WorkspaceHost, support: () => ClientSupport, log: Logger): void {
  const editSupport = () => ({ documentChanges: support().documentChanges, renameFiles: support().renameFiles, createFiles: support().createFiles });
  const fixesApplied = (fixes: number) => ({ title: fixesAppliedMessage(fixes), command: FIXES_APPLIED_COMMAND, arguments: [fixes] });

  connection.onCompletion(
    agentHandler(host, log, 'textDocument/completion', null, ({ doc, project }, params, token) => ({
      isIncomplete: false,
      items: project.service.completion(doc, params.position, { snippets: support().snippets }, token),
    })),
  );

  connection.onHover(agentHandler(host, log, 'textDocument/hover', null, ({ doc, project }, params, token) => project.service.hover(doc, params.position, token)));

  connection.onCodeLens(agentHandler(host, log, 'textDocument/codeLens', [], ({ doc, project }) => project.service.codeLenses(doc)));

  connection.onCodeAction(
    agentHandler(host, log, 'textDocument/codeAction', [] as CodeAction[], ({ doc, project }, params, token) =>
      project.service.codeActions(doc, { diagnostics: params.context.diagnostics, only: params.context.only }, editSupport(), token, fixesApplied),
    ),
  );

  connection.onExecuteCommand(
    guard(log, 'workspace/executeCommand', null, async (params): Promise<FixAllResult | null> => {
      const argument = params.arguments?.[0];
      if (params.command === FIXES_APPLIED_COMMAND && typeof argument === 'number') {
        void connection.window.showInformationMessage(fixesAppliedMessage(argument));
        return null;
      }
      if (params.command !== APPLY_FIX_ALL_COMMAND || typeof argument !== 'string') return null;
      await host.settled();
      const found = await host.context(argument);
      if (!found) return null;
      const plan = found.project.service.fixAllEdit(found.doc, editSupport());
      if (!plan) return { fixes: 0 };
      const { applied } = await connection.workspace.applyEdit({ label: 'Fix all auto-fixable Agentry problems', edit: plan.edit });
      return { fixes: applied ? plan.fixes : 0 };
    }),
  );
}
