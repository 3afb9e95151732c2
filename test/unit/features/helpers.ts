// Feature tests on in-memory documents: `|` marks the cursor (test/support/markers.ts), a
// workspace is a map of URI to text, and `load` reads from that map as the host reads files.
import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAgentService, DEFAULT_SETTINGS, parseAgent, type AgentDocument, type Settings } from '../../../server/src/service';
import type { FeatureContext } from '../../../server/src/service/features/featureContext';
import { withCursor, type Cursored } from '../../support/markers';

export const AGENTS = 'file:///ws/.claude/agents';

export function agentUri(name: string): string {
  return `${AGENTS}/${name}.md`;
}

export interface TestWorkspace {
  doc: AgentDocument;
  ctx: FeatureContext;
  service: ReturnType<typeof createAgentService>;
  position: Position;
}

export interface WorkspaceOptions {
  others?: Record<string, string>;
  rulesDocument?: { uri: string; text: string };
  settings?: Partial<Settings>;
  triggers?: string[];
}

/** Indexes `others` and the document (its `|` marks the cursor) and builds a feature context. */
export function workspace(source: string | Cursored, uri = agentUri('test-agent'), options: WorkspaceOptions = {}): TestWorkspace {
  const { text, offset } = typeof source !== 'string' ? source : source.includes('|') ? withCursor(source) : { text: source, offset: 0 };
  const position = TextDocument.create(uri, 'markdown', 0, text).positionAt(offset);
  const service = createAgentService();
  const files = new Map(Object.entries(options.others ?? {}));
  files.set(uri, text);
  for (const [otherUri, otherText] of files) service.indexDocument(parseAgent(otherUri, 0, otherText));
  if (options.rulesDocument) service.setRulesDocument(parseAgent(options.rulesDocument.uri, 0, options.rulesDocument.text));
  const doc = service.parse(uri, 1, text);
  const ctx: FeatureContext = {
    workspace: service.workspace,
    load: (u) => (files.has(u) ? parseAgent(u, 0, files.get(u)!) : undefined),
    settings: { ...DEFAULT_SETTINGS, ...options.settings, triggers: options.triggers ?? [] },
  };
  return { doc, ctx, service, position };
}

/** The text after applying one completion item's edit. */
export function applyCompletion(doc: AgentDocument, item: { textEdit?: unknown; label: string }): string {
  const edit = item.textEdit as { range: { start: Position; end: Position }; newText: string };
  return TextDocument.applyEdits(doc.textDocument, [edit]);
}
