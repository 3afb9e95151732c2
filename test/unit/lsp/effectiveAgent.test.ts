// What Claude Code will do with an agent, over LSP: the code lens on the first line,
// the hover on `name:`, and the user's ~/.claude/agents in name resolution.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeLens, Diagnostic, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver/node';
import { FULL_CLIENT, withWorkspaceServer, type TestClient } from './harness';

const REVIEWER = '---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Task, MultiEdit\nmodel: opus\ncolor: Blue\n---\n### Cross-Agent Validation\n- **helper**: checks the work\n';

async function codes(client: TestClient, uri: string): Promise<string[]> {
  const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return report.items.map((d: Diagnostic) => String(d.code));
}

/** A HOME holding ~/.claude/agents/helper.md, for the process the server runs in. */
function homeWithHelper(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'agentry-home-'));
  mkdirSync(path.join(home, '.claude', 'agents'), { recursive: true });
  writeFileSync(path.join(home, '.claude', 'agents', 'helper.md'), '---\nname: helper\ndescription: Helps.\n---\n');
  return home;
}

describe('the effective agent in the editor', () => {
  const home = process.env.HOME;
  process.env.HOME = homeWithHelper();
  process.on('exit', () => (process.env.HOME = home));

  it('a code lens on the first line says what Claude Code loads, with model, tools and what it ignores', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/reviewer.md', REVIEWER);
      await client.open(uri, REVIEWER);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 1);
      assert.equal(lenses[0].range.start.line, 0);
      assert.match(lenses[0].command!.title, /^Claude Code [\d.]+ loads reviewer · model opus · 3 tools, 2 ignored$/);
      const dropped = ws.write('.claude/agents/dropped.md', '---\nname: dropped\n---\n');
      await client.open(dropped, '---\nname: dropped\n---\n');
      const [lens] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: dropped } });
      assert.match(lens.command!.title, /drops this file/);
    });
  });

  it('the hover on name: adds the effective agent', async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/reviewer.md', REVIEWER);
      await client.open(uri, REVIEWER);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      const text = (hover.contents as MarkupContent).value;
      assert.match(text, /loads and runs `reviewer`/);
      assert.match(text, /tools: `Read`, `Grep`, `Agent`/);
      assert.match(text, /ignored: `color`, `tools`/);
    });
  });

  it("counts the user's own agents for names, unless agentry.userAgents is off", async () => {
    await withWorkspaceServer(async (ws, client) => {
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/reviewer.md', REVIEWER);
      ws.write('.claude/agents/other.md', '---\nname: other\ndescription: Another.\n---\n');
      await client.open(uri, REVIEWER);
      assert.ok(!(await codes(client, uri)).includes('unknown-agent-reference'));
    });
    await withWorkspaceServer(async (ws, client) => {
      client.settings = { userAgents: false };
      await client.initialize(FULL_CLIENT, ws.root);
      const uri = ws.write('.claude/agents/reviewer.md', REVIEWER);
      ws.write('.claude/agents/other.md', '---\nname: other\ndescription: Another.\n---\n');
      await client.open(uri, REVIEWER);
      assert.ok((await codes(client, uri)).includes('unknown-agent-reference'));
    });
  });
});
