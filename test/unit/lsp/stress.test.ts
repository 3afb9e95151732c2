// The server under editor-like load: thousands of rapid edits end with the
// diagnostics of the final text, and opening and closing thousands of documents
// does not keep them in memory.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startInProcess, type TestClient } from './harness';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const agent = (name: string, tool: string) => `---\nname: ${name}\ndescription: Load test agent.\ntools: Read, ${tool}\n---\n\n## When Invoked\n- Run the checks\n`;

describe('language server under load', () => {
  let ws: FixtureWorkspace;
  let client: TestClient;

  before(async () => {
    ws = createWorkspace();
    client = startInProcess();
    await client.initialize(FULL_CLIENT, ws.root);
  });

  after(() => {
    client.dispose();
    ws.dispose();
  });

  it('10,000 rapid didChange notifications end with the diagnostics of the final text', { timeout: 120_000 }, async () => {
    const uri = `${pathToFileURL(ws.root).href}/.claude/agents/churn.md`;
    await client.open(uri, agent('churn', 'Tool0'));
    const sent: Promise<void>[] = [];
    for (let i = 1; i <= 10_000; i++) sent.push(client.change(uri, agent('churn', `Tool${i}`)));
    await Promise.all(sent);
    const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const unknown = report.items.filter((d) => d.code === 'unknown-tool').map((d) => String(d.message).split('`')[1]);
    assert.deepEqual(unknown, ['Tool10000']);
    await client.close(uri);
  });

  it('opening and closing thousands of documents does not grow memory with them', { timeout: 120_000 }, async () => {
    const round = async (prefix: string) => {
      for (let i = 0; i < 1_000; i++) {
        const uri = `${pathToFileURL(ws.root).href}/.claude/agents/${prefix}-${i}.md`;
        await client.open(uri, agent(`${prefix}-${i}`, 'Grep') + 'Body text of a long agent file. '.repeat(200));
        await client.request('textDocument/diagnostic', { textDocument: { uri } });
        await client.close(uri);
      }
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const afterFirst = await round('first');
    const afterSecond = await round('second');
    const afterThird = await round('third');
    // Each round parses about 7 MB of text; holding it would add far more than this.
    const growth = Math.max(afterSecond, afterThird) - afterFirst;
    assert.ok(growth < 4 * 1024 * 1024, `heap grew by ${(growth / 1048576).toFixed(1)} MB over two more rounds`);
  });
});
