// Find references: for `Rule N`, every reference that resolves to the same
// definition (in this file, the rules document and other agents); for an agent
// name, every Cross-Agent item, `Agent(…)` entry and `name:` value naming it.
import type { Location, Position } from 'vscode-languageserver-types';
import { spanToRange } from '../../text/spans';
import type { AgentDocument } from '../../types';
import { agentNameAt, agentNameSpots, agentsMentioning, type AgentNameSpot } from '../agentNames';
import { documentFor, type Cancellation, type FeatureContext } from '../featureContext';
import { resolveRule, ruleAt } from '../ruleResolution';

export function references(doc: AgentDocument, position: Position, ctx: FeatureContext, includeDeclaration: boolean, token: Cancellation): Location[] {
  const offset = doc.textDocument.offsetAt(position);
  const rule = ruleAt(doc, offset);
  if (rule) return ruleReferences(doc, rule.number, ctx, includeDeclaration, token);
  const agent = agentNameAt(doc, offset);
  if (agent) return agentReferences(doc, agent.name, ctx, includeDeclaration, token);
  return [];
}

export function ruleReferences(doc: AgentDocument, number: number, ctx: FeatureContext, includeDeclaration: boolean, token: Cancellation): Location[] {
  const target = resolveRule(doc, number, ctx);
  const candidates = new Set<string>([doc.uri]);
  if (target) candidates.add(target.uri);
  for (const agent of ctx.workspace.index.all()) {
    // An agent that defines the rule itself resolves its references there, without reading it.
    const definesIt = agent.uri !== target?.uri && agent.rules.some((r) => r.number === number);
    if (agent.ruleReferences.includes(number) && !definesIt) candidates.add(agent.uri);
  }
  const locations: Location[] = [];
  for (const uri of candidates) {
    if (token.isCancellationRequested) return [];
    const other = documentFor(uri, doc, ctx);
    if (!other) continue;
    const resolved = other === doc ? target : resolveRule(other, number, ctx);
    if (resolved?.uri !== target?.uri) continue;
    for (const ref of other.ruleReferences) if (ref.number === number) locations.push({ uri, range: spanToRange(other, ref.span) });
    if (includeDeclaration && uri === target?.uri) {
      const definition = other.rules.find((r) => r.number === number);
      if (definition) locations.push({ uri, range: spanToRange(other, definition.span) });
    }
  }
  return locations;
}

export function agentReferences(doc: AgentDocument, name: string, ctx: FeatureContext, includeDeclaration: boolean, token: Cancellation): Location[] {
  return agentNameLocations(doc, name, ctx, token)
    .filter(({ spot }) => includeDeclaration || spot.role !== 'name')
    .map(({ uri, other, spot }) => ({ uri, range: spanToRange(other, spot.span) }));
}

/** Every spot in the workspace that names `name`, with its document. */
export function agentNameLocations(doc: AgentDocument, name: string, ctx: FeatureContext, token: Cancellation): { uri: string; other: AgentDocument; spot: AgentNameSpot }[] {
  const uris = new Set<string>([doc.uri, ...agentsMentioning(ctx.workspace.index, name).map((a) => a.uri)]);
  const found: { uri: string; other: AgentDocument; spot: AgentNameSpot }[] = [];
  for (const uri of uris) {
    if (token.isCancellationRequested) return [];
    const other = documentFor(uri, doc, ctx);
    if (!other) continue;
    for (const spot of agentNameSpots(other)) if (spot.name === name) found.push({ uri, other, spot });
  }
  return found;
}
