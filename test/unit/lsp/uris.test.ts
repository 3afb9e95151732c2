// A file whose URI the client spells differently from Node (VS Code encodes `@`
// as `%40`, and `c:` as `c%3A` on Windows) is still one file: its open buffer
// replaces its indexed copy instead of standing beside it as a duplicate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { FULL_CLIENT, withWorkspaceServer } from './harness';

describe('client URI spellings', () => {
  it('treat an open document and its file as one agent', () =>
    withWorkspaceServer(async (ws, client) => {
      const text = '---\nname: team-lead\ndescription: Leads.\n---\n';
      const nodeUri = ws.write('.claude/agents/team@lead.md', text);
      assert.ok(nodeUri.includes('team@lead'));
      const vscodeUri = nodeUri.replace('team@lead', 'team%40lead');
      await client.initialize(FULL_CLIENT, ws.root);
      await client.open(vscodeUri, text);
      const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: vscodeUri } });
      assert.deepEqual(
        report.items.filter((d) => d.code === 'duplicate-agent-name'),
        [],
      );
      const lint = await client.request<{ items: unknown[] }>('workspace/diagnostic', { previousResultIds: [] });
      assert.equal(lint.items.length, 5);
    }));
});
