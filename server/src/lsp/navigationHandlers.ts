// Definition, references, rename, outline, folding, semantic tokens and workspace symbols: delegations to the service.
import { ErrorCodes, ResponseError, type Connection, type DocumentSymbol, type FoldingRange, type Location, type WorkspaceSymbol } from './languageServer';
import { agentHandler } from './agentHandler';
import type { ClientSupport } from './capabilities';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from '../workspace/workspaceHost';

export function registerNavigation(connection: Connection, host: WorkspaceHost, support: () => ClientSupport, log: Logger): void {
  const noLocations: Location[] = [];
  connection.onDefinition(agentHandler(host, log, 'textDocument/definition', noLocations, ({ doc, project }, params, token) => project.service.definition(doc, params.position, token)));
  connection.onReferences(agentHandler(host, log, 'textDocument/references', noLocations, ({ doc, project }, params, token) => project.service.references(doc, params.position, params.context.includeDeclaration, token)));
  connection.onPrepareRename(agentHandler(host, log, 'textDocument/prepareRename', null, ({ doc, project }, params) => project.service.prepareRename(doc, params.position) ?? null));
  connection.onRenameRequest(
    agentHandler(host, log, 'textDocument/rename', null, ({ doc, project }, params, token) => {
      const result = project.service.rename(doc, params.position, params.newName, token);
      if (!result) return null;
      return 'error' in result ? new ResponseError(ErrorCodes.InvalidParams, result.error) : result.edit;
    }),
  );
  connection.onDocumentSymbol(agentHandler(host, log, 'textDocument/documentSymbol', [] as DocumentSymbol[], ({ doc, project }, _params, token) => project.service.documentSymbols(doc, { headings: !support().editorHeadingSymbols }, token)));
  connection.onFoldingRanges(agentHandler(host, log, 'textDocument/foldingRange', [] as FoldingRange[], ({ doc, project }, _params, token) => project.service.foldingRanges(doc, token)));
  connection.languages.semanticTokens.on(agentHandler(host, log, 'textDocument/semanticTokens/full', { data: [] }, ({ doc, project }, _params, token) => project.service.semanticTokens(doc, token)));
  connection.onWorkspaceSymbol(
    guard(log, 'workspace/symbol', [] as WorkspaceSymbol[], async (params, token) => {
      await host.settled();
      return host.allProjects().flatMap((p) => p.service.workspaceSymbols(params.query, token));
    }),
  );
}
