// Skills in `skills:`: the entry under the cursor, its hover (the skill's
// description and where it is defined), go to its SKILL.md, and completion of
// the skills the agent can use.
import { Range, type CompletionItem, type Location } from 'vscode-languageserver-types';
import { builtinSkill, BUILTIN_SKILLS } from '../schema/builtinSkills';
import { skillPlace, type SkillSummary } from '../skills/skillIndex';
import { fieldOf, type AgentDocument, type ValueItem } from '../types';
import { completionItem, CompletionItemKind, rank, wordSpan, type CompletionOptions } from './completion/completionItems';
import { itemPosition } from './completion/completionTools';
import type { FeatureContext } from './featureContext';
import type { FrontmatterCursor } from '../text/frontmatterCursor';
import { lineLink, touches } from '../text/spans';

export function skillAt(doc: AgentDocument, offset: number): ValueItem | undefined {
  return fieldOf(doc, 'skills')?.items.find((i) => touches(i.span, offset));
}

function skillText(skill: SkillSummary): string {
  const where = skill.scopeUri === undefined ? `the user's \`~/.claude/skills/${skillPlace(skill)}\`` : `\`.claude/skills/${skillPlace(skill)}\``;
  return `${skill.description ? `${skill.description}\n\n` : ''}_Defined in ${where}, ${lineLink(skill.uri, skill.line + 1)}._`;
}

export function skillHover(doc: AgentDocument, item: ValueItem, ctx: FeatureContext): string {
  const skill = ctx.workspace.skills?.find(item.text, doc.uri);
  if (skill) return `**Skill \`${skill.name}\`**\n\n${skillText(skill)}`;
  const builtin = builtinSkill(item.text);
  if (builtin) return `**Skill \`${builtin.name}\`** (built into Claude Code)\n\n${builtin.description}`;
  return ctx.workspace.skills ? `No skill \`${item.text}\` is defined for this agent.` : `**Skill \`${item.text}\`**`;
}

export function skillDefinition(doc: AgentDocument, item: ValueItem, ctx: FeatureContext): Location[] {
  const skill = ctx.workspace.skills?.find(item.text, doc.uri);
  return skill ? [{ uri: skill.uri, range: Range.create(skill.line, 0, skill.line, 0) }] : [];
}

type ValueCursor = Extract<FrontmatterCursor, { kind: 'value' }>;

export function skillCompletions(doc: AgentDocument, cursor: ValueCursor, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const listed = new Set((fieldOf(doc, 'skills')?.items ?? []).filter((i) => !touches(i.span, offset)).map((i) => i.text));
  const span = wordSpan(doc.text, itemPosition(doc.text, cursor.valueStart, offset).start, offset);
  const items: CompletionItem[] = [];
  const add = (label: string, detail: string, documentation: string) => {
    if (listed.has(label) || items.some((i) => i.label === label)) return;
    items.push(completionItem(doc, span, { label, kind: CompletionItemKind.Module, detail, documentation, sortText: rank(items.length) }, options));
  };
  for (const skill of ctx.workspace.skills?.skillsFor(doc.uri) ?? []) add(skill.name, skill.scopeUri === undefined ? 'user skill' : 'project skill', skillText(skill));
  for (const [name, skill] of Object.entries(BUILTIN_SKILLS)) add(name, 'built-in skill', skill.description);
  return items;
}
