// Completion, hover, code actions and the fix-all command, wired to the features.
import type { CodeAction, Connection } from 'vscode-languageserver/node';
import { codeActions, textEdit } from '../service/features/codeActions';
import { codeLenses } from '../service/features/codeLens';
import { completion } from '../service/features/completion';
import { hover } from '../service/features/hover';
import { agentHandler } from './agentHandler';
import type { ClientSupport } from './capabilities';
import { APPLY_FIX_ALL_COMMAND, FIXES_APPLIED_COMMAND, fixesAppliedMessage, type FixAllResult } from './protocol';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from './workspaceHost';

export function registerEditing(connection: Connection, host: WorkspaceHost, support: () => ClientSupport, log: Logger): void {
  const editSupport = () => ({ documentChanges: support().documentChanges, renameFiles: support().renameFiles, createFiles: support().createFiles });

  connection.onCompletion(
    agentHandler(host, log, 'textDocument/completion', null, ({ doc, ctx }, params, token) => ({
      isIncomplete: false,
      items: completion(doc, params.position, ctx, { snippets: support().snippets }, token),
    })),
  );

  connection.onHover(agentHandler(host, log, 'textDocument/hover', null, ({ doc, ctx }, params, token) => hover(doc, params.position, ctx, token)));

  connection.onCodeLens(agentHandler(host, log, 'textDocument/codeLens', [], ({ doc, settings }) => codeLenses(doc, settings.analysis)));

  connection.onCodeAction(
    agentHandler(host, log, 'textDocument/codeAction', [] as CodeAction[], ({ doc, project, settings }, params, token) => {
      const allDiagnostics = project.service.validate(doc, settings.analysis);
      const fixesApplied = (fixes: number) => ({ title: fixesAppliedMessage(fixes), command: FIXES_APPLIED_COMMAND, arguments: [fixes] });
      return codeActions(doc, project.service, { diagnostics: params.context.diagnostics, allDiagnostics, only: params.context.only }, editSupport(), token, fixesApplied);
    }),
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
      const { edits, fixes } = found.project.service.fixAllPlan(found.doc, found.project.service.validate(found.doc, found.settings.analysis));
      if (!edits.length) return { fixes: 0 };
      const { applied } = await connection.workspace.applyEdit({ label: 'Fix all auto-fixable Agentry problems', edit: textEdit(found.doc, edits, editSupport()) });
      return { fixes: applied ? fixes : 0 };
    }),
  );
}
