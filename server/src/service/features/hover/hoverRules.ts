// Hover on `Rule N`: the rule's title and bullets wherever it is defined; on a
// definition, also where it is referenced; for a number nothing defines, says so.
import type { AgentDocument, RuleDefinition } from '../../types';
import type { Cancellation, FeatureContext } from '../featureContext';
import { ruleReferences } from '../navigation/references';
import { definitionOf, resolveRule, type ResolvedRule, type RuleSpot } from '../ruleResolution';
import { fileName } from '../../text/fileName';
import { lineLink } from '../../text/spans';

const MAX_BULLETS = 12;

export function ruleHover(doc: AgentDocument, spot: RuleSpot, ctx: FeatureContext, token: Cancellation): string {
  const resolved = resolveRule(doc, spot.number, ctx);
  if (!resolved) {
    return `**Rule ${spot.number}** is not defined in this file${ctx.workspace.rulesDocument ? ', the rules document' : ''} or any other agent of the workspace.`;
  }
  const found = definitionOf(resolved, doc, ctx);
  const parts = [ruleText(found?.rule ?? resolved), origin(resolved, doc, ctx)];
  if (spot.definition) parts.push(referencedAt(doc, spot.number, ctx, token));
  return parts.join('\n\n');
}

export function ruleText(rule: Pick<RuleDefinition, 'number' | 'title'> & { bullets?: RuleDefinition['bullets'] }): string {
  const lines = [`**Rule ${rule.number}${rule.title ? `: ${rule.title}` : ''}**`];
  const bullets = rule.bullets ?? [];
  if (bullets.length) {
    lines.push('', ...bullets.slice(0, MAX_BULLETS).map((b) => `- ${b.text}`));
    if (bullets.length > MAX_BULLETS) lines.push(`- … ${bullets.length - MAX_BULLETS} more`);
  }
  return lines.join('\n');
}

export function origin(resolved: ResolvedRule, doc: AgentDocument, ctx: FeatureContext): string {
  const line = lineLink(resolved.uri, resolved.line + 1);
  if (resolved.origin === 'file') return `_Defined in this file, ${line}._`;
  if (resolved.origin === 'rules') return `_Defined in the rules document \`${fileName(resolved.uri)}\`, ${line}._`;
  const agent = ctx.workspace.index.get(resolved.uri);
  const named = agent?.name ? ` (agent \`${agent.name}\`)` : '';
  return `_Not defined in this file: defined in \`${fileName(resolved.uri)}\`${named}, ${line}._`;
}

function referencedAt(doc: AgentDocument, number: number, ctx: FeatureContext, token: Cancellation): string {
  const byUri = new Map<string, number[]>();
  for (const location of ruleReferences(doc, number, ctx, false, token)) {
    const lines = byUri.get(location.uri) ?? [];
    lines.push(location.range.start.line + 1);
    byUri.set(location.uri, lines);
  }
  if (byUri.size === 0) return `Rule ${number} is not referenced anywhere.`;
  let total = 0;
  const places: string[] = [];
  for (const [uri, lines] of byUri) {
    total += lines.length;
    const where = uri === doc.uri ? 'this file' : `\`${fileName(uri)}\``;
    places.push(`${where} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`);
  }
  return `Referenced ${total} time${total === 1 ? '' : 's'}: ${places.join('; ')}.`;
}
