// The server over the wire, in-process, with a VS Code-like client (pull
// diagnostics, snippets, resource operations) on a workspace on disk.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FullDocumentDiagnosticReport,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  WorkspaceDiagnosticReport,
  WorkspaceEdit,
  WorkspaceFullDocumentDiagnosticReport,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { SEMANTIC_TOKENS_LEGEND } from '../../../server/src/service/features/semanticTokensLegend';
import { seed } from '../../support/fixtures';
import { createWorkspace, REVIEWER_TEXT, RULES_TEXT, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startInProcess, type TestClient } from './harness';

type Report = FullDocumentDiagnosticReport | { kind: 'unchanged'; resultId: string };

describe('language server over LSP (pull client)', () => {
  let ws: FixtureWorkspace;
  let client: TestClient;
  let init: InitializeResult;
  const developer = () => ws.agents.developer;
  const pull = (uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const items = async (uri: string) => ((await pull(uri)) as FullDocumentDiagnosticReport).items;
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
  const at = (line: number, character: number) => ({ line, character });
  const RULE_18 = at(32, seed('000').text.split('\n')[32].indexOf('Rule 18') + 5);

  before(async () => {
    ws = createWorkspace();
    client = startInProcess();
    init = await client.initialize(FULL_CLIENT, ws.root);
    await client.open(developer(), seed('000').text);
  });

  after(() => {
    client.dispose();
    ws.dispose();
  });

  it('announces exactly the implemented capabilities', () => {
    assert.deepEqual(init.capabilities, {
      textDocumentSync: { openClose: true, change: 2 },
      completionProvider: { triggerCharacters: [' ', ',', '(', '*', '-'], resolveProvider: false },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: 'Agentry' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.agentry'], resolveProvider: false },
      executeCommandProvider: { commands: ['agentry.applyFixAll', 'agentry.fixesApplied'] },
      diagnosticProvider: { identifier: 'agentry', interFileDependencies: true, workspaceDiagnostics: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    assert.equal(init.serverInfo?.name, 'agentry');
  });

  it('registers file watchers and configuration changes dynamically', async () => {
    await client.request('workspace/symbol', { query: '' });
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual((watchers?.registerOptions as { watchers: { globPattern: unknown; kind?: number }[] }).watchers, [
      { globPattern: '**/*.md' },
      { globPattern: '**/.mcp.json' },
      { globPattern: '**/.agentry.json' },
      { globPattern: '**/package.json' },
      { globPattern: '**/*', kind: 5 },
      { globPattern: { baseUri: pathToFileURL(path.join(homedir(), '.claude', 'skills')).href, pattern: '*/SKILL.md' } },
      { globPattern: { baseUri: pathToFileURL(path.join(homedir(), '.claude', 'skills')).href, pattern: '*' }, kind: 5 },
    ]);
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  });

  it('pulls diagnostics with documentation links, and answers unchanged for the same inputs', async () => {
    const report = (await pull(developer())) as FullDocumentDiagnosticReport;
    const lenient = report.items.find((d) => d.code === 'yaml-lenient-value');
    assert.equal(lenient?.codeDescription?.href, 'https://github.com/agentry-dev/agentry/blob/main/docs/diagnostics.md#yaml-lenient-value');
    assert.ok(codes(report.items).includes('unknown-agent-reference'));
    assert.ok(!report.items.some((d) => d.code === 'unknown-agent-reference' && /expert-code-reviewer/.test(String(d.message))));
    assert.deepEqual(await pull(developer(), report.resultId), { kind: 'unchanged', resultId: report.resultId });
  });

  it('keeps other documents unchanged for edits without cross-file effect', async () => {
    await client.open(ws.agents.architect, seed('001').text);
    const first = (await pull(ws.agents.architect)) as FullDocumentDiagnosticReport;
    await client.change(developer(), `${seed('000').text}\nOne more line of prose.\n`);
    assert.equal((await pull(ws.agents.architect, first.resultId)).kind, 'unchanged');
    await client.change(developer(), seed('000').text);
    await client.close(ws.agents.architect);
  });

  it('completes model values and tools with MCP servers from .mcp.json', async () => {
    const model = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: developer() }, position: at(3, 7) });
    assert.deepEqual(
      model.items.slice(0, 4).map((i) => i.label),
      ['sonnet', 'opus', 'haiku', 'inherit'],
    );
    const line = seed('000').text.split('\n')[16];
    const tools = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: developer() }, position: at(16, line.length) });
    assert.ok(tools.items.some((i) => i.label === 'mcp__github__'));
  });

  it('hovers `Rule 18` on line 33 with its title, and `Rule 21` from the rules document', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: developer() }, position: RULE_18 });
    assert.match((hover.contents as MarkupContent).value, /Rule 18: Mandatory Documentation Review/);
    await client.open(ws.agents.reviewer, REVIEWER_TEXT);
    const fromRules = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ws.agents.reviewer }, position: at(8, 13) });
    assert.match((fromRules.contents as MarkupContent).value, /Rule 21: Keep Secrets Out[\s\S]*- no keys in code[\s\S]*rules document `CLAUDE.md`/);
  });

  it('offers quick fixes with versioned edits, a file rename and fix-all', async () => {
    const diagnostics = await items(developer());
    const wanted = diagnostics.filter((d) => d.code === 'yaml-lenient-value' || d.code === 'name-file-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: developer() },
      range: wanted[0].range,
      context: { diagnostics: diagnostics.filter((d) => d.code === 'yaml-lenient-value') },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['quickfix', 'quickfix', 'quickfix', 'source.fixAll.agentry'],
    );
    assert.equal(actions[2].title, 'Disable `yaml-lenient-value` for this line');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual((actions[0].edit?.documentChanges?.[0] as { textDocument: unknown }).textDocument, { uri: developer(), version: client.versionOf(developer()) });
  });

  it('goes to the definition of an agent in another file and finds its references', async () => {
    const line = seed('000')
      .text.split('\n')
      .findIndex((l) => l.includes('**expert-code-reviewer**'));
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: developer() }, position: at(line, 6) });
    assert.deepEqual(
      definition.map((l) => [l.uri, l.range.start.line]),
      [[ws.agents.reviewer, 1]],
    );
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: developer() }, position: at(line, 6), context: { includeDeclaration: true } });
    assert.deepEqual([...new Set(refs.map((l) => l.uri))].sort(), [developer(), ws.agents.architect, ws.agents.reviewer].sort());
    assert.ok(refs.some((l) => l.uri === ws.agents.reviewer && l.range.start.line === 1));
  });

  it('renames an agent across the workspace, closed files included', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: developer() }, position: at(1, 8) });
    assert.equal(prepared.placeholder, 'senior-backend-developer');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: developer() }, position: at(1, 8), newName: 'backend-lead' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [developer(), ws.agents.reviewer].sort());
    assert.deepEqual(
      edit.changes![ws.agents.reviewer].map((e) => e.newText),
      ['backend-lead'],
    );
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: developer() }, position: at(1, 8), newName: 'Bad Name' }), /not a valid agent name/);
  });

  it('answers the outline, folding ranges and workspace symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: developer() } });
    assert.equal(symbols[0].name, 'Frontmatter');
    assert.deepEqual(
      symbols[0].children!.map((c) => c.name),
      ['name', 'description', 'model', 'proactive_triggers', 'tools', 'color'],
    );
    const folding = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: developer() } });
    assert.ok(folding.some((r) => r.startLine === 0 && r.endLine === 18));
    const agents = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'backend-arch' });
    assert.deepEqual(
      agents.map((s) => s.name),
      ['backend-architect', 'senior-backend-architect'],
    );
  });

  it('colours agent files with semantic tokens, and nothing in other Markdown, open or not', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: developer() } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    const readme = pathToFileURL(`${ws.root}/docs/agents/overview.md`).href;
    await client.open(readme, '---\ntitle: Agents\n---\nBOUND BY THE FOLLOWING 3 RULES. See Rule 5.\n');
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri: readme } }), { data: [] });
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: readme }, position: { line: 4, character: 0 } }), null);
  });

  it('indexes a workspace folder added later', async () => {
    const second = createWorkspace();
    try {
      const tester = second.write('.claude/agents/load-tester.md', '---\nname: load-tester\ndescription: Load tests.\n---\n');
      const refreshed = client.nextRefresh();
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(second.root).href, name: 'second' }], removed: [] } });
      await refreshed;
      const agents = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'load-tester' });
      assert.deepEqual(
        agents.map((s) => (s.location as Location).uri),
        [tester],
      );
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(second.root).href, name: 'second' }] } });
      await client.request('workspace/symbol', { query: '' });
      assert.deepEqual(await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'load-tester' }), []);
    } finally {
      second.dispose();
    }
  });

  it('lints every agent file of the workspace, open or not (workspace/diagnostic), and says unchanged for what did not change', async () => {
    const result = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.equal(result.items.length, 4);
    assert.deepEqual(result.items.map((r) => r.uri).sort(), Object.values(ws.agents).sort());
    const full = (uri: string) => result.items.find((r) => r.uri === uri) as WorkspaceFullDocumentDiagnosticReport;
    assert.ok(codes(full(ws.agents.architect).items).includes('legacy-tool'));
    assert.equal(typeof full(developer()).version, 'number', 'the open document, with its version');
    assert.equal(full(ws.agents.architect).version, null, 'a file on disk');
    const previousResultIds = result.items.map((r) => ({ uri: r.uri, value: r.resultId! }));
    const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    assert.deepEqual(
      again.items.map((r) => r.kind),
      ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
    );
    ws.write('.claude/agents/backend-architect.md', seed('001').text.replace('MultiEdit', 'Edit'));
    const changed = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    assert.deepEqual(
      changed.items.filter((r) => r.kind === 'full').map((r) => r.uri),
      [ws.agents.architect],
      'the file changed on disk',
    );
  });

  it('applies fix-all through workspace/applyEdit and answers how many fixes it made', async () => {
    const result = await client.request<{ fixes: number }>('workspace/executeCommand', { command: 'agentry.applyFixAll', arguments: [developer()] });
    assert.equal(client.appliedEdits.length, 1);
    const change = client.appliedEdits[0].edit.documentChanges![0] as { edits: { newText: string }[] };
    assert.ok(change.edits.some((e) => e.newText.startsWith('"Senior backend engineer')));
    // Seed 000: the lenient description, the legacy tools and the rule count, at least.
    assert.ok(result.fixes >= 3 && result.fixes <= change.edits.length, `${result.fixes} fixes in ${change.edits.length} edits`);
  });

  it('source.fixAll.agentry carries the count as a command; running it says "Agentry: applied N fixes"', async () => {
    const diagnostics = await items(developer());
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: developer() }, range: diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll.agentry'] } });
    assert.equal(fixAll.command?.command, 'agentry.fixesApplied');
    const [fixes] = fixAll.command!.arguments as [number];
    const byCommand = await client.request<{ fixes: number }>('workspace/executeCommand', { command: 'agentry.applyFixAll', arguments: [developer()] });
    assert.equal(fixes, byCommand.fixes);
    await client.request('workspace/executeCommand', fixAll.command);
    assert.equal(await client.nextMessage(/applied/), `Agentry: applied ${fixes} fixes`);
  });

  it('answers a failing request with an empty result, logs it and keeps serving', async () => {
    const result = await client.request('textDocument/hover', { textDocument: { uri: developer() } });
    assert.equal(result, null);
    assert.match(await client.nextLog(/textDocument\/hover failed/), /TypeError|Cannot read/);
    assert.ok(await client.request<Hover>('textDocument/hover', { textDocument: { uri: developer() }, position: RULE_18 }));
  });

  it('applies watched-file changes to the index and asks for a refresh', async () => {
    const before = await items(developer());
    assert.ok(before.some((d) => d.code === 'unknown-agent-reference' && /security-auditor/.test(String(d.message))));
    const auditor = ws.write('.claude/agents/security-auditor.md', '---\nname: security-auditor\ndescription: Audits security.\n---\n');
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: auditor, type: 1 }] });
    await refreshed;
    assert.ok(!(await items(developer())).some((d) => /security-auditor/.test(String(d.message))));
  });

  it('reloads .mcp.json and the rules document when they change on disk', async () => {
    const mcp = ws.write('.mcp.json', JSON.stringify({ mcpServers: { jira: {} } }));
    let refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: mcp, type: 2 }] });
    await refreshed;
    const line = seed('000').text.split('\n')[16];
    const tools = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: developer() }, position: at(16, line.length) });
    assert.deepEqual(
      tools.items.filter((i) => i.label.startsWith('mcp__')).map((i) => i.label),
      ['mcp__jira__'],
    );
    const rules = ws.write('CLAUDE.md', RULES_TEXT.replace('Keep Secrets Out', 'Never Commit Secrets'));
    refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rules, type: 2 }] });
    await refreshed;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ws.agents.reviewer }, position: at(8, 13) });
    assert.match((hover.contents as MarkupContent).value, /Rule 21: Never Commit Secrets/);
  });

  it('asks for a refresh when an open agent changes its name', async () => {
    const refreshed = client.nextRefresh();
    const text = REVIEWER_TEXT.replace('name: expert-code-reviewer', 'name: code-reviewer');
    await client.change(ws.agents.reviewer, text);
    await refreshed;
    assert.ok((await items(developer())).some((d) => d.code === 'unknown-agent-reference' && /expert-code-reviewer/.test(String(d.message))));
  });

  it('reads settings per resource and refreshes on configuration change', async () => {
    client.settings = { severity: { 'yaml-lenient-value': 'off' }, extraTools: ['LS'] };
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const after = codes(await items(developer()));
    assert.ok(!after.includes('yaml-lenient-value'));
    client.settings = { enable: false };
    const disabled = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await disabled;
    assert.deepEqual(await items(developer()), []);
    client.settings = {};
  });
});
