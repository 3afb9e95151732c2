// A scripted LSP client for wire tests: runs the server in-process over memory
// streams, or as a child process (`--stdio` / `--node-ipc`), answers the
// server's requests (configuration, registrations, refreshes, applyEdit) and
// records what the server sends. Waiting is always on an event, never a sleep.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  type ShowDocumentParams,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../server/src/lsp/startServer';
import { createServerConnection } from '../../../server/src/lsp/transport';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** What VS Code declares for the features the server uses. */
export const FULL_CLIENT: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    rename: { prepareSupport: true },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
};

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestClient {
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Answered for every `workspace/configuration` item. */
  settings: Record<string, unknown> = {};
  refreshes = 0;
  /** window/showMessage notifications and window/showMessageRequest requests, with their action titles. */
  readonly messages: { type: number; message: string; actions?: string[] }[] = [];
  /** The action title to answer window/showMessageRequest with (null: dismissed). */
  messageChoice: string | null = null;
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** Server-to-client requests to answer with an error, as a client that does not really support them does. */
  readonly failing = new Set<string>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly refreshWaiters: (() => void)[] = [];
  private readonly logWaiters: Waiter<string>[] = [];
  private readonly messageWaiters: Waiter<string>[] = [];
  private versions = new Map<string, number>();

  constructor(
    readonly connection: ProtocolConnection,
    private readonly onDispose: () => void = () => {},
  ) {
    connection.onRequest(ConfigurationRequest.type, (params) => this.refuse(ConfigurationRequest.method) ?? params.items.map(() => this.settings));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return this.refuse(RegistrationRequest.method);
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.refreshWaiters.splice(0).forEach((resolve) => resolve());
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.settle(this.messageWaiters, params.message);
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.messages.push({ ...params, actions: params.actions?.map((a) => a.title) });
      this.settle(this.messageWaiters, params.message);
      return params.actions?.find((a) => a.title === this.messageChoice) ?? null;
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.settle(this.logWaiters, params.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.settle(this.diagnosticWaiters, params);
    });
    connection.listen();
  }

  private refuse(method: string): ResponseError<void> | undefined {
    return this.failing.has(method) ? new ResponseError(ErrorCodes.MethodNotFound, `${method} not supported`) : undefined;
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (const waiter of [...waiters]) {
      if (!waiter.test(value)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(value);
    }
  }

  async initialize(capabilities: ClientCapabilities, folder?: string, initializationOptions?: unknown): Promise<InitializeResult> {
    const uri = folder ? pathToFileURL(folder).href : null;
    const result = (await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: uri,
      capabilities,
      workspaceFolders: uri ? [{ uri, name: path.basename(folder!) }] : null,
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next `workspace/diagnostic/refresh` request. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  /** Resolves with the next published diagnostics of `uri` that satisfy `test`. */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  }

  /** Resolves with the next (or an earlier) window/showMessage(Request) text matching `pattern`. */
  nextMessage(pattern: RegExp): Promise<string> {
    const seen = this.messages.find((m) => pattern.test(m.message));
    return seen !== undefined ? Promise.resolve(seen.message) : new Promise((resolve) => this.messageWaiters.push({ test: (m) => pattern.test(m), resolve }));
  }

  nextLog(pattern: RegExp): Promise<string> {
    const seen = this.logs.find((m) => pattern.test(m));
    return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => this.logWaiters.push({ test: (m) => pattern.test(m), resolve }));
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  dispose(): void {
    this.connection.dispose();
    this.onDispose();
  }
}

/** The server in this process, over memory streams; `build` turns its index cache on. */
export function startInProcess(build?: string): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)).connection, build);
  return new TestClient(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)));
}

/** A fresh fixture workspace and an in-process server for one test, both disposed afterwards. */
export async function withWorkspaceServer(test: (ws: FixtureWorkspace, client: TestClient) => Promise<void>): Promise<void> {
  const ws = createWorkspace();
  const client = startInProcess();
  try {
    await test(ws, client);
  } finally {
    client.dispose();
    ws.dispose();
  }
}

/** The built bundle when there is one (`npm test` builds first), else the TypeScript entry point through tsx. */
export function serverCommand(): { script: string; execArgv: string[] } {
  const bundle = path.join(REPO_ROOT, 'dist/server.js');
  return existsSync(bundle) ? { script: bundle, execArgv: [] } : { script: path.join(REPO_ROOT, 'server/src/server.ts'), execArgv: ['--import', 'tsx'] };
}

/** The server as a child process speaking over stdio or Node IPC. */
export function startChild(transport: '--stdio' | '--node-ipc'): { client: TestClient; child: ChildProcess } {
  const { script, execArgv } = serverCommand();
  // The bundled server keeps an index cache in the user's cache folder: not from tests.
  const options = { cwd: REPO_ROOT, env: { ...process.env, XDG_CACHE_HOME: testCacheHome() } };
  if (transport === '--stdio') {
    const child = spawn(process.execPath, [...execArgv, script, '--stdio'], { ...options, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return { child, client: new TestClient(connection, () => child.kill()) };
  }
  const child = fork(script, ['--node-ipc'], { ...options, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  return { child, client: new TestClient(connection, () => child.kill()) };
}

let cacheHome: string | undefined;

/** A cache folder for the servers this test process starts, removed when it exits. */
export function testCacheHome(): string {
  if (!cacheHome) {
    const folder = mkdtempSync(path.join(tmpdir(), 'agentry-cache-'));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    cacheHome = folder;
  }
  return cacheHome;
}
