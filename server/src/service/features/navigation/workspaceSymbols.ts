// Workspace symbols: every agent, found by its name (letters in order) or by a
// word of its description.
import { Range, SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { Cancellation } from '../featureContext';
import { shorten } from '../../text/spans';

export function workspaceSymbols(query: string, index: WorkspaceIndex, token: Cancellation): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const symbols: WorkspaceSymbol[] = [];
  for (const agent of index.all()) {
    if (token.isCancellationRequested) return [];
    const name = agent.name ?? agent.stem;
    if (q && !inOrder(q, name.toLowerCase()) && !(agent.description ?? '').toLowerCase().includes(q)) continue;
    const line = agent.nameLine ?? 0;
    symbols.push({
      name,
      kind: SymbolKind.Class,
      containerName: agent.description ? shorten(agent.description, 80) : undefined,
      location: { uri: agent.uri, range: Range.create(line, 0, line, 0) },
    });
  }
  return symbols.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every character of `query` appears in `text`, in order. */
function inOrder(query: string, text: string): boolean {
  let at = 0;
  for (const c of query) {
    at = text.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
