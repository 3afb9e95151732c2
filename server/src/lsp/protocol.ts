// Agentry's own messages between the VS Code client and the language server. No imports:
// the client bundle takes this file as well, and nothing of the server with it.

/** Server command (workspace/executeCommand) applying every safe fix to one document; argument: its URI. */
export const APPLY_FIX_ALL_COMMAND = 'agentry.applyFixAll';

/** What APPLY_FIX_ALL_COMMAND answers once its edit is applied (or refused: 0). */
export interface FixAllResult {
  fixes: number;
}

/**
 * Command a fix-all code action carries, run once its edit is applied; argument: the number of
 * fixes. The server shows the count as a message; the VS Code client in its status bar instead.
 */
export const FIXES_APPLIED_COMMAND = 'agentry.fixesApplied';

/** What Fix All (the command, or `source.fixAll.agentry` on save) says it did. */
export function fixesAppliedMessage(fixes: number): string {
  return fixes ? `Agentry: applied ${fixes} fix${fixes === 1 ? '' : 'es'}` : 'Agentry: nothing to fix automatically in this file';
}
