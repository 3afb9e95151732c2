// A guarded request handler for a request on one document: waits for the first
// index, resolves the open agent document with its context, and answers `empty`
// for anything that is not an enabled agent file.
import type { CancellationToken } from './languageServer';
import { guard, type Guarded, type Logger } from './guard';
import type { AgentContext, WorkspaceHost } from '../workspace/workspaceHost';

export function agentHandler<P extends { textDocument: { uri: string } }, R>(host: WorkspaceHost, log: Logger, method: string, empty: R, handler: (found: AgentContext, params: P, token: CancellationToken) => R | Promise<R>): Guarded<P, R> {
  return guard(log, method, empty, async (params: P, token) => {
    await host.settled();
    const found = await host.context(params.textDocument.uri);
    return found && !token.isCancellationRequested ? handler(found, params, token) : empty;
  });
}
