// The server's index cache over the wire: a server started again on the same folder
// takes unchanged files' summaries from the cache, re-reads changed ones, and gives
// the same answers as a server that parsed everything.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seed } from '../../support/fixtures';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startInProcess, type TestClient } from './harness';

const INDEXED = /^Indexed (\d+) agent files? of .* \((\d+) parsed, (\d+) from the index cache\)/;

describe('index cache', () => {
  let ws: FixtureWorkspace;
  let cacheFolder: string;
  let client: TestClient | undefined;

  before(() => {
    ws = createWorkspace();
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'agentry-index-cache-'));
  });
  after(() => {
    ws.dispose();
    rmSync(cacheFolder, { recursive: true, force: true });
  });
  afterEach(() => client?.dispose());

  /** Starts a server on the workspace; returns its "Indexed" counts: [agents, parsed, from cache]. */
  async function start(build: string | undefined, options: unknown = { cacheFolder }): Promise<number[]> {
    client = startInProcess(build);
    await client.initialize(FULL_CLIENT, ws.root, options);
    const line = await client.nextLog(/^Indexed /);
    const match = INDEXED.exec(line);
    assert.ok(match, line);
    return match.slice(1).map(Number);
  }

  const diagnosticsOf = async (uri: string, text = seed('000').text): Promise<Diagnostic[]> => {
    await client!.open(uri, text);
    return ((await client!.request('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  };

  it('parses every agent the first time and none the second, with the same answers', async () => {
    const reviewerText = readFileSync(ws.file('.claude/agents/expert-code-reviewer.md'), 'utf8');
    const answers = async () => ({
      developer: await diagnosticsOf(ws.agents.developer),
      // Its `Agent(senior-backend-developer)` resolves only through the index.
      reviewer: await diagnosticsOf(ws.agents.reviewer, reviewerText),
      // Go to definition of that name: the developer file, found through the index.
      // Rule 18 is defined in the developer file: its title comes from the index.
      ruleHover: await client!.request('textDocument/hover', { textDocument: { uri: ws.agents.reviewer }, position: { line: 8, character: reviewerText.split('\n')[8].indexOf('Rule 18') + 5 } }),
      definition: await client!.request('textDocument/definition', { textDocument: { uri: ws.agents.reviewer }, position: { line: 3, character: reviewerText.split('\n')[3].indexOf('senior-backend') + 2 } }),
    });
    assert.deepEqual(await start('build-1'), [4, 4, 0]);
    const first = await answers();
    assert.ok(!first.reviewer.some((d) => d.code === 'unknown-agent-reference'), 'the reference resolves');
    assert.ok(JSON.stringify(first.definition).includes('senior-backend-developer.md'));
    assert.match(JSON.stringify(first.ruleHover), /Mandatory Documentation Review/);
    client!.dispose();

    assert.deepEqual(await start('build-1'), [4, 0, 4]);
    assert.deepEqual(await answers(), first);
  });

  it('reads a changed file again and sees its new content', async () => {
    await start('build-1');
    client!.dispose();
    ws.write('.claude/agents/expert-code-reviewer.md', seed('001').text.replace(/^name: .*$/m, 'name: senior-backend-developer'));
    assert.deepEqual(await start('build-1'), [4, 1, 3]);
    const codes = (await diagnosticsOf(ws.agents.developer)).map((d) => d.code);
    assert.ok(codes.includes('duplicate-agent-name'), `the renamed agent now duplicates the open one: ${codes.join(', ')}`);
  });

  it('is not used by another build, nor when the client turns it off', async () => {
    assert.deepEqual(await start('build-2'), [4, 4, 0]);
    client!.dispose();
    const empty = mkdtempSync(path.join(tmpdir(), 'agentry-no-cache-'));
    try {
      assert.deepEqual(await start('build-2', { cacheFolder: null }), [4, 4, 0]);
      assert.deepEqual(await start(undefined, { cacheFolder: empty }), [4, 4, 0]);
      assert.deepEqual(readdirSync(empty), [], 'a server without a build writes no cache');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('indexes all the same when the cache folder cannot be written, and says why', async () => {
    const notAFolder = path.join(cacheFolder, 'plain-file');
    writeFileSync(notAFolder, '');
    assert.deepEqual(await start('build-4', { cacheFolder: path.join(notAFolder, 'cache') }), [4, 4, 0]);
    assert.match(await client!.nextLog(/^Cannot write the index cache/), /ENOTDIR|EEXIST|not a directory/);
    const codes = (await diagnosticsOf(ws.agents.developer)).map((d) => d.code);
    assert.ok(codes.length > 0);
  });

  it('ignores a damaged cache file and writes a good one', async () => {
    await start('build-3');
    client!.dispose();
    const [file] = readdirSync(cacheFolder).filter((f) => f.startsWith('index-'));
    assert.ok(file && existsSync(path.join(cacheFolder, file)));
    writeFileSync(path.join(cacheFolder, file), '{"format":1,"records":');
    assert.deepEqual(await start('build-3'), [4, 4, 0]);
    client!.dispose();
    assert.deepEqual(await start('build-3'), [4, 0, 4]);
  });

  it('indexes every file under .claude/agents, frontmatter or not, and no docs page with frontmatter, cached or not', async () => {
    ws.write('.claude/agents/draft.md', '# Draft, no frontmatter yet\n');
    ws.write('docs/agents/overview.md', '---\ntitle: Agents\nsidebar_position: 2\n---\n# Agents\n');
    try {
      assert.deepEqual(await start('build-5'), [5, 5, 0]);
      client!.dispose();
      assert.deepEqual(await start('build-5'), [5, 0, 5]);
    } finally {
      rmSync(ws.file('.claude/agents/draft.md'));
      rmSync(ws.file('docs'), { recursive: true });
    }
  });
});
