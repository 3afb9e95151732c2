// The typed request for Agentry's own lint-all message (server/src/lsp/protocol.ts names it).
import { RequestType } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from '../../server/src/lsp/protocol';

export const LintWorkspaceRequest = new RequestType<Record<string, never>, LintWorkspaceResult, void>(LINT_WORKSPACE_REQUEST);
