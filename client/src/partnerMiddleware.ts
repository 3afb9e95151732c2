// Next to VS Code's own agent support: in `chatagent` documents (VS Code's
// language for `.claude/agents/*.md`) VS Code offers completions and hovers of
// its own at the same positions. Agentry leaves out what VS Code already shows,
// so the user never sees it twice: the frontmatter keys and hook events VS Code completes (asking
// its providers for every completion raced with the editor's own requests, so
// they are listed here; the code-server e2e test checks the list against VS
// Code), and a key's hover where VS Code has one. Tool names stay: VS Code's own
// tool items do not show reliably (code-server 4.139 drops them from the list
// now and then), and a missing tool is worse than a tool listed twice.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { HOVER_FILE_FACTS } from '../../server/src/service/features/hover/hoverSections';

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

/** The mapping keys VS Code 1.139's agent support completes: frontmatter keys, and hook events under `hooks:`. */
export const VSCODE_AGENT_KEYS: ReadonlySet<string> = new Set([
  ...['name', 'description', 'tools', 'model', 'disallowedTools', 'hooks', 'mcpServers', 'memory', 'permissionMode', 'skills'],
  ...['PreToolUse', 'PostToolUse', 'PreCompact', 'UserPromptSubmit', 'SessionStart', 'Stop', 'SubagentStart', 'SubagentStop'],
]);

/** A completion of a mapping key: it replaces text from the first non-blank character of the line. */
function isKeyCompletion(document: vscode.TextDocument, item: vscode.CompletionItem, position: vscode.Position): boolean {
  const range = item.range && 'inserting' in item.range ? item.range.inserting : item.range;
  if (!range || range.start.line !== position.line) return false;
  return range.start.character === document.lineAt(position.line).firstNonWhitespaceCharacterIndex || range.start.character === 0;
}

/** A hover over a frontmatter key: the range starts its line and a colon follows. */
function isKeyHover(document: vscode.TextDocument, range: vscode.Range | undefined): boolean {
  if (!range || range.start.character !== 0 || !range.isSingleLine) return false;
  const line = document.lineAt(range.start.line).text;
  return /^[ \t]*:/.test(line.slice(range.end.character));
}

/** What a key's hover says about this file beyond the key (the effective agent on `name:`), or undefined. */
function fileFactsOf(hover: vscode.Hover): vscode.Hover | undefined {
  const text = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');
  const at = text.indexOf(HOVER_FILE_FACTS);
  return at < 0 ? undefined : new vscode.Hover(new vscode.MarkdownString(text.slice(at + HOVER_FILE_FACTS.length)), hover.range);
}

export const partnerMiddleware: Middleware = {
  async provideCompletionItem(document, position, context, token, next) {
    const ours = await next(document, position, context, token);
    if (document.languageId !== PARTNER_LANGUAGE || !ours) return ours;
    const keep = (item: vscode.CompletionItem) => !(VSCODE_AGENT_KEYS.has(labelOf(item)) && isKeyCompletion(document, item, position));
    return Array.isArray(ours) ? ours.filter(keep) : new vscode.CompletionList(ours.items.filter(keep), ours.isIncomplete);
  },

  async provideHover(document, position, token, next) {
    if (askingOthers) return undefined;
    const ours = await next(document, position, token);
    if (document.languageId !== PARTNER_LANGUAGE || !ours || !isKeyHover(document, ours.range)) return ours;
    const theirs = await others(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    return theirs?.some((hover) => hover.contents.length > 0) ? fileFactsOf(ours) : ours;
  },
};
