// What language features may consult beyond the document at hand. Pure: the host
// supplies `load`, which reads another agent file (its open buffer or the disk).
import type { Settings } from '../config/settings';
import type { AgentDocument } from '../types';
import type { WorkspaceContext } from '../workspace/workspaceContext';

/** What a request may be told to stop by; an LSP CancellationToken fits. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NOT_CANCELLED: Cancellation = { isCancellationRequested: false };

export interface FeatureContext {
  workspace: WorkspaceContext;
  /** The current model of another agent file, or undefined when it cannot be read. */
  load(uri: string): AgentDocument | undefined;
  /** The settings of the document at hand. */
  settings: Settings;
}

/** The document itself when `uri` is its own, the rules document, else whatever the host loads. */
export function documentFor(uri: string, current: AgentDocument, ctx: FeatureContext): AgentDocument | undefined {
  if (uri === current.uri) return current;
  if (uri === ctx.workspace.rulesDocument?.uri) return ctx.workspace.rulesDocument;
  return ctx.load(uri);
}
