// Next to VS Code's own agent support: in `chatagent` documents (VS Code's
// language for `.claude/agents/*.md`) VS Code offers completions and hovers of
// its own at the same positions. Agentry asks VS Code's other providers first
// and leaves out what they already show, so the user never sees it twice.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** VS Code's language id for agent files, with completions and hovers of its own. */
export const PARTNER_LANGUAGE = 'chatagent';

/** Set while the other providers are asked: Agentry's own provider then answers nothing. */
let askingOthers = 0;

async function others<T>(ask: () => Thenable<T>): Promise<T | undefined> {
  askingOthers++;
  try {
    return await ask();
  } catch {
    return undefined;
  } finally {
    askingOthers--;
  }
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** A hover over a frontmatter key: the range starts its line and a colon follows. */
function isKeyHover(document: vscode.TextDocument, range: vscode.Range | undefined): boolean {
  if (!range || range.start.character !== 0 || !range.isSingleLine) return false;
  const line = document.lineAt(range.start.line).text;
  return /^[ \t]*:/.test(line.slice(range.end.character));
}

export const partnerMiddleware: Middleware = {
  async provideCompletionItem(document, position, context, token, next) {
    if (askingOthers) return undefined;
    const ours = await next(document, position, context, token);
    if (document.languageId !== PARTNER_LANGUAGE || !ours) return ours;
    const theirs = await others(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, context.triggerCharacter));
    const taken = new Set((theirs?.items ?? []).map(labelOf));
    if (!taken.size) return ours;
    const keep = (item: vscode.CompletionItem) => !taken.has(labelOf(item));
    return Array.isArray(ours) ? ours.filter(keep) : new vscode.CompletionList(ours.items.filter(keep), ours.isIncomplete);
  },

  async provideHover(document, position, token, next) {
    if (askingOthers) return undefined;
    const ours = await next(document, position, token);
    if (document.languageId !== PARTNER_LANGUAGE || !ours || !isKeyHover(document, ours.range)) return ours;
    const theirs = await others(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    return theirs?.some((hover) => hover.contents.length > 0) ? undefined : ours;
  },
};
