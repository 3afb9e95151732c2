// The conformance harness's reading of Claude Code's debug log: which file each line is about,
// what kind of note it is, and the reason a dropped file gets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classify, dropReason, notesByAgentName, notesByFile, parseLog } from '../../../conformance/src/debugLog.js';
import { joinLines } from '../../support/lines';

const DIR = '/tmp/run-1/project/.claude/agents';
const LOG = joinLines(
  '2026-12-01T09:58:31.413Z [DEBUG] MDM settings load completed in 0ms',
  `2026-12-01T09:58:31.520Z [WARN] Agent file ${DIR}/a.md has a frontmatter key Claude Code does not recognize or apply: "foo"`,
  `2026-12-01T09:58:31.520Z [ERROR] Agent file ${DIR}/bad.md: Missing required "description" field in frontmatter`,
  `2026-12-01T09:58:31.520Z [DEBUG] Failed to parse agent from ${DIR}/bad.md: Missing required "description" field in frontmatter`,
  `2026-12-01T10:00:48.547Z [WARN] Failed to parse YAML frontmatter in ${DIR}/aa.md: YAML Parse error: Unexpected token`,
  `2026-12-01T10:00:48.547Z [ERROR] YAML frontmatter in ${DIR}/aa.md failed to parse and was ignored: YAML Parse error: Unexpected token`,
  `2026-12-01T10:00:48.569Z [WARN] Agent file ${DIR}/y10.md has frontmatter keys Claude Code does not recognize or apply: "PreToolUse", "allowed-tools" (did you mean "tools"?)`,
  `2026-12-01T10:00:48.569Z [DEBUG] Agent file ${DIR}/y10.md has invalid permissionMode 'weird'. Valid options: acceptEdits, auto`,
  '2026-12-01T10:00:48.569Z [ERROR] Agent \'y10\': PreToolUse/PermissionRequest is declared at the frontmatter top level, outside "hooks"',
  `2026-12-01T10:00:48.570Z [DEBUG] Failed to parse agent from ${DIR}/y10.md: Unknown parsing error`,
  `2026-12-01T10:00:49.000Z [DEBUG] loadMarkdownFilesFromDir: skipping ${DIR}/big.md: not a regular file or exceeds 1048576 byte limit`,
  '2026-12-01T10:00:50.000Z [ERROR] a message that goes on',
  'over a second line',
);

describe('conformance: debug log', () => {
  it('joins continuation lines to the entry they continue', () => {
    const entries = parseLog(LOG);
    assert.equal(entries.length, 12);
    assert.equal(entries.at(-1)!.message, 'a message that goes on\nover a second line');
    assert.equal(entries[1].level, 'WARN');
  });

  it('attributes a line to the longest path it names, never a.md to aa.md', () => {
    const notes = notesByFile(parseLog(LOG), [`${DIR}/a.md`, `${DIR}/aa.md`, `${DIR}/bad.md`, `${DIR}/y10.md`, `${DIR}/big.md`, `${DIR}/quiet.md`]);
    assert.deepEqual(
      notes.get(`${DIR}/a.md`)!.map((note) => note.kind),
      ['unknown-keys'],
    );
    assert.deepEqual(
      notes.get(`${DIR}/aa.md`)!.map((note) => note.kind),
      ['yaml-strict-failed', 'yaml-failed'],
    );
    assert.deepEqual(notes.get(`${DIR}/quiet.md`), []);
  });

  it('gives the reason a user would see for a drop, and none for a silent one', () => {
    const notes = notesByFile(parseLog(LOG), [`${DIR}/bad.md`, `${DIR}/aa.md`, `${DIR}/big.md`, `${DIR}/a.md`]);
    assert.equal(dropReason(notes.get(`${DIR}/bad.md`)!), 'Missing required "description" field in frontmatter');
    assert.equal(dropReason(notes.get(`${DIR}/aa.md`)!), 'YAML Parse error: Unexpected token');
    assert.equal(dropReason(notes.get(`${DIR}/big.md`)!), 'not a regular file or exceeds 1048576 byte limit');
    assert.equal(dropReason(notes.get(`${DIR}/a.md`)!), undefined);
  });

  it('classifies unknown keys (one or several) and invalid values', () => {
    const file = `${DIR}/y10.md`;
    const notes = notesByFile(parseLog(LOG), [file]).get(file)!;
    assert.deepEqual(
      notes.map((note) => note.kind),
      ['unknown-keys', 'invalid-value', 'dropped'],
    );
    assert.equal(notes[0].reason, '"PreToolUse", "allowed-tools" (did you mean "tools"?)');
    assert.match(notes[1].reason, /^invalid permissionMode 'weird'/);
    assert.deepEqual(classify(`something else about ${file}`, file), { kind: 'other', reason: `something else about ${file}` });
  });

  it('reads messages about an agent by name', () => {
    const byName = notesByAgentName(parseLog(LOG));
    assert.deepEqual([...byName.keys()], ['y10']);
    assert.match(byName.get('y10')![0], /declared at the frontmatter top level/);
  });

  it('survives a log that is empty, truncated or not a log at all', () => {
    assert.deepEqual(parseLog(''), []);
    assert.deepEqual(parseLog('no timestamp here\nnor here'), []);
    assert.equal(parseLog('2026-12-01T09:58:31.413Z [DEBUG]').length, 1);
  });
});
