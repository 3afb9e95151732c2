// `skills:` entries that name no skill the agent can use: Claude Code starts the
// agent without them. Only where the host has read the skill folders.
import { builtinSkill, BUILTIN_SKILLS } from '../schema/builtinSkills';
import { closestMatch } from '../schema/suggest';
import type { SkillIndex } from '../skills/skillIndex';
import { fieldOf, type AgentDocument } from '../types';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import type { Report } from './reporter';

export interface UnknownSkill {
  name: string;
  suggestion?: string;
}

/** The names of `names` no skill answers to for the agent at `agentUri`, each with the closest name that does. */
export function unknownSkills(names: readonly string[], agentUri: string, skills: SkillIndex): UnknownSkill[] {
  const unknown = names.filter((name) => !builtinSkill(name) && !skills.find(name, agentUri));
  if (!unknown.length) return [];
  const known = [...skills.skillsFor(agentUri).flatMap((s) => [s.name, s.folder]), ...Object.keys(BUILTIN_SKILLS)];
  return unknown.map((name) => ({ name, suggestion: closestMatch(name, known) }));
}

export function checkSkills(doc: AgentDocument, workspace: WorkspaceContext | undefined, report: Report): void {
  const field = fieldOf(doc, 'skills');
  if (!workspace?.skills || !field || field.unreadable || !field.items.length) return;
  const verdicts = new Map(
    unknownSkills(
      field.items.map((i) => i.text),
      doc.uri,
      workspace.skills,
    ).map((u) => [u.name, u]),
  );
  for (const item of field.items) {
    const unknown = verdicts.get(item.text);
    if (!unknown) continue;
    report(
      'unknown-skill',
      item.span,
      `No skill \`${item.text}\`${unknown.suggestion ? ` (did you mean \`${unknown.suggestion}\`?)` : ''}: no \`.claude/skills/${item.text}/SKILL.md\` of this project or a folder above it, or of \`~/.claude/skills\`, defines it, and Claude Code has no such built-in skill. Claude Code starts the agent without it.`,
      { data: { suggestion: unknown.suggestion } },
    );
  }
}
