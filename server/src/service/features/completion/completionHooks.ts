// Completion inside `hooks:`: the hook events Claude Code knows on an event line
// (the first level under `hooks:`), and the hook types after `type:`.
import type { CompletionItem } from 'vscode-languageserver-types';
import { HOOK_EVENTS, HOOK_TYPES } from '../../schema/hooksSchema';
import type { AgentDocument } from '../../types';
import { completionItem, CompletionItemKind, rank, wordSpan, type CompletionOptions } from './completionItems';
import { lineAround, lineSpan } from '../../text/spans';

const TYPE_LINE = /^[ \t]+(?:-[ \t]+)?type:[ \t]*/;
const EVENT_LINE = /^([ \t]+)[A-Za-z]*$/;

export function hookCompletions(doc: AgentDocument, offset: number, options: CompletionOptions): CompletionItem[] | undefined {
  const fm = doc.frontmatter;
  if (!fm || offset <= fm.contentSpan.start || offset > fm.contentSpan.end) return undefined;
  const line = lineAround(doc, offset);
  const before = doc.text.slice(line.start, offset);
  if (!/^[ \t]/.test(before)) return undefined;
  const owner = hooksLine(doc, doc.textDocument.positionAt(offset).line);
  if (owner === undefined) return undefined;
  const type = TYPE_LINE.exec(before);
  if (type) {
    const span = wordSpan(doc.text, line.start + type[0].length, offset);
    return Object.entries(HOOK_TYPES).map(([name, documentation], i) => completionItem(doc, span, { label: name, kind: CompletionItemKind.EnumMember, detail: 'hook type', documentation, sortText: rank(i) }, options));
  }
  const event = EVENT_LINE.exec(before);
  if (!event || event[1] !== eventIndent(doc, owner, event[1])) return undefined;
  const present = new Set<string>();
  const span = wordSpan(doc.text, line.start + event[1].length, offset);
  for (let l = owner + 1; l < doc.textDocument.lineCount; l++) {
    const text = lineText(doc, l);
    if (text.trim() && !/^[ \t]/.test(text)) break;
    const key = new RegExp(`^${event[1]}([A-Za-z]+):`).exec(text);
    if (key && l !== doc.textDocument.positionAt(offset).line) present.add(key[1]);
  }
  return HOOK_EVENTS.filter((e) => !present.has(e)).map((name, i) => completionItem(doc, span, { label: name, kind: CompletionItemKind.Event, detail: 'hook event', text: `${name}:`, sortText: rank(i) }, options));
}

function lineText(doc: AgentDocument, line: number): string {
  const span = lineSpan(doc, line);
  return doc.text.slice(span.start, span.end);
}

/** The line of the top-level `hooks:` key the given line is nested under, if any. */
function hooksLine(doc: AgentDocument, line: number): number | undefined {
  const first = doc.textDocument.positionAt(doc.frontmatter!.contentSpan.start).line;
  for (let l = line - 1; l >= first; l--) {
    const text = lineText(doc, l);
    if (!text.trim() || /^[ \t]/.test(text)) continue;
    return /^hooks[ \t]*:[ \t]*(?:#.*)?$/.test(text) ? l : undefined;
  }
  return undefined;
}

/** The indentation of the events: that of the first nested line under `hooks:`, else the current one. */
function eventIndent(doc: AgentDocument, owner: number, current: string): string {
  for (let l = owner + 1; l < doc.textDocument.lineCount; l++) {
    const text = lineText(doc, l);
    if (!text.trim()) continue;
    const indent = /^[ \t]*/.exec(text)![0];
    return indent || current;
  }
  return current;
}
