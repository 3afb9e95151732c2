// Completion of diagnostic codes in an `agentry-disable-next-line` comment, from
// the code table, each with its summary; codes the comment already names are left out.
import type { CompletionItem } from 'vscode-languageserver-types';
import { ALL_CODES, DIAGNOSTIC_CODES, severityName } from '../../diagnostics/codes';
import { DIAGNOSTIC_SUMMARIES } from '../../diagnostics/catalog';
import { DISABLE_NEXT_LINE, directiveOnLine } from '../../diagnostics/suppressions';
import type { AgentDocument } from '../../types';
import { completionItem, CompletionItemKind, rank, type CompletionOptions } from './completionItems';
import { lineAround } from '../../text/spans';

/** Code items when the cursor is in the code list of a directive on its line; undefined elsewhere. */
export function directiveCompletions(doc: AgentDocument, offset: number, options: CompletionOptions): CompletionItem[] | undefined {
  const line = lineAround(doc, offset);
  const text = doc.text.slice(line.start, line.end);
  if (!text.includes(DISABLE_NEXT_LINE)) return undefined;
  const directive = directiveOnLine(text);
  const at = offset - line.start;
  const listStart = text.indexOf(DISABLE_NEXT_LINE) + DISABLE_NEXT_LINE.length;
  const closing = text.indexOf('-->', listStart);
  if (!directive || at <= listStart || (closing >= 0 && at > closing) || !/\s/.test(text.slice(listStart, at))) return undefined;
  let start = at;
  while (start > listStart && /[\w-]/.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  const typed = text.slice(start, end);
  const named = new Set(directive.codes.filter((c) => c !== typed));
  const span = { start: line.start + start, end: line.start + end };
  return ALL_CODES.filter((code) => !named.has(code)).map((code, i) =>
    completionItem(doc, span, { label: code, kind: CompletionItemKind.Value, detail: `${severityName(DIAGNOSTIC_CODES[code])} by default`, documentation: DIAGNOSTIC_SUMMARIES[code], sortText: rank(i) }, options),
  );
}
