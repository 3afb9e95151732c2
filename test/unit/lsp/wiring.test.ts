// The LSP wiring helpers on their own: guard, capabilities, settings merge,
// index-change detection and which files count as agents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { fixedHost, parseAgent } from '../../../server/src/service';
import { clientSupport, serverCapabilities } from '../../../server/src/lsp/capabilities';
import { readClientSettings } from '../../../server/src/workspace/clientSettings';
import { resolveSettings } from '../../../server/src/service/config/settings';
import { guard } from '../../../server/src/lsp/guard';
import { affectsOthers, summarize } from '../../../server/src/service/workspace/workspaceIndex';
import { createProject, isAgentFile } from '../../../server/src/workspace/project';
import { FULL_CLIENT } from './harness';

const token = (cancelled: boolean) => ({ isCancellationRequested: cancelled }) as CancellationToken;

describe('guard', () => {
  it('answers a cancelled request with RequestCancelled without running the handler', async () => {
    let ran = false;
    const handler = guard({ error: () => {} }, 'm', null, () => {
      ran = true;
      return 1;
    });
    const result = await handler({}, token(true));
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('logs an exception with the method name and answers the empty result', async () => {
    const logged: string[] = [];
    const handler = guard({ error: (m) => logged.push(m) }, 'textDocument/hover', 'empty', () => {
      throw new Error('boom');
    });
    assert.equal(await handler({}, token(false)), 'empty');
    assert.match(logged[0], /^textDocument\/hover failed: Error: boom/);
  });
});

describe('capabilities', () => {
  it('announces pull diagnostics and prepareRename only to clients that support them', () => {
    const full = serverCapabilities(clientSupport(FULL_CLIENT));
    assert.deepEqual(full.diagnosticProvider, { identifier: 'agentry', interFileDependencies: true, workspaceDiagnostics: false });
    assert.deepEqual(full.renameProvider, { prepareProvider: true });
    const minimal = serverCapabilities(clientSupport({}));
    assert.equal(minimal.diagnosticProvider, undefined);
    assert.equal(minimal.renameProvider, true);
    assert.equal(minimal.workspace, undefined);
  });

  it('reads what the client can do', () => {
    const support = clientSupport(FULL_CLIENT);
    assert.deepEqual(support, {
      pullDiagnostics: true,
      diagnosticRefresh: true,
      configuration: true,
      configurationRegistration: true,
      workspaceFolders: true,
      watchedFilesRegistration: true,
      relativePatternWatchers: true,
      snippets: true,
      documentChanges: true,
      renameFiles: true,
      createFiles: true,
      prepareRename: true,
      messageActions: false,
      showDocument: false,
      editorHeadingSymbols: false,
    });
    const vscode = clientSupport({ window: { showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } } });
    assert.deepEqual([vscode.messageActions, vscode.showDocument, vscode.createFiles], [true, true, false]);
  });
});

describe('settings', () => {
  it('merges client settings over the configuration file: scalars win, lists add up, severities merge', () => {
    const client = readClientSettings({ severity: { 'unknown-key': 'off', bad: 'loud' }, extraTools: ['B'], rulesDocument: 'RULES.md', requiredSections: null, agentGlobs: [] });
    const settings = resolveSettings({ extraTools: ['A'], rulesDocument: 'CLAUDE.md', requiredSections: ['Focus'], severity: { mojibake: 'error' }, triggers: ['t'] }, client, new Set(['gh']), undefined);
    assert.deepEqual(settings.extraTools, ['A', 'B']);
    assert.deepEqual(settings.severity, { mojibake: 'error', 'unknown-key': 'off' });
    assert.deepEqual(settings.requiredSections, ['Focus']);
    assert.equal(settings.rulesDocument, 'RULES.md');
    assert.deepEqual(settings.triggers, ['t']);
    assert.deepEqual(settings.agentGlobs, []);
    assert.equal(settings.enabled, true);
    assert.deepEqual([...settings.mcpServers!], ['gh']);
  });

  it("takes requiredSections from the Settings UI's list; its empty default leaves .agentry.json and the built-in default in force", () => {
    const file = { requiredSections: ['Focus'] };
    assert.deepEqual(resolveSettings(file, readClientSettings({ requiredSections: [] }), undefined, undefined).requiredSections, ['Focus']);
    assert.equal(resolveSettings({}, readClientSettings({ requiredSections: [] }), undefined, undefined).requiredSections, null);
    assert.deepEqual(resolveSettings(file, readClientSettings({ requiredSections: ['When Invoked'] }), undefined, undefined).requiredSections, ['When Invoked']);
  });

  it('ignores malformed client values', () => {
    assert.deepEqual(readClientSettings(null), { enable: undefined, agentGlobs: undefined, severity: undefined, rulesDocument: undefined, extraTools: undefined, extraModels: undefined, requiredSections: undefined, userAgents: undefined });
    assert.equal(readClientSettings({ enable: 'no' }).enable, undefined);
    assert.equal(readClientSettings({ userAgents: 'no' }).userAgents, undefined);
    assert.equal(readClientSettings({ userAgents: false }).userAgents, false);
    assert.deepEqual(readClientSettings({ agentGlobs: ['a/*.md', 1, null] }).agentGlobs, ['a/*.md']);
    assert.equal(readClientSettings({ extraTools: 'Read' }).extraTools, undefined);
    assert.equal(readClientSettings({ rulesDocument: '  ' }).rulesDocument, undefined);
    assert.equal(readClientSettings({ rulesDocument: ' RULES.md ' }).rulesDocument, 'RULES.md');
    assert.equal(readClientSettings({ severity: 'off' }).severity, undefined);
    assert.equal(readClientSettings({ severity: { a: 'loud' } }).severity, undefined);
  });
});

describe('index changes', () => {
  const summary = (text: string) => summarize(parseAgent('file:///a.md', 0, text));
  const base = '---\nname: a\nproactive_triggers:\n  - x\n---\n**Rule 1: A**\n- b\n';

  it('affect other files when an agent appears or goes, or its name or rule numbers change', () => {
    assert.equal(affectsOthers(undefined, summary(base)), true);
    assert.equal(affectsOthers(summary(base), undefined), true);
    assert.equal(affectsOthers(summary(base), summary(base.replace('name: a', 'name: b'))), true);
    assert.equal(affectsOthers(summary(base), summary(base.replace('Rule 1', 'Rule 2'))), true);
  });

  it('do not for edits elsewhere, trigger ids included: no other file reads them in its diagnostics', () => {
    assert.equal(affectsOthers(summary(base), summary(`${base}\nMore prose.\n`)), false);
    assert.equal(affectsOthers(summary(base), summary(base.replace('- x', '- y'))), false);
  });
});

describe('agent files', () => {
  it('are files under .claude/agents, declared agents under agents/, and the agentGlobs files; being open is no reason', () => {
    const project = createProject(fixedHost(), 'file:///ws');
    const agent = '---\nname: a\n---\n';
    const docsPage = '---\ntitle: Agents\nsidebar_position: 2\n---\n# Agents\n';
    assert.equal(isAgentFile(project, 'file:///ws/.claude/agents/new.md', ''), true);
    assert.equal(isAgentFile(project, 'file:///ws/team/agents/a.md', agent), true);
    assert.equal(isAgentFile(project, 'file:///ws/team/agents/notes.md', '# Notes\n'), false);
    assert.equal(isAgentFile(project, 'file:///ws/docs/agents/overview.md', docsPage), false);
    assert.equal(isAgentFile(project, 'file:///ws/docs/post.md', agent), false);
    assert.equal(isAgentFile(project, 'file:///ws/README.md', agent), false);
    project.matchers.agents = (relative) => relative.startsWith('prompts/');
    assert.equal(isAgentFile(project, 'file:///ws/.claude/agents/a.md', agent), true);
    assert.equal(isAgentFile(project, 'file:///ws/prompts/a.md', ''), true);
    project.configRoot = '/ws';
    project.matchers.ignored = (relative) => relative.startsWith('prompts/');
    assert.equal(isAgentFile(project, 'file:///ws/prompts/a.md', ''), false);
  });
});
