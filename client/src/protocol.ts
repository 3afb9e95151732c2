// The custom messages between the Agentry client and its language server.
import { RequestType, type Diagnostic } from 'vscode-languageclient/node';

/** Lints every agent file of the workspace, open or not. */
export interface LintWorkspaceResult {
  /** Agent files the server linted. */
  files: number;
  results: { uri: string; diagnostics: Diagnostic[] }[];
}

export const LintWorkspaceRequest = new RequestType<Record<string, never>, LintWorkspaceResult, void>('agentry/lintWorkspace');

/** Server command (workspace/executeCommand) applying every safe fix to one document; argument: its URI. */
export const APPLY_FIX_ALL_COMMAND = 'agentry.applyFixAll';
