// Diagnostics over the wire: pulled by clients that support
// `textDocument/diagnostic` (with a refresh when other files change), pushed
// with `publishDiagnostics` to the others; `workspace/diagnostic` reports every
// indexed agent file, open ones from their buffer and the others from disk, a chunk of
// files per turn of the event loop: as partial results (`$/progress`) when the client
// sends a partialResultToken, else gathered into one response.
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type WorkspaceDiagnosticParams,
  type ResultProgressReporter,
  type WorkDoneProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from './languageServer';
import { canonicalUri } from '../workspace/files';
import type { AgentDocument } from '../service';
import type { ClientSupport } from './capabilities';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from '../workspace/workspaceHost';

const PUSH_DELAY_MS = 100;
const REFRESH_DELAY_MS = 100;
/**
 * Files `workspace/diagnostic` lints between turns of the event loop: requests and changes
 * get answered in between, V8 collects one chunk's parse garbage before the next, and a
 * streaming client gets each chunk as one partial result (bench/README.md).
 */
const WORKSPACE_CHUNK = 100;

export class DiagnosticsHost {
  private readonly pending = new Set<string>();
  private pushTimer?: NodeJS.Timeout;
  private refreshTimer?: NodeJS.Timeout;
  private refreshAgain = false;
  private readonly models = new WeakMap<AgentDocument, number>();
  private nextModel = 0;

  constructor(
    private readonly connection: Connection,
    private readonly host: WorkspaceHost,
    private readonly support: () => ClientSupport,
    private readonly log: Logger,
  ) {}

  register(): void {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    this.connection.languages.diagnostics.on(
      guard<DocumentDiagnosticParams, DocumentDiagnosticReport, DiagnosticServerCancellationData>(
        this.log,
        'textDocument/diagnostic',
        empty,
        async (params): Promise<DocumentDiagnosticReport> => {
          await this.host.settled();
          const resultId = this.resultId(params.textDocument.uri);
          if (resultId && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
          const items = await this.compute(params.textDocument.uri);
          return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
        },
        () => new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true }),
      ),
    );
    this.connection.languages.diagnostics.onWorkspace(
      guard<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, DiagnosticServerCancellationData, [WorkDoneProgressReporter, ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>?]>(
        this.log,
        'workspace/diagnostic',
        { items: [] },
        (params, token, _workDone, partial) => this.workspaceReport(params, token, partial),
        () => new ResponseError(LSPErrorCodes.ServerCancelled, 'The workspace changed.', { retriggerRequest: true }),
      ),
    );
  }

  /**
   * Every indexed agent file: unchanged where the client's result id still holds (the same
   * model, or the same file on disk, and nothing cross-file changed), else its diagnostics.
   * With `partial`, each chunk goes to the client as it is done and the response is empty (as
   * LSP asks of partial results); nothing of a file is kept past its chunk.
   */
  private async workspaceReport(params: WorkspaceDiagnosticParams, token: CancellationToken, partial?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map((params.previousResultIds ?? []).map((p) => [canonicalUri(p.uri), p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    await this.host.settled();
    const uris = this.host.agentUris();
    for (let start = 0; start < uris.length && !token.isCancellationRequested; start += WORKSPACE_CHUNK) {
      if (start > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        await this.host.settled();
        if (token.isCancellationRequested) break;
      }
      const chunk: WorkspaceDocumentDiagnosticReport[] = [];
      for (const uri of uris.slice(start, start + WORKSPACE_CHUNK)) {
        const report = await this.fileReport(uri, previous.get(uri));
        if (report) chunk.push(report);
      }
      if (partial) partial.report({ items: chunk });
      else items.push(...chunk);
    }
    return { items };
  }

  /** One file's workspace report; undefined when it is no longer there. */
  private async fileReport(uri: string, previousResultId: string | undefined): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
    const open = this.host.openAgent(uri);
    const stamp = open ? undefined : this.host.diskStamp(uri);
    const resultId = open ? this.resultId(uri) : stamp && `disk:${stamp}:${this.host.revision.current}`;
    const version = open?.doc.version ?? null;
    if (resultId && previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId };
    const doc = open?.doc ?? this.host.load(uri, false);
    if (!doc) return undefined;
    const project = this.host.projectFor(uri);
    const settings = open ? await this.host.settingsFor(uri) : project.settings;
    return { kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items: settings.enabled ? project.service.validate(doc) : [] };
  }

  /** The diagnostics of an open document; none when it is not an enabled agent file. */
  async compute(uri: string): Promise<Diagnostic[]> {
    const found = await this.host.context(uri);
    return found ? found.project.service.validate(found.doc) : [];
  }

  /**
   * Identifies the inputs of a result: the parsed model (one per text: a client may repeat a
   * version with another text) and the workspace revision.
   */
  private resultId(uri: string): string | undefined {
    const agent = this.host.openAgent(uri);
    if (!agent) return undefined;
    let serial = this.models.get(agent.doc);
    if (serial === undefined) this.models.set(agent.doc, (serial = this.nextModel++));
    return `${serial}:${this.host.revision.current}`;
  }

  documentChanged(uri: string): void {
    if (this.support().pullDiagnostics) return;
    this.pending.add(uri);
    this.pushTimer ??= setTimeout(() => void this.publishPending(), PUSH_DELAY_MS);
  }

  documentClosed(uri: string): void {
    this.pending.delete(uri);
    if (!this.support().pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Other files' results may have changed: ask the client to pull again, or republish
   * every open document. At once, then at most once per REFRESH_DELAY_MS (the changes
   * in between get one more refresh at its end): a rename shows in the other open files
   * without waiting out a timer, and a burst of changes still costs few refreshes.
   */
  refresh(): void {
    if (this.refreshTimer) {
      this.refreshAgain = true;
      return;
    }
    const support = this.support();
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) this.connection.languages.diagnostics.refresh().catch((e: Error) => this.log.error(`diagnostic refresh failed: ${e.message}`));
    } else {
      for (const uri of this.host.openUris()) this.documentChanged(uri);
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (!this.refreshAgain) return;
      this.refreshAgain = false;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private async publishPending(): Promise<void> {
    this.pushTimer = undefined;
    await this.host.settled();
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      try {
        const version = this.host.openAgent(uri)?.doc.version;
        await this.connection.sendDiagnostics({ uri, version, diagnostics: await this.compute(uri) });
      } catch (error) {
        this.log.error(`publishing diagnostics of ${uri} failed: ${(error as Error).message}`);
      }
    }
  }
}
