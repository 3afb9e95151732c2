// What cross-file checks and features may consult beyond one document.
import type { AgentDocument } from '../types';
import type { SkillIndex } from '../skills/skillIndex';
import type { WorkspaceIndex } from './workspaceIndex';

export interface WorkspaceContext {
  index: WorkspaceIndex;
  /** The configured rules document (such as CLAUDE.md) that defines the canonical rules. */
  rulesDocument?: AgentDocument;
  /** The skills agents can name, once the host has read them; absent: skills are not checked. */
  skills?: SkillIndex;
}
