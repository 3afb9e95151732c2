// The "agentry-workspace" diagnostic collection: problems of agent files that
// are not open, from Agentry: Lint All Agent Files (the LSP workspace diagnostics,
// asked for on demand). Open files get pull diagnostics from the language client
// instead, so their entries are dropped here.
import { languages, workspace, type Diagnostic, type DiagnosticCollection, type Disposable, type Uri } from 'vscode';
import type { LanguageClient, WorkspaceDocumentDiagnosticReport } from 'vscode-languageclient/node';

export interface LintCounts {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  others: number;
}

export class WorkspaceDiagnostics implements Disposable {
  readonly collection: DiagnosticCollection = languages.createDiagnosticCollection('agentry-workspace');
  private readonly listeners: Disposable[] = [
    workspace.onDidOpenTextDocument((document) => this.collection.delete(document.uri)),
    workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.deleteUnder(uri))),
    workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri }) => this.deleteUnder(oldUri))),
  ];

  /** Replaces the collection with a workspace diagnostic report (asked without result ids: every item full); returns the counts over all files. */
  async show(client: LanguageClient, items: WorkspaceDocumentDiagnosticReport[]): Promise<LintCounts> {
    const open = new Set(workspace.textDocuments.map((document) => document.uri.toString()));
    const counts: LintCounts = { files: items.length, filesWithProblems: 0, errors: 0, warnings: 0, others: 0 };
    const entries: [Uri, Diagnostic[]][] = [];
    for (const item of items) {
      const { uri } = item;
      const diagnostics = item.kind === 'full' ? item.items : [];
      if (diagnostics.length > 0) counts.filesWithProblems++;
      for (const diagnostic of diagnostics) {
        // LSP: an omitted severity is up to the client; VS Code shows it as an error.
        if ((diagnostic.severity ?? 1) === 1) counts.errors++;
        else if (diagnostic.severity === 2) counts.warnings++;
        else counts.others++;
      }
      const code = client.protocol2CodeConverter.asUri(uri);
      if (open.has(code.toString()) || diagnostics.length === 0) continue;
      entries.push([code, await client.protocol2CodeConverter.asDiagnostics(diagnostics)]);
    }
    this.collection.clear();
    this.collection.set(entries);
    return counts;
  }

  dispose(): void {
    this.listeners.forEach((listener) => listener.dispose());
    this.collection.dispose();
  }

  private deleteUnder(uri: Uri): void {
    const prefix = uri.toString();
    const gone: Uri[] = [];
    this.collection.forEach((entry) => {
      const text = entry.toString();
      if (text === prefix || text.startsWith(`${prefix}/`)) gone.push(entry);
    });
    gone.forEach((entry) => this.collection.delete(entry));
  }
}

export function describeCounts(counts: LintCounts): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const problems = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.others > 0) problems.push(`${counts.others} info`);
  return `Agentry: ${plural(counts.files, 'agent file')} linted, ${problems.join(', ')}${counts.filesWithProblems > 0 ? ` in ${plural(counts.filesWithProblems, 'file')}` : ''}`;
}
