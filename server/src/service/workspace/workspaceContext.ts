// What cross-file checks and features may consult beyond one document.
import type { AgentDocument } from '../types';
import type { SkillIndex } from '../skills/skillIndex';
import type { Revision } from './revision';
import type { WorkspaceIndex } from './workspaceIndex';

/** Read-only here: the service changes it (setRulesDocument, setSkills), bumping the revision. */
export interface WorkspaceContext {
  readonly index: WorkspaceIndex;
  /** The configured rules document (such as CLAUDE.md) that defines the canonical rules. */
  readonly rulesDocument?: AgentDocument;
  /** The skills agents can name, once the host has read them; absent: skills are not checked. */
  readonly skills?: SkillIndex;
  readonly revision: Revision;
}
