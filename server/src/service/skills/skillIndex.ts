// The skills an agent's `skills:` can name: the SKILL.md files of `.claude/skills/<name>/`
// in the agent's project and the folders above it, and of the user's `~/.claude/skills/`.
// Claude Code finds a skill by the `name:` of its SKILL.md or by its folder's name, case
// and all. Hosts read the files; the index holds small summaries only.
import { parseAgent } from '../parse/parseAgent';
import { fieldOf } from '../types';
import { fileName } from '../text/fileName';
import { Revision } from '../workspace/revision';

export interface SkillSummary {
  /** The `name:` of its SKILL.md, else its folder's name. */
  name: string;
  /** The folder's name, which finds the skill too. */
  folder: string;
  /** The SKILL.md file. */
  uri: string;
  description?: string;
  /** 0-based line of `name:`, else 0. */
  line: number;
  /** The folder holding `.claude/skills/` (its URI with a trailing `/`): the skill serves agents under it. Absent for the user's skills, which serve every agent. */
  scopeUri?: string;
}

/** A SKILL.md path: `<scope>/.claude/skills/<folder>/SKILL.md`. */
export const SKILL_FILE = /^(.*\/)\.claude\/skills\/([^/]+)\/SKILL\.md$/;

/** The summary of a SKILL.md; `user` for one of the user's own skills. Undefined for a path that is not a skill file. */
export function summarizeSkill(uri: string, text: string, user: boolean): SkillSummary | undefined {
  const path = SKILL_FILE.exec(uri);
  if (!path) return undefined;
  const folder = decodeURIComponent(path[2]);
  const doc = parseAgent(uri, 0, text);
  const name = fieldOf(doc, 'name');
  const description = fieldOf(doc, 'description');
  return {
    name: typeof name?.value === 'string' && name.value.trim() ? name.value.trim() : folder,
    folder,
    uri,
    description: typeof description?.value === 'string' ? description.value : undefined,
    line: name ? doc.textDocument.positionAt(name.keySpan.start).line : 0,
    scopeUri: user ? undefined : path[1],
  };
}

export class SkillIndex {
  private readonly skills = new Map<string, SkillSummary>();

  /** `revision` is bumped by every change. */
  constructor(
    skills: Iterable<SkillSummary> = [],
    private readonly revision = new Revision(),
  ) {
    for (const skill of skills) this.skills.set(skill.uri, skill);
  }

  upsert(skill: SkillSummary): void {
    this.skills.set(skill.uri, skill);
    this.revision.bump();
  }

  remove(uri: string): boolean {
    const removed = this.skills.delete(uri);
    if (removed) this.revision.bump();
    return removed;
  }

  all(): SkillSummary[] {
    return [...this.skills.values()];
  }

  /** The skills an agent file can use, the closest project's first and the user's last. */
  skillsFor(agentUri: string): SkillSummary[] {
    return this.all()
      .filter((s) => s.scopeUri === undefined || agentUri.startsWith(s.scopeUri))
      .sort((a, b) => (b.scopeUri?.length ?? -1) - (a.scopeUri?.length ?? -1) || a.uri.localeCompare(b.uri));
  }

  /** The skill `name` means for an agent: by its name, else by its folder's name. */
  find(name: string, agentUri: string): SkillSummary | undefined {
    const visible = this.skillsFor(agentUri);
    return visible.find((s) => s.name === name) ?? visible.find((s) => s.folder === name);
  }
}

/** The skill file's folder, as a user reads it (`code-review/SKILL.md`). */
export function skillPlace(skill: SkillSummary): string {
  return `${skill.folder}/${fileName(skill.uri)}`;
}
