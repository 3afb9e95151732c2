// The server as a child process over `--stdio` and `--node-ipc`, with a minimal
// client that only takes pushed diagnostics (as Neovim 0.7 does).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { CompletionList, FullDocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver-protocol';
import { seed } from '../../support/fixtures';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startChild, withWorkspaceServer, type TestClient } from './harness';

async function shutdown(client: TestClient, child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  await client.request('shutdown', null);
  await client.connection.sendNotification('exit');
  const [code] = await exited;
  client.dispose();
  return code as number | null;
}

for (const transport of ['--stdio', '--node-ipc'] as const) {
  describe(`server process over ${transport}`, () => {
    let ws: FixtureWorkspace;
    let client: TestClient;
    let child: ChildProcess;
    let init: InitializeResult;

    before(async () => {
      ws = createWorkspace();
      ({ client, child } = startChild(transport));
      init = await client.initialize({}, ws.root);
    });

    after(() => ws.dispose());

    it('announces push diagnostics only (no diagnosticProvider) to a client without pull support', () => {
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      assert.equal(init.capabilities.renameProvider, true);
    });

    it('publishes diagnostics of an opened agent, with cross-file results', async () => {
      const published = client.nextDiagnostics(ws.agents.developer);
      await client.open(ws.agents.developer, seed('000').text);
      const { diagnostics, version } = await published;
      assert.equal(version, 1);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('yaml-lenient-value') && codes.includes('legacy-tool'));
      assert.ok(!diagnostics.some((d) => /expert-code-reviewer/.test(String(d.message))), 'the agent on disk is indexed');
    });

    it('completes with plain text for a client without snippets', async () => {
      const line = seed('000').text.split('\n')[16];
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: ws.agents.developer }, position: { line: 16, character: line.length } });
      const agent = list.items.find((i) => i.label === 'Agent(…)');
      assert.equal((agent?.textEdit as { newText: string }).newText, 'Agent(');
      assert.equal(agent?.insertTextFormat, undefined);
    });

    it('republishes an open document when another file renames the agent it refers to', async () => {
      const reviewerText = readFileSync(ws.file('.claude/agents/expert-code-reviewer.md'), 'utf8');
      const republished = client.nextDiagnostics(ws.agents.developer, (p) => p.diagnostics.some((d) => /expert-code-reviewer/.test(String(d.message))));
      await client.open(ws.agents.reviewer, reviewerText.replace('name: expert-code-reviewer', 'name: reviewer'));
      await republished;
    });

    it('clears diagnostics on close and shuts down cleanly', async () => {
      const cleared = client.nextDiagnostics(ws.agents.developer, (p) => p.diagnostics.length === 0);
      await client.close(ws.agents.developer);
      await cleared;
      assert.equal(await shutdown(client, child), 0);
    });
  });
}

describe('push diagnostics in-process, settings from initializationOptions', () => {
  it('applies severity settings of a client without workspace/configuration', () =>
    withWorkspaceServer(async (ws, client) => {
      await client.initialize({}, ws.root, { settings: { severity: { 'legacy-tool': 'off' } } });
      const published = client.nextDiagnostics(ws.agents.developer);
      await client.open(ws.agents.developer, seed('000').text);
      const codes = (await published).diagnostics.map((d) => d.code);
      assert.ok(!codes.includes('legacy-tool'));
      assert.ok(codes.includes('yaml-lenient-value'));
    }));
});

describe('a client that fails registrations and configuration requests', () => {
  it('still indexes the workspace and serves diagnostics, logging the failures', () =>
    withWorkspaceServer(async (ws, client) => {
      client.failing.add('client/registerCapability');
      client.failing.add('workspace/configuration');
      await client.initialize(FULL_CLIENT, ws.root);
      await client.open(ws.agents.developer, seed('000').text);
      const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: ws.agents.developer } });
      assert.ok(report.items.some((d) => d.code === 'yaml-lenient-value'));
      assert.ok(!report.items.some((d) => /expert-code-reviewer/.test(String(d.message))), 'the workspace is indexed');
      assert.match(await client.nextLog(/Dynamic registration failed/), /not supported/);
      assert.match(await client.nextLog(/workspace\/configuration failed/), /not supported/);
    }));
});

describe('agentGlobs and rulesDocument from the client settings', () => {
  it('index the files the globs match besides .claude/agents, and resolve rules from the configured document', () =>
    withWorkspaceServer(async (ws, client) => {
      const prompt = ws.write('prompts/planner.md', '---\nname: planner\ndescription: Plans.\n---\nSee Rule 1.\n');
      const notes = ws.write('notes/planner-draft.md', '---\nname: planner-draft\ndescription: Not matched.\n---\n');
      ws.write('OTHER-RULES.md', '**Rule 1: Plan First**\n- think\n');
      client.settings = { agentGlobs: ['prompts/*.md'], rulesDocument: 'OTHER-RULES.md' };
      await client.initialize(FULL_CLIENT, ws.root);
      const lint = await client.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
      const linted = lint.items.map((r) => r.uri);
      assert.ok(linted.includes(prompt) && linted.includes(ws.agents.developer), linted.join('\n'));
      assert.ok(!linted.includes(notes), 'outside the globs and agent folders');
      await client.open(prompt, '---\nname: planner\ndescription: Plans.\n---\nSee Rule 1.\n');
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: prompt }, position: { line: 4, character: 6 } });
      assert.match(hover.contents.value, /Rule 1: Plan First[\s\S]*rules document `OTHER-RULES.md`/);
    }));
});
