// `allowed-tools` is a key of skills and slash commands. Claude Code does not read
// it in an agent file, so an agent copied from one, without `tools`, gets every tool.
import { fieldOf, type AgentDocument } from '../types';
import type { Report } from './reporter';

export const ALLOWED_TOOLS_KEY = 'allowed-tools';

export function checkAllowedTools(doc: AgentDocument, report: Report): void {
  const field = fieldOf(doc, ALLOWED_TOOLS_KEY);
  if (!field) return;
  if (fieldOf(doc, 'tools')) {
    report('unknown-key', field.keySpan, '`allowed-tools` is a skill and command key: Claude Code ignores it in an agent file. This agent gets the tools of `tools`.', { data: { key: field.key } });
    return;
  }
  report('allowed-tools-ignored', field.keySpan, '`allowed-tools` is a skill and command key: Claude Code ignores it in an agent file, so this agent gets every tool. Rename it to `tools` to limit the agent to these tools.', {
    data: { key: field.key },
  });
}
