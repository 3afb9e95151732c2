// Diagnostics over the wire: pulled by clients that support
// `textDocument/diagnostic` (with a refresh when other files change), pushed
// with `publishDiagnostics` to the others.
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type Diagnostic, type DocumentDiagnosticReport, type DiagnosticServerCancellationData, type DocumentDiagnosticParams } from 'vscode-languageserver/node';
import type { AgentDocument } from '../service';
import type { ClientSupport } from './capabilities';
import { guard, type Logger } from './guard';
import type { WorkspaceHost } from '../workspace/workspaceHost';

const PUSH_DELAY_MS = 100;
const REFRESH_DELAY_MS = 100;

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
      guard<DocumentDiagnosticParams, DocumentDiagnosticReport, DiagnosticServerCancellationData>(this.log, 'textDocument/diagnostic', empty, async (params): Promise<DocumentDiagnosticReport> => {
        await this.host.settled();
        const resultId = this.resultId(params.textDocument.uri);
        if (resultId && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        const items = await this.compute(params.textDocument.uri);
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
      }, () => new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true })),
    );
  }

  /** The diagnostics of an open document; none when it is not an enabled agent file. */
  async compute(uri: string): Promise<Diagnostic[]> {
    const found = await this.host.context(uri);
    return found ? found.project.service.validate(found.doc, found.settings.analysis) : [];
  }

  /**
   * Identifies the inputs of a result: the parsed model (one per text: a client may repeat a
   * version with another text) and the generation of everything cross-file.
   */
  private resultId(uri: string): string | undefined {
    const agent = this.host.openAgent(uri);
    if (!agent) return undefined;
    let serial = this.models.get(agent.doc);
    if (serial === undefined) this.models.set(agent.doc, (serial = this.nextModel++));
    return `${serial}:${this.host.generation}`;
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
