// Wires an LSP connection to the core: documents, workspace index, settings,
// diagnostics and every feature handler. Works over any transport.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from './languageServer';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { clientSupport, serverCapabilities, type ClientSupport } from './capabilities';
import { readClientSettings, SETTINGS_SECTION } from '../workspace/clientSettings';
import { DiagnosticsHost } from './diagnosticsHost';
import { registerEditing } from './editingHandlers';
import { guardNotification } from './guard';
import { registerNavigation } from './navigationHandlers';
import { readFileEvents, userSkillWatchers, WATCHED_FILES } from './watchedFiles';
import { configNotifier } from './configNotifier';
import { WorkspaceHost } from '../workspace/workspaceHost';
import { defaultCacheFolder, type IndexCacheOptions } from '../workspace/indexCache';

/**
 * `build` identifies the server build for its index cache; without it (a server run from
 * source, as in tests) no index cache is used.
 */
export function startServer(connection: Connection, build?: string): void {
  const documents = new TextDocuments(TextDocument);
  const log = { error: (m: string) => connection.console.error(m), info: (m: string) => connection.console.info(m) };
  let support: ClientSupport = clientSupport({});
  let globalSettings: unknown;
  const settingsOf = async (scopeUri: string | undefined) => {
    if (!support.configuration) return readClientSettings(globalSettings);
    try {
      return readClientSettings(await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }));
    } catch (error) {
      log.error(`workspace/configuration failed: ${(error as Error).message}`);
      return readClientSettings(globalSettings);
    }
  };
  const host = new WorkspaceHost(documents, settingsOf, log);
  host.reportConfig = configNotifier(connection, () => support, log);
  const diagnostics = new DiagnosticsHost(connection, host, () => support, log);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as { settings?: unknown; cacheFolder?: unknown; editorHeadingSymbols?: unknown } | undefined;
    support = clientSupport(params.capabilities, options);
    globalSettings = options?.settings;
    host.indexCache = indexCacheOptions(build, options?.cacheFolder);
    host.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'agentry', version } };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      if (support.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace/didChangeWorkspaceFolders', async (event) => {
            await host.enqueue(async () => {
              for (const removed of event.removed) host.removeFolder(removed.uri);
              for (const added of event.added) await host.addFolder(added.uri);
            });
            diagnostics.refresh();
          }),
        );
      }
      const registered = registerDynamically(connection, support, host.home).catch((error: Error) => log.error(`Dynamic registration failed: ${error.message}`));
      await Promise.all([registered, host.initialize()]);
      diagnostics.refresh();
    }),
  );

  documents.onDidChangeContent(
    guardNotification(log, 'textDocument/didChange', (event) => {
      const affectsOthers = host.documentChanged(event.document);
      diagnostics.documentChanged(event.document.uri);
      if (affectsOthers) diagnostics.refresh();
    }),
  );
  documents.onDidClose(
    guardNotification(log, 'textDocument/didClose', async (event) => {
      diagnostics.documentClosed(event.document.uri);
      if (await host.enqueue(() => host.documentClosed(event.document.uri))) diagnostics.refresh();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', async (params) => {
      const events = readFileEvents((params as { changes?: unknown } | null)?.changes, log);
      if (await host.enqueue(() => host.filesChanged(events))) diagnostics.refresh();
    }),
  );
  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', async (params) => {
      if (!support.configuration) globalSettings = (params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      await host.enqueue(() => host.settingsChanged());
      diagnostics.refresh();
    }),
  );

  diagnostics.register();
  registerEditing(connection, host, () => support, log);
  registerNavigation(connection, host, () => support, log);
  documents.listen(connection);
  connection.listen();
}

/** `cacheFolder` from the client: a folder, null for no index cache, absent for the platform's cache folder. */
function indexCacheOptions(build: string | undefined, cacheFolder: unknown): IndexCacheOptions | undefined {
  if (!build || cacheFolder === null) return undefined;
  return { build, folder: typeof cacheFolder === 'string' && cacheFolder ? cacheFolder : defaultCacheFolder() };
}

/** Asks the client to send file changes and `agentry` setting changes, where it lets servers register for them. */
async function registerDynamically(connection: Connection, support: ClientSupport, home: string): Promise<void> {
  if (support.watchedFilesRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...WATCHED_FILES, ...(support.relativePatternWatchers ? userSkillWatchers(home) : [])] });
  }
  if (support.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
}
