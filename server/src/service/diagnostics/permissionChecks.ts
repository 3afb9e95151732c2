// `permissionMode` values under which the agent is never asked about a tool call:
// a note, so that a reviewer sees what the agent may do unprompted.
import { fieldOf, type AgentDocument } from '../types';
import type { Report } from './reporter';

/** What Claude Code does under each such mode (seen with the pinned binary: the subagent's own tool calls). */
const UNPROMPTED_MODES: Readonly<Record<string, string>> = {
  bypassPermissions:
    "`permissionMode: bypassPermissions`: this agent runs every tool without asking for permission. Claude Code grants it only in a session that itself bypasses permissions; in any other session the agent keeps the session's mode.",
  dontAsk: '`permissionMode: dontAsk`: this agent is never asked for permission: a tool call the permission rules do not already allow is denied without a prompt.',
};

export function checkPermissionMode(doc: AgentDocument, report: Report): void {
  const field = fieldOf(doc, 'permissionMode');
  if (!field || field.unreadable || typeof field.value !== 'string' || !Object.hasOwn(UNPROMPTED_MODES, field.value)) return;
  report('permission-no-prompts', field.valueSpan, UNPROMPTED_MODES[field.value]);
}
