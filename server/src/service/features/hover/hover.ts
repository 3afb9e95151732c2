// Hover: `Rule N` anywhere in the body first, then prompt tags, agent names, and
// the frontmatter's keys and values.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { spanToRange } from '../../text/spans';
import type { AgentDocument, Span } from '../../types';
import { agentNameAt } from '../agentNames';
import type { Cancellation, FeatureContext } from '../featureContext';
import { agentHover } from './hoverAgents';
import { keyHover, valueHover } from './hoverFrontmatter';
import { ruleHover } from './hoverRules';
import { ruleAt } from '../ruleResolution';
import { tagAt, tagHover } from './hoverTags';
import { skillAt, skillHover } from '../skills';
import { touches } from '../../text/spans';
import { effectiveAgentMarkdown } from '../../claude/describeAgent';
import { effectiveAgent } from '../../claude/effectiveAgent';
import { HOVER_FILE_FACTS } from './hoverSections';

export function hover(doc: AgentDocument, position: Position, ctx: FeatureContext, token: Cancellation): Hover | null {
  const offset = doc.textDocument.offsetAt(position);
  const rule = ruleAt(doc, offset);
  if (rule) return markdown(doc, ruleHover(doc, rule, ctx, token), rule.span);
  const tag = tagAt(doc, offset);
  if (tag) return markdown(doc, tagHover(doc, tag), tag.span);
  const agent = agentNameAt(doc, offset);
  if (agent) return markdown(doc, agentHover(doc, agent, ctx), agent.span);
  const skill = skillAt(doc, offset);
  if (skill) return markdown(doc, skillHover(doc, skill, ctx), skill.span);
  const field = doc.frontmatter?.fields.find((f) => touches(f.entrySpan, offset));
  if (!field) return null;
  const onKey = touches(field.keySpan, offset);
  const found = onKey ? keyHover(field) : valueHover(field, offset, ctx);
  if (!found) return null;
  // On `name:`, what Claude Code makes of the whole file.
  const effective = onKey && field.key === 'name' ? `${HOVER_FILE_FACTS}${effectiveAgentMarkdown(effectiveAgent(doc, ctx.settings))}` : '';
  return markdown(doc, found.markdown + effective, found.span);
}

function markdown(doc: AgentDocument, value: string, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(doc, span) };
}
