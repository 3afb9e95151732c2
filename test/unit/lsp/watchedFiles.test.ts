// Watched-file events keep a long-running server's index in step with the disk: after
// each sequence it shows what a fresh server on the same disk shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { assertAgreesWithFresh, viewOf } from '../../support/serverView';
import type { FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, withWorkspaceServer, type TestClient } from './harness';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const agent = (name: string, extra = '') => `---\nname: ${name}\ndescription: The ${name} agent.\n${extra}---\nBody\n`;

/** Opens `lead.md` (named `twin`) and returns the open documents. */
async function openLead(ws: FixtureWorkspace, client: TestClient): Promise<Map<string, string>> {
  await client.initialize(FULL_CLIENT, ws.root);
  const lead = ws.write('.claude/agents/lead.md', agent('twin', 'model: sonet\n'));
  await client.open(lead, agent('twin', 'model: sonet\n'));
  await symbolUris(client); // answered once the startup walk is done: the disk changes below come after it
  return new Map([[lead, agent('twin', 'model: sonet\n')]]);
}

const events = (client: TestClient, changes: unknown[]) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
const pulledCodes = async (client: TestClient, open: Map<string, string>) => Object.values((await viewOf(client, open.keys())).diagnostics)[0].map((d) => JSON.parse(d)[1]);
const symbolUris = async (client: TestClient) => (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' })).map((s) => s.location.uri);

describe('watched-file events', () => {
  it('a deleted folder takes its agents out of the index (the event is for the folder only)', async () => {
    await withWorkspaceServer(async (ws, client) => {
      const open = await openLead(ws, client);
      ws.write('.claude/agents/team/twin.md', agent('twin'));
      await events(client, [{ uri: ws.uri('.claude/agents/team/twin.md'), type: CREATED }]);
      assert.ok((await pulledCodes(client, open)).includes('duplicate-agent-name'));
      rmSync(ws.file('.claude/agents/team'), { recursive: true });
      await events(client, [{ uri: ws.uri('.claude/agents/team'), type: DELETED }]);
      assert.ok(!(await pulledCodes(client, open)).includes('duplicate-agent-name'), 'duplicate-agent-name points at a deleted file');
      await assertAgreesWithFresh(client, ws.root, open);
    });
  });

  it('a renamed folder keeps its agents, under the new name', async () => {
    await withWorkspaceServer(async (ws, client) => {
      const open = await openLead(ws, client);
      ws.write('.claude/agents/team/twin.md', agent('twin'));
      await events(client, [{ uri: ws.uri('.claude/agents/team/twin.md'), type: CREATED }]);
      renameSync(ws.file('.claude/agents/team'), ws.file('.claude/agents/crew'));
      await events(client, [
        { uri: ws.uri('.claude/agents/team'), type: DELETED },
        { uri: ws.uri('.claude/agents/crew'), type: CREATED },
      ]);
      assert.ok((await symbolUris(client)).includes(ws.uri('.claude/agents/crew/twin.md')));
      assert.ok(!(await symbolUris(client)).includes(ws.uri('.claude/agents/team/twin.md')));
      await assertAgreesWithFresh(client, ws.root, open);
    });
  });

  it('symlinked agent files and folders count, at startup and on events alike (Claude Code follows links)', async () => {
    await withWorkspaceServer(async (ws, client) => {
      ws.write('shared/linked.md', agent('linked-agent'));
      ws.write('shared/team/member.md', agent('linked-member'));
      symlinkSync(ws.file('shared/linked.md'), ws.file('.claude/agents/linked.md'));
      const open = await openLead(ws, client);
      assert.ok((await symbolUris(client)).includes(ws.uri('.claude/agents/linked.md')), 'the startup walk skipped a symlinked agent file');
      symlinkSync(ws.file('shared/team'), ws.file('.claude/agents/team'));
      await events(client, [{ uri: ws.uri('.claude/agents/team'), type: CREATED }]);
      assert.ok((await symbolUris(client)).includes(ws.uri('.claude/agents/team/member.md')));
      // An edit of a link's target is reported for the target (outside the agent folders): the link reads it again.
      ws.write('shared/linked.md', agent('twin'));
      ws.write('shared/team/member.md', agent('twin'));
      await events(client, [
        { uri: ws.uri('shared/linked.md'), type: CHANGED },
        { uri: ws.uri('shared/team/member.md'), type: CHANGED },
      ]);
      assert.ok((await pulledCodes(client, open)).includes('duplicate-agent-name'));
      await assertAgreesWithFresh(client, ws.root, open);
    });
  });

  it('an event for a file outside every workspace folder is not indexed', async () => {
    await withWorkspaceServer(async (ws, client) => {
      const open = await openLead(ws, client);
      const outside = mkdtempSync(path.join(tmpdir(), 'agentry-outside-'));
      try {
        mkdirSync(path.join(outside, '.claude/agents'), { recursive: true });
        writeFileSync(path.join(outside, '.claude/agents/stray.md'), agent('twin'));
        await events(client, [{ uri: pathToFileURL(path.join(outside, '.claude/agents/stray.md')).href, type: CREATED }]);
        assert.ok(!(await symbolUris(client)).some((uri) => uri.includes('stray.md')));
        await assertAgreesWithFresh(client, ws.root, open);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  it('a change of the agentry key of package.json applies', async () => {
    await withWorkspaceServer(async (ws, client) => {
      rmSync(ws.file('.agentry.json'));
      const open = await openLead(ws, client);
      assert.ok((await pulledCodes(client, open)).includes('unknown-model'));
      ws.write('package.json', JSON.stringify({ name: 'x', agentry: { severity: { 'unknown-model': 'off' } } }));
      await events(client, [{ uri: ws.uri('package.json'), type: CREATED }]);
      assert.ok(!(await pulledCodes(client, open)).includes('unknown-model'));
      await assertAgreesWithFresh(client, ws.root, open);
    });
  });

  it('a malformed event in a batch is skipped, the valid ones after it still apply', async () => {
    await withWorkspaceServer(async (ws, client) => {
      const open = await openLead(ws, client);
      ws.write('.claude/agents/second.md', agent('twin'));
      await events(client, [{ uri: 42, type: CREATED }, null, { uri: ws.uri('x.md'), type: 9 }, { uri: ws.uri('.claude/agents/second.md'), type: CHANGED }]);
      assert.ok((await pulledCodes(client, open)).includes('duplicate-agent-name'));
      assert.ok(client.logs.some((m) => /malformed event/.test(m)));
      await assertAgreesWithFresh(client, ws.root, open);
    });
  });
});
