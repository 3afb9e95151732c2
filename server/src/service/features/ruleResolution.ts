// Which definition a `Rule N` means: this file's own rule first, then the
// configured rules document, then another agent of the workspace that defines it.
import type { AgentDocument, RuleDefinition, Span } from '../types';
import { documentFor, type FeatureContext } from './featureContext';
import { touches } from '../text/spans';

export type RuleOrigin = 'file' | 'rules' | 'agent';

export interface ResolvedRule {
  number: number;
  title: string;
  uri: string;
  /** 0-based line of the definition. */
  line: number;
  origin: RuleOrigin;
}

export function resolveRule(doc: AgentDocument, number: number, ctx: FeatureContext): ResolvedRule | undefined {
  const local = doc.rules.find((r) => r.number === number);
  if (local) return fromDefinition(doc.uri, local, 'file');
  const rulesDocument = ctx.workspace.rulesDocument;
  const canonical = rulesDocument?.rules.find((r) => r.number === number);
  if (rulesDocument && canonical) return fromDefinition(rulesDocument.uri, canonical, 'rules');
  const [agent] = ctx.workspace.index.ruleDefinedElsewhere(number, doc.uri).sort((a, b) => a.uri.localeCompare(b.uri));
  const summary = agent?.rules.find((r) => r.number === number);
  return agent && summary ? { number, title: summary.title, uri: agent.uri, line: summary.line, origin: 'agent' } : undefined;
}

function fromDefinition(uri: string, rule: RuleDefinition, origin: RuleOrigin): ResolvedRule {
  return { number: rule.number, title: rule.title, uri, line: rule.line, origin };
}

/** The full definition (with bullets) a resolved rule points to, reading its file when needed. */
export function definitionOf(resolved: ResolvedRule, current: AgentDocument, ctx: FeatureContext): { doc: AgentDocument; rule: RuleDefinition } | undefined {
  const doc = documentFor(resolved.uri, current, ctx);
  const rule = doc?.rules.find((r) => r.number === resolved.number);
  return doc && rule ? { doc, rule } : undefined;
}

export interface RuleSpot {
  number: number;
  span: Span;
  /** Set when the spot is the definition line itself. */
  definition?: RuleDefinition;
}

/** The `Rule N` reference or rule definition under the cursor. */
export function ruleAt(doc: AgentDocument, offset: number): RuleSpot | undefined {
  if (offset < doc.bodyStart) return undefined;
  const definition = doc.rules.find((r) => touches(r.span, offset));
  if (definition) return { number: definition.number, span: definition.span, definition };
  const reference = doc.ruleReferences.find((r) => touches(r.span, offset));
  return reference ? { number: reference.number, span: reference.span } : undefined;
}
