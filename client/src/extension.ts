// Agentry's VS Code entry point: starts the language client on dist/server.js,
// registers the commands, and restarts the client when the agent globs change.
import { commands, window, workspace, type ExtensionContext, type Uri } from 'vscode';
import { ClientHost } from './clientHost';
import { fixAll } from './commands/fixAll';
import { lintWorkspace } from './commands/lintWorkspace';
import { newAgent } from './commands/newAgent';
import { agentDocumentSelector, agentGlobs, type AgentDocumentFilter } from './documentSelector';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

/** What `activate` returns, for tests and other extensions. */
export interface AgentryApi {
  /** Resolves once the language server is running (rejects if it could not start). */
  ready: Promise<void>;
}

let host: ClientHost | undefined;

export function activate(context: ExtensionContext): AgentryApi {
  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  let globsInUse = configuredGlobs();
  const selector = (): AgentDocumentFilter[] => agentDocumentSelector(globsInUse);
  host = new ClientHost(() => {
    globsInUse = configuredGlobs();
    // The workspace's own storage, or the global one when no folder is open.
    const cacheFolder = (context.storageUri ?? context.globalStorageUri).fsPath;
    return createLanguageClient({ extensionPath: context.extensionPath, documentSelector: selector(), outputChannel, cacheFolder });
  });
  const diagnostics = new WorkspaceDiagnostics();
  const clientHost = host;

  context.subscriptions.push(
    outputChannel,
    diagnostics,
    commands.registerCommand('agentry.newAgent', () => report(newAgent())),
    commands.registerCommand('agentry.fixAll', () => report(fixAll(clientHost, selector))),
    commands.registerCommand('agentry.lintWorkspace', () => report(lintWorkspace(clientHost, diagnostics))),
    commands.registerCommand('agentry.showOutput', () => outputChannel.show(true)),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('agentry.agentGlobs')) restartIfGlobsChanged();
    }),
    workspace.onDidChangeWorkspaceFolders(() => restartIfGlobsChanged()),
  );

  const ready = clientHost.start().then(() => undefined);
  ready.catch((error: unknown) => {
    outputChannel.error(`The Agentry language server did not start: ${message(error)}`);
    void window.showErrorMessage('Agentry: the language server did not start.', 'Show Output').then((choice) => {
      if (choice) outputChannel.show(true);
    });
  });
  return { ready };

  /** The document selector is fixed per client: new globs need a new client. */
  function restartIfGlobsChanged(): void {
    if (configuredGlobs().join('\n') === globsInUse.join('\n')) return;
    outputChannel.info('agentry.agentGlobs changed: restarting the language server.');
    void report(clientHost.restart());
  }

  async function report(work: Promise<unknown>): Promise<void> {
    try {
      await work;
    } catch (error) {
      outputChannel.error(message(error));
      void window.showErrorMessage(`Agentry: ${message(error)}`);
    }
  }
}

export async function deactivate(): Promise<void> {
  const stopping = host?.stop();
  host = undefined;
  await stopping;
}

/** `agentry.agentGlobs` of the workspace and of every folder (a resource setting), with the defaults. */
function configuredGlobs(): string[] {
  const globsOf = (scope?: Uri): unknown[] => workspace.getConfiguration('agentry', scope).get<unknown[]>('agentGlobs') ?? [];
  return agentGlobs([...globsOf(), ...(workspace.workspaceFolders ?? []).flatMap((folder) => globsOf(folder.uri))]);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
