// Runs the core on texts the way a host does: index all, then validate one.
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAgentService, DEFAULT_SETTINGS, fixedHost, type AgentDiagnostic, type AgentDocument, type Settings } from '../../server/src/service';

export interface Analysis {
  doc: AgentDocument;
  diagnostics: AgentDiagnostic[];
}

/** Validates `uri`'s text; `others` are indexed first as the rest of the workspace. */
export function analyze(text: string, options: { uri?: string; settings?: Partial<Settings>; others?: Record<string, string> } = {}): Analysis {
  const service = createAgentService(fixedHost({ ...DEFAULT_SETTINGS, ...options.settings }));
  const uri = options.uri ?? 'file:///ws/.claude/agents/test-agent.md';
  for (const [otherUri, otherText] of Object.entries(options.others ?? {})) service.indexDocument(service.parse(otherUri, 0, otherText));
  const doc = service.parse(uri, 0, text);
  service.indexDocument(doc);
  return { doc, diagnostics: service.validate(doc) };
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

export function withCode<T extends Diagnostic>(diagnostics: T[], code: string): T[] {
  return diagnostics.filter((d) => d.code === code);
}
