// One code lens on the first line of an agent file: what Claude Code will do with it.
// A label, not a button (its command is empty), as the fact stands on its own.
import type { CodeLens } from 'vscode-languageserver-types';
import { effectiveAgentLine } from '../claude/describeAgent';
import { effectiveAgent } from '../claude/effectiveAgent';
import type { AnalysisSettings } from '../config/settings';
import type { AgentDocument } from '../types';

export function codeLenses(doc: AgentDocument, settings: AnalysisSettings): CodeLens[] {
  const title = effectiveAgentLine(effectiveAgent(doc, settings));
  return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title, command: '' } }];
}
