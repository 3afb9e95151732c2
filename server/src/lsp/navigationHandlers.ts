// Definition, references, rename, outline, folding, semantic tokens and workspace symbols, wired to the features.
import { ErrorCodes, ResponseError, type Connection, type DocumentSymbol, type FoldingRange, type Location, type WorkspaceSymbol } from 'vscode-languageserver/node';
import { definition } from '../service/features/navigation/definition';
import { documentSymbols } from '../service/features/navigation/documentSymbols';
import { foldingRanges } from '../service/features/navigation/foldingRanges';
import { references } from '../service/features/navigation/references';
import { semanticTokens } from '../service/features/semanticTokens';
import { prepareRename, renameAgent } from '../service/features/navigation/rename';
import { workspaceSymbols } from '../service/features/navigation/workspaceSymbols';
import { agentHandler } from './agentHandler';
import type { ClientSupport } from './capabilities';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from '../workspace/workspaceHost';

export function registerNavigation(connection: Connection, host: WorkspaceHost, support: () => ClientSupport, log: Logger): void {
  const noLocations: Location[] = [];
  connection.onDefinition(agentHandler(host, log, 'textDocument/definition', noLocations, ({ doc, ctx }, params, token) => definition(doc, params.position, ctx, token)));
  connection.onReferences(
    agentHandler(host, log, 'textDocument/references', noLocations, ({ doc, ctx }, params, token) => references(doc, params.position, ctx, params.context.includeDeclaration, token)),
  );
  connection.onPrepareRename(agentHandler(host, log, 'textDocument/prepareRename', null, ({ doc }, params) => prepareRename(doc, params.position) ?? null));
  connection.onRenameRequest(
    agentHandler(host, log, 'textDocument/rename', null, ({ doc, ctx }, params, token) => {
      const result = renameAgent(doc, params.position, params.newName, ctx, token);
      if (!result) return null;
      return 'error' in result ? new ResponseError(ErrorCodes.InvalidParams, result.error) : result.edit;
    }),
  );
  connection.onDocumentSymbol(agentHandler(host, log, 'textDocument/documentSymbol', [] as DocumentSymbol[], ({ doc }, _params, token) => documentSymbols(doc, token, { headings: !support().editorHeadingSymbols })));
  connection.onFoldingRanges(agentHandler(host, log, 'textDocument/foldingRange', [] as FoldingRange[], ({ doc }, _params, token) => foldingRanges(doc, token)));
  connection.languages.semanticTokens.on(agentHandler(host, log, 'textDocument/semanticTokens/full', { data: [] }, ({ doc }, _params, token) => semanticTokens(doc, token)));
  connection.onWorkspaceSymbol(
    guard(log, 'workspace/symbol', [] as WorkspaceSymbol[], async (params, token) => {
      await host.settled();
      return host.allProjects().flatMap((p) => workspaceSymbols(params.query, p.service.index, token));
    }),
  );
}
