// Skills in the server: read from the workspace, the folders above it and the
// user's ~/.claude/skills at start, and followed through watched-file changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, FullDocumentDiagnosticReport, Location } from 'vscode-languageserver-protocol';
import { createWorkspace, type FixtureWorkspace } from './fixtureWorkspace';
import { FULL_CLIENT, startInProcess, type TestClient } from './harness';

const SKILLED = '---\nname: skilled\ndescription: Uses skills.\nskills: changelog-entry, my-habits, late-skill\n---\nBody\n';

describe('skills in the language server', () => {
  let ws: FixtureWorkspace;
  let client: TestClient;
  let home: string;
  let agent: string;
  const homeBefore = process.env.HOME;
  const unknownSkills = async () =>
    ((await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: agent } })).items as Diagnostic[])
      .filter((d) => d.code === 'unknown-skill')
      .map((d) => /No skill `([^`]+)`/.exec(String(d.message))![1]);
  const changed = async (uri: string, type: 1 | 2 | 3) => {
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
    await refreshed;
  };
  const userSkill = () => path.join(home, '.claude', 'skills', 'my-habits', 'SKILL.md');

  before(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'agentry-home-'));
    mkdirSync(path.dirname(userSkill()), { recursive: true });
    writeFileSync(userSkill(), '---\nname: my-habits\ndescription: How I like things.\n---\n');
    process.env.HOME = home;
    ws = createWorkspace();
    ws.write('.claude/skills/changelog-entry/SKILL.md', '---\nname: changelog-entry\ndescription: Writes a CHANGELOG entry.\n---\n');
    agent = ws.write('.claude/agents/skilled.md', SKILLED);
    client = startInProcess();
    await client.initialize(FULL_CLIENT, ws.root);
    await client.open(agent, SKILLED);
  });

  after(() => {
    client.dispose();
    ws.dispose();
    rmSync(home, { recursive: true, force: true });
    process.env.HOME = homeBefore;
  });

  it('knows the project and user skills it found at start', async () => {
    assert.deepEqual(await unknownSkills(), ['late-skill']);
  });

  it('follows a skill created, and one deleted, in the workspace', async () => {
    await changed(ws.write('.claude/skills/late-skill/SKILL.md', '---\nname: late-skill\n---\n'), 1);
    assert.deepEqual(await unknownSkills(), []);
    const entry = ws.file('.claude/skills/changelog-entry/SKILL.md');
    unlinkSync(entry);
    await changed(pathToFileURL(entry).href, 3);
    assert.deepEqual(await unknownSkills(), ['changelog-entry']);
  });

  it("follows the user's skills outside the workspace", async () => {
    unlinkSync(userSkill());
    await changed(pathToFileURL(userSkill()).href, 3);
    assert.ok((await unknownSkills()).includes('my-habits'));
  });

  it('follows a skill folder deleted as a whole (one event for the folder)', async () => {
    const folder = ws.file('.claude/skills/late-skill');
    ws.write('.claude/skills/late-skill/SKILL.md', '---\nname: late-skill\n---\n');
    await changed(ws.uri('.claude/skills/late-skill/SKILL.md'), 2);
    assert.ok(!(await unknownSkills()).includes('late-skill'));
    rmSync(folder, { recursive: true });
    await changed(pathToFileURL(folder).href, 3);
    assert.ok((await unknownSkills()).includes('late-skill'));
    ws.write('.claude/skills/late-skill/SKILL.md', '---\nname: late-skill\n---\n');
    await changed(pathToFileURL(folder).href, 1);
    assert.ok(!(await unknownSkills()).includes('late-skill'));
  });

  it('goes to the SKILL.md of a skill', async () => {
    const line = SKILLED.split('\n').findIndex((l) => l.startsWith('skills:'));
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: agent }, position: { line, character: SKILLED.split('\n')[line].indexOf('late-skill') + 2 } });
    assert.deepEqual(
      locations.map((l) => l.uri),
      [ws.uri('.claude/skills/late-skill/SKILL.md')],
    );
  });
});
