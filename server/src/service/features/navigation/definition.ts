// Go to definition: `Rule N` to the rule it resolves to (this file, the rules
// document, another agent); a skill to its SKILL.md; an agent name to the
// `name:` value of that agent.
import type { Location, Position } from 'vscode-languageserver-types';
import { Range } from 'vscode-languageserver-types';
import { spanToRange } from '../../text/spans';
import type { AgentDocument } from '../../types';
import { agentNameAt, agentNameSpots } from '../agentNames';
import { documentFor, type Cancellation, type FeatureContext } from '../featureContext';
import { definitionOf, resolveRule, ruleAt } from '../ruleResolution';
import { skillAt, skillDefinition } from '../skills';

export function definition(doc: AgentDocument, position: Position, ctx: FeatureContext, token: Cancellation): Location[] {
  const offset = doc.textDocument.offsetAt(position);
  const rule = ruleAt(doc, offset);
  if (rule) {
    const resolved = resolveRule(doc, rule.number, ctx);
    if (!resolved) return [];
    const found = definitionOf(resolved, doc, ctx);
    const range = found ? spanToRange(found.doc, found.rule.span) : Range.create(resolved.line, 0, resolved.line, 0);
    return [{ uri: resolved.uri, range }];
  }
  const skill = skillAt(doc, offset);
  if (skill) return skillDefinition(doc, skill, ctx);
  const agent = agentNameAt(doc, offset);
  return agent ? agentDefinitions(doc, agent.name, ctx, token) : [];
}

/** The `name:` values of the agents called `name`. */
export function agentDefinitions(doc: AgentDocument, name: string, ctx: FeatureContext, token: Cancellation): Location[] {
  const locations: Location[] = [];
  for (const agent of ctx.workspace.index.agentsNamed(name)) {
    if (token.isCancellationRequested) return [];
    const other = documentFor(agent.uri, doc, ctx);
    const spot = other && agentNameSpots(other).find((s) => s.role === 'name' && s.name === name);
    const line = agent.nameLine ?? 0;
    locations.push({ uri: agent.uri, range: other && spot ? spanToRange(other, spot.span) : Range.create(line, 0, line, 0) });
  }
  return locations;
}
