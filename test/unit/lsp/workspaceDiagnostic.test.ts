// workspace/diagnostic over the wire on a workspace of a few hundred agents: a client
// that sends a partialResultToken (as vscode-languageclient does for workspace pulls)
// gets every file's report across several $/progress chunks and an empty response,
// the same reports a client without a token gets in one response; a cancelled request
// stops between chunks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, WorkspaceDiagnosticRequest, type ResponseError, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { seed } from '../../support/fixtures';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startChild, type TestClient } from './harness';

/** Ten chunks' worth (the server lints 100 files per turn of the event loop). */
const EXTRA_AGENTS = 1000;
const CHUNKS = Math.ceil((EXTRA_AGENTS + 4) / 100);
const agent = (i: number) => `---\nname: load-agent-${i}\ndescription: Load test agent ${i}.\ntools: Read, ${i % 3 === 0 ? 'MultiEdit' : 'Grep'}\n---\n\nFollow Rule ${i}.\n`;

describe('workspace/diagnostic with partial results', () => {
  let ws: FixtureWorkspace;
  let client: TestClient;
  let tokens = 0;

  /** The reports of one workspace pull with a partialResultToken: the chunks, and the response. */
  async function streamed(params: object = {}, cancelAfterFirst = false): Promise<{ chunks: WorkspaceDocumentDiagnosticReport[][]; response: WorkspaceDiagnosticReport | ResponseError }> {
    const partialResultToken = `workspace-pull-${tokens++}`;
    const chunks: WorkspaceDocumentDiagnosticReport[][] = [];
    const cancel = new CancellationTokenSource();
    const listening = client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (chunk) => {
      chunks.push(chunk.items);
      if (cancelAfterFirst) cancel.cancel();
    });
    try {
      const response = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], ...params, partialResultToken }, cancel.token).catch((error: ResponseError) => error);
      return { chunks, response };
    } finally {
      listening.dispose();
    }
  }

  const byUri = (items: WorkspaceDocumentDiagnosticReport[]) => [...items].sort((a, b) => a.uri.localeCompare(b.uri));

  before(async () => {
    ws = createWorkspace();
    for (let i = 0; i < EXTRA_AGENTS; i++) ws.write(`.claude/agents/load/load-agent-${i}.md`, agent(i));
    // A child process, as an editor runs it: the client reads each chunk while the server works on the next.
    ({ client } = startChild('--stdio'));
    await client.initialize(FULL_CLIENT, ws.root);
    await client.open(ws.agents.developer, seed('000').text);
  });

  after(() => {
    client.dispose();
    ws.dispose();
  });

  it('sends every file once across several chunks, the same reports as one response, and an empty response', async () => {
    const whole = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.equal(whole.items.length, EXTRA_AGENTS + 4);
    const { chunks, response } = await streamed();
    assert.deepEqual(response, { items: [] });
    assert.equal(chunks.length, CHUNKS);
    assert.ok(
      chunks.every((chunk) => chunk.length > 0),
      'no empty chunk',
    );
    const items = chunks.flat();
    assert.equal(new Set(items.map((r) => r.uri)).size, items.length, 'each file once');
    assert.deepEqual(byUri(items), byUri(whole.items));
    const legacy = items.filter((r) => r.kind === 'full' && r.items.some((d) => d.code === 'legacy-tool'));
    assert.ok(legacy.length >= EXTRA_AGENTS / 3, `${legacy.length} files with legacy-tool`);
  });

  it('streams unchanged reports for the result ids the client still holds', async () => {
    const whole = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const previousResultIds = whole.items.map((r) => ({ uri: r.uri, value: r.resultId! }));
    const { chunks } = await streamed({ previousResultIds });
    const items = chunks.flat();
    assert.equal(items.length, whole.items.length);
    assert.deepEqual(new Set(items.map((r) => r.kind)), new Set(['unchanged']));
  });

  it('stops between chunks when the client cancels', async () => {
    const { chunks, response } = await streamed({}, true);
    assert.equal((response as ResponseError).code, LSPErrorCodes.ServerCancelled);
    // The cancellation reaches the server while it lints the next chunk or the one after.
    assert.ok(chunks.length >= 1 && chunks.length < CHUNKS, `${chunks.length} of ${CHUNKS} chunks before the cancellation took effect`);
  });
});
