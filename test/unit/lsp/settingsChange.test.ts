// A settings change reads the settings again and refreshes; it indexes the workspace again
// only when it changes which files are agents (agentGlobs), not for a severity.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { seed } from '../../support/fixtures';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startInProcess, type TestClient } from './harness';

describe('settings changes', () => {
  let ws: FixtureWorkspace;
  let client: TestClient;
  const indexed = () => client.logs.filter((m) => /^Indexed /.test(m)).length;
  const codes = async (uri: string) => (await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })).items.map((d) => d.code);
  const changeSettings = async (settings: Record<string, unknown>) => {
    client.settings = settings;
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
  };

  before(async () => {
    ws = createWorkspace();
    ws.write('prompts/planner.md', '---\nname: planner\ndescription: Plans.\n---\nPlans the work.\n');
    client = startInProcess();
    await client.initialize(FULL_CLIENT, ws.root);
    await client.nextLog(/^Indexed /);
    await client.open(ws.agents.developer, seed('000').text);
  });
  after(() => {
    client.dispose();
    ws.dispose();
  });

  it('a severity change applies without indexing again', async () => {
    const runs = indexed();
    assert.ok((await codes(ws.agents.developer)).includes('yaml-lenient-value'));
    await changeSettings({ severity: { 'yaml-lenient-value': 'off' } });
    assert.ok(!(await codes(ws.agents.developer)).includes('yaml-lenient-value'));
    assert.equal(indexed(), runs, 'no "Indexed" run');
  });

  it('an agentGlobs change indexes again, and the files it adds are agents', async () => {
    const symbols = async () => (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'planner' })).map((s) => s.name);
    assert.deepEqual(await symbols(), []);
    const runs = indexed();
    await changeSettings({ agentGlobs: ['prompts/*.md'] });
    assert.ok(indexed() > runs, 'an "Indexed" run');
    assert.ok((await symbols()).some((name) => name.includes('planner')));
  });
});
