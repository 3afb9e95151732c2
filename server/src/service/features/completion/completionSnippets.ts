// The snippets of snippets/agentry.json as completion items. Only the server knows
// what an agent file is, so it offers them, and only where what they insert can
// start: the whole agent and its frontmatter at the start of a document without
// frontmatter, a description at a frontmatter key, an example on a description's
// line, and the sections and rules at the start of a body line.
import type { CompletionItem } from 'vscode-languageserver-types';
import snippets from '../../../../../snippets/agentry.json';
import { resolveSnippet } from '../../text/snippetSyntax';
import type { AgentDocument, Span } from '../../types';
import { stemOf } from '../../workspace/workspaceIndex';
import { completionItem, CompletionItemKind, type CompletionOptions } from './completionItems';

/** Where a snippet's text can start. */
export type SnippetPlace = 'document-start' | 'frontmatter-key' | 'description-line' | 'body-line';

interface SnippetEntry {
  prefix: string;
  body: string | string[];
  description: string;
}

const PLACES: Readonly<Record<string, SnippetPlace>> = {
  'Agent file': 'document-start',
  'Agent frontmatter': 'document-start',
  'Description with examples': 'frontmatter-key',
  'Description example': 'description-line',
};

/** The word being typed at the start of the line (after its indentation), as a span to replace; undefined elsewhere. */
export function lineStartWord(doc: AgentDocument, line: Span, offset: number): Span | undefined {
  const before = /^([ \t]*)([\w-]*)$/.exec(doc.text.slice(line.start, offset));
  if (!before) return undefined;
  let end = offset;
  while (end < line.end && /[\w-]/.test(doc.text[end])) end++;
  return { start: line.start + before[1].length, end };
}

export function snippetCompletions(doc: AgentDocument, place: SnippetPlace, span: Span, options: CompletionOptions): CompletionItem[] {
  const eol = doc.lineEnding;
  const indent = doc.text.slice(doc.textDocument.offsetAt({ line: doc.textDocument.positionAt(span.start).line, character: 0 }), span.start);
  const items: CompletionItem[] = [];
  for (const [name, entry] of Object.entries(snippets as Record<string, SnippetEntry>)) {
    if ((PLACES[name] ?? 'body-line') !== place) continue;
    const body = [entry.body].flat().join('\n');
    // Clients that take snippets indent the lines after the first themselves.
    const plain = resolveSnippet(body, { variables: { TM_FILENAME_BASE: stemOf(doc.uri) } }).replace(/\n/g, `${eol}${indent}`);
    items.push(completionItem(doc, span, { label: entry.prefix, kind: CompletionItemKind.Snippet, detail: name, documentation: entry.description, snippet: body.replace(/\n/g, eol), text: plain, filterText: entry.prefix }, options));
  }
  return items;
}
