// A configuration file with wrong entries: the server keeps the valid ones, and tells
// the user once per version of the file (a warning with an action that opens it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seed } from '../../support/fixtures';
import { FULL_CLIENT, withWorkspaceServer } from './harness';

const CLIENT = { ...FULL_CLIENT, window: { showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } } };
const BAD = JSON.stringify({ rulesDocument: 'CLAUDE.md', severity: { 'unknown-key': 'of', 'legacy-tool': 'error' }, sevrity: {} }, null, 2);

describe('configuration problems over LSP', () => {
  it('keeps the valid entries, warns once with an Open action, and again only for a new version', async () => {
    await withWorkspaceServer(async (ws, client) => {
      const config = ws.write('.agentry.json', BAD);
      client.messageChoice = 'Open';
      await client.initialize(CLIENT, ws.root);
      const message = await client.nextMessage(/\.agentry\.json has/);
      assert.equal(message, 'Agentry: .agentry.json has 2 problems: `severity.unknown-key`: "of" is not one of error, warning, information, hint, off; ignored; `sevrity` is not a setting Agentry knows; ignored');
      assert.deepEqual(
        client.messages.map((m) => [m.type, m.actions]),
        [[2, ['Open']]],
      );
      await waitFor(() => client.shownDocuments.length > 0);
      assert.deepEqual(client.shownDocuments, [{ uri: config, takeFocus: true }]);
      // The valid severity applies: legacy-tool is an error now.
      await client.open(ws.agents.architect, seed('001').text);
      const report = (await client.request('textDocument/diagnostic', { textDocument: { uri: ws.agents.architect } })) as FullDocumentDiagnosticReport;
      assert.ok(
        report.items.some((d) => d.code === 'legacy-tool' && d.severity === 1),
        'legacy-tool as an error',
      );
      // Read again unchanged: no second warning; changed: one more.
      let refreshed = client.nextRefresh();
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
      await refreshed;
      assert.equal(client.messages.length, 1);
      ws.write('.agentry.json', JSON.stringify({ severity: { mojibake: 'loud' } }));
      refreshed = client.nextRefresh();
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
      await refreshed;
      assert.equal(await client.nextMessage(/mojibake/), 'Agentry: .agentry.json has 1 problem: `severity.mojibake`: "loud" is not one of error, warning, information, hint, off; ignored');
      assert.equal(client.messages.length, 2);
    });
  });

  it('without message actions (Neovim): a plain window/showMessage warning; a file that is not JSON is ignored whole, and said so', async () => {
    await withWorkspaceServer(async (ws, client) => {
      ws.write('.agentry.json', '{ "severity": ');
      await client.initialize(FULL_CLIENT, ws.root);
      const message = await client.nextMessage(/\.agentry\.json has/);
      assert.match(message, /^Agentry: \.agentry\.json has 1 problem: not valid JSON: .*; the whole file is ignored$/);
      assert.deepEqual(
        client.messages.map((m) => [m.type, m.actions]),
        [[2, undefined]],
        'a window/showMessage notification',
      );
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
