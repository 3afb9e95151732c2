// One workspace revision decides whether a result still holds: every kind of change that
// can alter another file's diagnostics gives every open file a new result id, and a change
// no other file reads leaves their results unchanged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seed } from '../../support/fixtures';
import { REVIEWER_TEXT, RULES_TEXT } from './fixtureWorkspace';
import { FULL_CLIENT, withWorkspaceServer, type TestClient } from './harness';

type Report = FullDocumentDiagnosticReport | { kind: 'unchanged'; resultId: string };

const pull = (client: TestClient, uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
const watched = (client: TestClient, uri: string, type: 1 | 2 | 3) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

describe('the workspace revision', () => {
  it('changes the result of an open file for each kind of change other files read, and not for a change only its own file reads', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const developer = seed('000').text;
      await client.open(ws.agents.developer, developer);
      await client.open(ws.agents.architect, seed('001').text);
      let last = (await pull(client, ws.agents.architect)).resultId;
      /** The architect's result after `change`: a new one (`stale`), or the one it had. */
      const after = async (label: string, stale: boolean, change: () => Promise<unknown>) => {
        await change();
        const report = await pull(client, ws.agents.architect, last);
        assert.equal(report.kind, stale ? 'full' : 'unchanged', label);
        if (stale) assert.notEqual(report.resultId, last, label);
        last = report.resultId;
      };

      await after('prose of another open file', false, () => client.change(ws.agents.developer, `${developer}\nOne more line of prose.\n`));
      await after('a file that is not open, changed but read by no other', false, async () => {
        const notes = ws.write('.claude/agents/expert-code-reviewer.md', `${REVIEWER_TEXT}\nMore prose.\n`);
        await watched(client, notes, 2);
      });
      await after('the name of another open file', true, () => client.change(ws.agents.developer, developer.replace('name: senior-backend-developer', 'name: backend-developer')));
      await after('an agent file created on disk', true, () => watched(client, ws.write('.claude/agents/security-auditor.md', '---\nname: security-auditor\ndescription: Audits.\n---\n'), 1));
      await after('a skill created', true, () => watched(client, ws.write('.claude/skills/review/SKILL.md', '---\nname: review\ndescription: Reviews.\n---\n'), 1));
      await after('the configuration file (the workspace indexed again, its skills replaced)', true, () => watched(client, ws.write('.agentry.json', JSON.stringify({ rulesDocument: 'CLAUDE.md' })), 2));
      await after('a settings change', true, async () => {
        client.settings = { severity: { 'unknown-key': 'off' } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      });
      await after('the rules document on disk', true, () => watched(client, ws.write('CLAUDE.md', RULES_TEXT.replace('Keep Secrets Out', 'No Secrets')), 2));
      await after('the rules document edited while open', true, async () => {
        await client.open(ws.uri('CLAUDE.md'), RULES_TEXT);
        await client.change(ws.uri('CLAUDE.md'), `${RULES_TEXT}\n**Rule 22: Ask First**\n- before deleting\n`);
      });
      await after('nothing at all', false, async () => {});
    });
  });
});
