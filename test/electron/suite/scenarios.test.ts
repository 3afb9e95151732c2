// The code-server suite's editor scenarios (test/e2e/codeServer.e2e.ts) on examples/,
// through VS Code's own provider commands instead of the workbench UI: the problems,
// the code lens, tool completion and the quick fix of api-tester.md; the hover and the
// definition of `Rule 5` in backend-developer.md. Nothing is saved.
import 'mocha';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgentryApi } from '../../../client/src/extension';

async function open(name: string): Promise<vscode.TextDocument> {
  const extension = vscode.extensions.getExtension<AgentryApi>('agentry.agentry');
  assert.ok(extension, 'the extension under development is installed');
  await (
    await extension.activate()
  ).ready;
  const [file] = await vscode.workspace.findFiles(`.claude/agents/${name}`);
  assert.ok(file, `examples/.claude/agents/${name}`);
  return (await vscode.window.showTextDocument(file, { preview: false })).document;
}

/** The position of the start of `needle` in the document (the `occurrence`th, from 0). */
function find(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in ${document.fileName}`);
  return document.positionAt(at);
}

/** Resolves with the Agentry diagnostics of `uri` once `ready` holds for them (no sleeps). */
function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'agentry');
  return new Promise((resolve) => {
    if (ready(current())) return resolve(current());
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (!ready(current())) return;
      listener.dispose();
      resolve(current());
    });
  });
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('Agentry in VS Code: the code-server scenarios', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  it('api-tester.md: the known defects, at their words', async () => {
    const document = await open('api-tester.md');
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= 4);
    const got = diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort();
    const want = [
      ['unknown-tool', 'Reed'],
      ['unknown-model', 'sonet'],
      ['invalid-value', 'bleu'],
      ['unknown-key', 'category'],
    ].map(([code, word]) => {
      const at = find(document, word);
      return `${code}@${at.line}:${at.character}`;
    });
    assert.deepEqual(got, want.sort());
    assert.match(diagnostics.find((d) => codeOf(d) === 'unknown-tool')!.message, /did you mean `Read`/);
  });

  it('api-tester.md: a code lens says what Claude Code loads', async () => {
    const document = await open('api-tester.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.equal(titles.length, 1);
    assert.match(titles[0], /^Claude Code [\d.]+ loads api-tester · model sonet · \d+ tools?, \d+ ignored$/);
  });

  it('api-tester.md: completion after `, ` in tools: offers the built-in tools', async () => {
    const document = await open('api-tester.md');
    const end = document.lineAt(find(document, 'tools:').line).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, ', ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end.translate(0, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const tool of ['Grep', 'Edit', 'Glob', 'TodoWrite']) assert.ok(labels.includes(tool), `${tool} among ${labels.join(', ')}`);
  });

  it('api-tester.md: the quick fix on `Reed` changes it to `Read`', async () => {
    const document = await open('api-tester.md');
    await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'unknown-tool'));
    const at = find(document, 'Reed');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, at.translate(0, 4)));
    const change = actions.find((a) => a.title === 'Change to `Read`');
    assert.ok(change?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.equal(document.lineAt(at.line).text.slice(at.character, at.character + 4), 'Read');
  });

  it('backend-developer.md: the hover over `Rule 5` shows its title, and its definition is the rule', async () => {
    const document = await open('backend-developer.md');
    const reference = find(document, 'Rule 5').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, reference);
    assert.match(hoverText(hovers), /Mandatory Changelog Tracking/);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, reference);
    const lines = locations.map((l) => ('targetRange' in l ? l.targetRange : l.range).start.line);
    assert.deepEqual(lines, [find(document, '**Rule 5:').line]);
  });
});
