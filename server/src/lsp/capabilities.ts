// What the client can do, read once from its capabilities, and the server
// capabilities announced in return: exactly the features registered.
import { TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from './languageServer';
import { FIX_ALL_KIND, SEMANTIC_TOKENS_LEGEND } from '../service';
import { APPLY_FIX_ALL_COMMAND, FIXES_APPLIED_COMMAND } from './protocol';

export const COMPLETION_TRIGGERS = [' ', ',', '(', '*', '-'];

export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  watchedFilesRegistration: boolean;
  /** Watchers may be relative to a folder outside the workspace (the user's skills). */
  relativePatternWatchers: boolean;
  snippets: boolean;
  documentChanges: boolean;
  renameFiles: boolean;
  createFiles: boolean;
  prepareRename: boolean;
  /** window/showMessageRequest with actions, and window/showDocument: a message can offer to open a file. */
  messageActions: boolean;
  showDocument: boolean;
  /** The editor's own Markdown support lists the headings (initializationOptions.editorHeadingSymbols): the outline leaves them out. */
  editorHeadingSymbols: boolean;
}

export function clientSupport(capabilities: ClientCapabilities, initializationOptions?: { editorHeadingSymbols?: unknown }): ClientSupport {
  const text = capabilities.textDocument;
  const workspace = capabilities.workspace;
  return {
    pullDiagnostics: Boolean(text?.diagnostic),
    diagnosticRefresh: Boolean(workspace?.diagnostics?.refreshSupport),
    configuration: Boolean(workspace?.configuration),
    configurationRegistration: Boolean(workspace?.didChangeConfiguration?.dynamicRegistration),
    workspaceFolders: Boolean(workspace?.workspaceFolders),
    watchedFilesRegistration: Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration),
    relativePatternWatchers: Boolean(workspace?.didChangeWatchedFiles?.relativePatternSupport),
    snippets: Boolean(text?.completion?.completionItem?.snippetSupport),
    documentChanges: Boolean(workspace?.workspaceEdit?.documentChanges),
    renameFiles: Boolean(workspace?.workspaceEdit?.resourceOperations?.includes('rename')),
    createFiles: Boolean(workspace?.workspaceEdit?.resourceOperations?.includes('create')),
    prepareRename: Boolean(text?.rename?.prepareSupport),
    messageActions: Boolean(capabilities.window?.showMessage?.messageActionItem),
    showDocument: Boolean(capabilities.window?.showDocument?.support),
    editorHeadingSymbols: initializationOptions?.editorHeadingSymbols === true,
  };
}

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: support.prepareRename ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: 'Agentry' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
    executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND, FIXES_APPLIED_COMMAND] },
  };
  if (support.pullDiagnostics) {
    capabilities.diagnosticProvider = { identifier: 'agentry', interFileDependencies: true, workspaceDiagnostics: false };
  }
  if (support.workspaceFolders) capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  return capabilities;
}
