// `agentry/lintWorkspace`: the diagnostics of every indexed agent file, open
// ones from their buffer and the others from disk.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { guard, type Logger } from './guard';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from './protocol';
import type { WorkspaceHost } from '../workspace/workspaceHost';

export function registerLintWorkspace(connection: Connection, host: WorkspaceHost, log: Logger): void {
  const empty: LintWorkspaceResult = { files: 0, results: [] };
  connection.onRequest(LINT_WORKSPACE_REQUEST, guard(log, LINT_WORKSPACE_REQUEST, empty, (_params: unknown, token) => lintWorkspace(host, token)));
}

export async function lintWorkspace(host: WorkspaceHost, token: CancellationToken): Promise<LintWorkspaceResult> {
  await host.settled();
  const results: LintWorkspaceResult['results'] = [];
  for (const uri of host.agentUris()) {
    if (token.isCancellationRequested) break;
    const project = host.projectFor(uri);
    const doc = host.load(uri);
    if (!doc) continue;
    const settings = host.isOpen(uri) ? await host.settingsFor(uri) : project.settings;
    results.push({ uri, diagnostics: settings.enabled ? project.service.validate(doc, settings.analysis) : [] });
  }
  return { files: results.length, results };
}
