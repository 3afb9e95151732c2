// Agentry's own messages between the VS Code client and the language server. Type-only
// imports: the client bundle takes this file as well, and nothing of the server with it.
import type { Diagnostic } from 'vscode-languageserver-types';

/** Server command (workspace/executeCommand) applying every safe fix to one document; argument: its URI. */
export const APPLY_FIX_ALL_COMMAND = 'agentry.applyFixAll';

/** Request: lints every agent file of the workspace, open or not. */
export const LINT_WORKSPACE_REQUEST = 'agentry/lintWorkspace';

export interface LintWorkspaceResult {
  /** Agent files the server linted. */
  files: number;
  results: { uri: string; diagnostics: Diagnostic[] }[];
}
