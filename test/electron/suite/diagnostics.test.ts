// Inside VS Code, with examples/ as the workspace: the extension starts its
// server and the problems of an example agent file reach the editor.
import 'mocha';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgentryApi } from '../../../client/src/extension';

/** Resolves with the Agentry diagnostics of `uri` as soon as there are some (no polling, no sleeps). */
function agentryDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'agentry');
  return new Promise((resolve) => {
    if (current().length) return resolve(current());
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !current().length) return;
      listener.dispose();
      resolve(current());
    });
  });
}

describe('Agentry in VS Code', () => {
  it('starts the language server and reports problems of an example agent', async () => {
    const extension = vscode.extensions.getExtension<AgentryApi>('agentry.agentry');
    assert.ok(extension, 'the extension under development is installed');
    const api = await extension.activate();
    await api.ready;

    const files = await vscode.workspace.findFiles('.claude/agents/**/*.md');
    assert.ok(files.length > 0, 'examples/.claude/agents has agent files');
    // The client pulls diagnostics for documents shown in tabs.
    const documents = [];
    for (const file of files) documents.push((await vscode.window.showTextDocument(file, { preview: false })).document);
    const reported = await Promise.race(documents.map((document) => agentryDiagnostics(document.uri)));
    assert.ok(reported.length > 0);
    for (const diagnostic of reported) assert.match(String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code), /^[a-z-]+$/);
  });
});
