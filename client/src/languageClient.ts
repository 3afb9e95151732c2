// Builds the LanguageClient for the Agentry server (dist/server.js, over IPC).
import * as path from 'node:path';
import type { LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { AgentDocumentFilter } from './documentSelector';
import { fixesAppliedMiddleware } from './fixesApplied';
import { partnerMiddleware } from './partnerMiddleware';

/** Also the settings prefix: `agentry.trace.server` drives the protocol trace. */
export const CLIENT_ID = 'agentry';
export const CLIENT_NAME = 'Agentry';

export interface ClientParts {
  extensionPath: string;
  documentSelector: AgentDocumentFilter[];
  outputChannel: LogOutputChannel;
  /** Where the server keeps its index cache: the extension's storage folder. */
  cacheFolder: string;
}

export function createLanguageClient(parts: ClientParts): LanguageClient {
  const module = path.join(parts.extensionPath, 'dist', 'server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: parts.documentSelector,
    // The library pulls diagnostics (textDocument/diagnostic) when a document
    // changes or is saved; the server answers from its per-version cache.
    diagnosticPullOptions: { onChange: true, onSave: true },
    // File changes reach the server through the watchers it registers itself (lsp/watchedFiles.ts
    // WATCHED_FILES); client-side watchers as well would send every change twice.
    outputChannel: parts.outputChannel,
    middleware: { ...partnerMiddleware, ...fixesAppliedMiddleware },
    // VS Code's Markdown support lists the headings of Markdown and agent (`chatagent`) files:
    // Agentry's outline adds only the frontmatter and the rules.
    initializationOptions: { cacheFolder: parts.cacheFolder, editorHeadingSymbols: true },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
