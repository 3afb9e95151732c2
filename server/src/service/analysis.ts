// What the service (index.ts) runs on a parsed document: the diagnostics and every editor
// feature. The service loads this module on first use, so a host that only parses and
// indexes, as the language server does until a document is first asked about, never
// evaluates the schemas, catalog tables and feature modules behind it (most of what the
// server's start-up spent running its bundle).
export { validateDocument } from './diagnostics/validate';
export { fixAllEdits, fixAllPlan, fixesFor } from './features/fixes';
export { codeActions, textEdit } from './features/fixes/codeActions';
export { codeLenses } from './features/codeLens';
export { completion } from './features/completion/completion';
export { hover } from './features/hover/hover';
export { definition } from './features/navigation/definition';
export { documentSymbols } from './features/navigation/documentSymbols';
export { foldingRanges } from './features/navigation/foldingRanges';
export { references } from './features/navigation/references';
export { prepareRename, renameAgent } from './features/navigation/rename';
export { workspaceSymbols } from './features/navigation/workspaceSymbols';
export { semanticTokens } from './features/semanticTokens';
