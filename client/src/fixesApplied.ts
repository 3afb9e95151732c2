// The count a fix-all code action reports once applied (on save too) goes to the
// status bar instead of the server's notification: saves are frequent.
import { window } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { FIXES_APPLIED_COMMAND, fixesAppliedMessage } from '../../server/src/lsp/protocol';

export const STATUS_MESSAGE_MS = 5000;

export function showFixesApplied(fixes: number): void {
  window.setStatusBarMessage(fixesAppliedMessage(fixes), STATUS_MESSAGE_MS);
}

export const fixesAppliedMiddleware: Pick<Middleware, 'executeCommand'> = {
  executeCommand(command, args, next) {
    if (command !== FIXES_APPLIED_COMMAND) return next(command, args);
    showFixesApplied(typeof args[0] === 'number' ? args[0] : 0);
    return undefined;
  },
};
