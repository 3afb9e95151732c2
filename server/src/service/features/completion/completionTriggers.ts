// Completion of `proactive_triggers:` items: the trigger ids other agents use,
// most used first, then those the configuration declares; not those listed here.
import type { CompletionItem } from 'vscode-languageserver-types';
import { fieldOf, type AgentDocument } from '../../types';
import { completionItem, CompletionItemKind, rank, wordSpan, type CompletionOptions } from './completionItems';
import type { FeatureContext } from '../featureContext';
import { itemPosition } from './completionTools';
import { touches } from '../../text/spans';
import { fileName } from '../../text/fileName';

export function triggerCompletions(doc: AgentDocument, valueStart: number, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const listed = new Set((fieldOf(doc, 'proactive_triggers')?.items ?? []).filter((i) => !touches(i.span, offset)).map((i) => i.text));
  const usage = ctx.workspace.index.triggerUsage();
  const ranked = [...usage.entries()]
    .map(([id, uris]) => ({ id, uris: uris.filter((u) => u !== doc.uri) }))
    .filter((t) => t.uris.length > 0)
    .sort((a, b) => b.uris.length - a.uris.length || a.id.localeCompare(b.id));
  for (const id of ctx.settings.triggers) if (!ranked.some((t) => t.id === id)) ranked.push({ id, uris: [] });
  const span = wordSpan(doc.text, itemPosition(doc.text, valueStart, offset).start, offset);
  return ranked
    .filter((t) => !listed.has(t.id))
    .map((t, i) => {
      const names = t.uris.map((u) => `\`${ctx.workspace.index.get(u)?.name ?? fileName(u)}\``);
      const detail = t.uris.length ? `used by ${t.uris.length} agent${t.uris.length === 1 ? '' : 's'}` : 'from the configuration';
      return completionItem(doc, span, { label: t.id, kind: CompletionItemKind.EnumMember, detail, documentation: names.length ? `Used by ${names.join(', ')}.` : undefined, sortText: rank(i) }, options);
    });
}
