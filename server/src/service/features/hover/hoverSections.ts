// Between a key's description and the facts a hover adds about this file (the effective
// agent on `name:`). Where VS Code documents the key itself, the VS Code client keeps only
// what follows. A module of its own, with no imports, as the client bundle takes it too.
export const HOVER_FILE_FACTS = '\n\n---\n\n';
