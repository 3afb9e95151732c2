// The server never answers for text it no longer has: a repeated or rewound version, a
// second didOpen, or one file open under two URI spellings, each with a new text of the
// same length; and a fact other files show (where a duplicate name is defined) refreshes them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FULL_CLIENT, withWorkspaceServer, type TestClient } from './harness';

type Report = FullDocumentDiagnosticReport | { kind: 'unchanged'; resultId: string };

/** Same length: only the first has an unknown model. */
const SONET = '---\nname: fresh-agent\ndescription: Checks freshness.\nmodel: sonet\n---\nBody\n';
const HAIKU = SONET.replace('sonet', 'haiku');

const pull = (client: TestClient, uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
const codes = async (client: TestClient, uri: string) => ((await pull(client, uri)) as FullDocumentDiagnosticReport).items.map((d: Diagnostic) => d.code);
const unknownModel = async (client: TestClient, uri: string) => (await codes(client, uri)).includes('unknown-model');
const send = (client: TestClient, method: string, params: unknown) => client.connection.sendNotification(method, params);
const change = (client: TestClient, uri: string, version: number, text: string) => send(client, 'textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
const openRaw = (client: TestClient, uri: string, version: number, text: string) => send(client, 'textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });

describe('fresh answers for the current text', () => {
  it('a repeated or rewound version with another text of the same length', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/fresh-agent.md', SONET);
      await openRaw(client, uri, 1, SONET);
      assert.equal(await unknownModel(client, uri), true);
      await change(client, uri, 2, HAIKU);
      const before = await pull(client, uri);
      assert.equal(before.kind, 'full');
      await change(client, uri, 2, SONET);
      assert.notEqual((await pull(client, uri, before.resultId)).kind, 'unchanged', 'unchanged for another text');
      assert.equal(await unknownModel(client, uri), true, 'repeated version answered for the old text');
      await change(client, uri, 1, HAIKU);
      assert.equal(await unknownModel(client, uri), false, 'rewound version answered for the old text');
    });
  });

  it('a second didOpen without didClose', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/fresh-agent.md', SONET);
      await openRaw(client, uri, 1, SONET);
      assert.equal(await unknownModel(client, uri), true);
      await openRaw(client, uri, 1, HAIKU);
      assert.equal(await unknownModel(client, uri), false);
    });
  });

  it('one file open under two URI spellings: each answers for its own text, hovers too', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const plain = ws.write('.claude/agents/fresh-agent.md', SONET);
      const encoded = plain.replace(/fresh-agent\.md$/, '%66resh-agent.md');
      await openRaw(client, plain, 1, SONET);
      await openRaw(client, encoded, 1, HAIKU);
      assert.equal(await unknownModel(client, encoded), false);
      assert.equal(await unknownModel(client, plain), true);
      const hover = (uri: string) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } });
      assert.match(((await hover(encoded))?.contents as MarkupContent).value, /haiku/i);
      assert.doesNotMatch(((await hover(plain))?.contents as MarkupContent | undefined)?.value ?? '', /haiku/i);
    });
  });
});

describe('facts other files show', () => {
  it("moving an agent's name line refreshes the duplicate-agent-name location of the other", async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const twin = (note: string) => `---\n${note}name: twin\ndescription: One of two.\n---\nBody\n`;
      const a = ws.write('.claude/agents/twin-a.md', twin(''));
      const b = ws.write('.claude/agents/twin-b.md', twin(''));
      await client.open(a, twin(''));
      await client.open(b, twin(''));
      const related = (report: Report) => (report as FullDocumentDiagnosticReport).items.find((d) => d.code === 'duplicate-agent-name')?.relatedInformation?.find((r) => r.location.uri === a);
      const first = await pull(client, b);
      assert.equal(related(first)?.location.range.start.line, 1);
      const refreshed = client.nextRefresh();
      await client.change(a, twin('# moved down by a comment\n'));
      await refreshed;
      const second = await pull(client, b, first.resultId);
      assert.equal(second.kind, 'full', 'unchanged: the client keeps the stale location');
      assert.equal(related(second)?.location.range.start.line, 2);
    });
  });
});
