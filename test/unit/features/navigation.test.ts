// Definition, references and rename for `Rule N` and agent names, across files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definition } from '../../../server/src/service/features/navigation/definition';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { references } from '../../../server/src/service/features/navigation/references';
import { prepareRename, renameAgent } from '../../../server/src/service/features/navigation/rename';
import { agentUri, workspace, type WorkspaceOptions } from './helpers';

const RULES = { uri: 'file:///ws/CLAUDE.md', text: '# Rules\n**Rule 3: Analyze**\n- read\nRule 3 again.\n' };
const REVIEWER = agentUri('code-reviewer');
const TESTER = agentUri('test-runner');
const OTHERS = {
  [REVIEWER]: '---\nname: code-reviewer\ndescription: Reviews.\n---\n**Rule 7: Review**\n- all\n\nKeep Rule 7 and Rule 3.\n',
  [TESTER]: '---\nname: test-runner\ndescription: Tests.\ntools: Read, Agent(code-reviewer)\n---\nApply Rule 7.\n\n### Cross-Agent Validation\n- **code-reviewer**: review\n',
};
const OPTIONS: WorkspaceOptions = { others: OTHERS, rulesDocument: RULES };

function where(locations: Location[]): string[] {
  return locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();
}

describe('definition', () => {
  it('goes from `Rule N` to this file first, then the rules document, then another agent', () => {
    let ws = workspace('---\nname: a\n---\n**Rule 3: Mine**\n- x\nSee Rule |3.\n', undefined, OPTIONS);
    assert.deepEqual(where(definition(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)), ['test-agent.md:3:0']);
    ws = workspace('---\nname: a\n---\nSee Rule |3.\n', undefined, OPTIONS);
    assert.deepEqual(where(definition(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)), ['CLAUDE.md:1:0']);
    ws = workspace('---\nname: a\n---\nSee Rule |7.\n', undefined, OPTIONS);
    assert.deepEqual(where(definition(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)), ['code-reviewer.md:4:0']);
  });

  it('goes from an agent name (Cross-Agent item or Agent(…)) to its `name:` value', () => {
    const ws = workspace('---\nname: a\ntools: Agent(code-|reviewer)\n---\n', undefined, OPTIONS);
    assert.deepEqual(where(definition(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)), ['code-reviewer.md:1:6']);
  });
});

describe('references', () => {
  it('finds the references of a rule that resolve to the same definition, across files', () => {
    const ws = workspace('---\nname: a\n---\nSee Rule |7.\n', undefined, OPTIONS);
    assert.deepEqual(where(references(ws.doc, ws.position, ws.ctx, true, NOT_CANCELLED)), ['code-reviewer.md:4:0', 'code-reviewer.md:7:5', 'test-agent.md:3:4', 'test-runner.md:5:6']);
  });

  it('leaves out references that resolve to another definition', () => {
    const ws = workspace('---\nname: a\n---\nSee Rule |3.\n', undefined, OPTIONS);
    const found = where(references(ws.doc, ws.position, ws.ctx, false, NOT_CANCELLED));
    assert.deepEqual(found, ['CLAUDE.md:3:0', 'code-reviewer.md:7:16', 'test-agent.md:3:4']);
  });

  it('finds every mention of an agent name, with the declaration when asked', () => {
    const ws = workspace('---\nname: a\n---\n### Cross-Agent Validation\n- **code-|reviewer**: x\n', undefined, OPTIONS);
    assert.deepEqual(where(references(ws.doc, ws.position, ws.ctx, false, NOT_CANCELLED)), ['test-agent.md:4:4', 'test-runner.md:3:19', 'test-runner.md:8:4']);
    assert.equal(references(ws.doc, ws.position, ws.ctx, true, NOT_CANCELLED).length, 4);
  });

  it('stops when cancelled', () => {
    const ws = workspace('---\nname: a\n---\nSee Rule |7.\n', undefined, OPTIONS);
    assert.deepEqual(references(ws.doc, ws.position, ws.ctx, true, { isCancellationRequested: true }), []);
  });
});

describe('rename', () => {
  it('renames an agent in its `name:` and every reference of every agent file', () => {
    const ws = workspace(OTHERS[REVIEWER].replace('name: code-reviewer', 'name: code-rev|iewer'), REVIEWER, { others: { [TESTER]: OTHERS[TESTER] } });
    assert.deepEqual(prepareRename(ws.doc, ws.position)?.placeholder, 'code-reviewer');
    const result = renameAgent(ws.doc, ws.position, 'reviewer', ws.ctx, NOT_CANCELLED);
    assert.ok(result && 'edit' in result);
    const changes = result.edit.changes!;
    const apply = (uri: string, text: string) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), changes[uri] as TextEdit[]);
    assert.match(apply(REVIEWER, ws.doc.text), /^---\nname: reviewer\n/);
    const tester = apply(TESTER, OTHERS[TESTER]);
    assert.match(tester, /tools: Read, Agent\(reviewer\)/);
    assert.match(tester, /- \*\*reviewer\*\*: review/);
  });

  it('renames only the agent under the cursor when names collide, and references only when they resolve to it', () => {
    // Claude Code uses backend-architect.md: within one agents folder the alphabetically last path wins.
    const winner = agentUri('backend-architect');
    const loser = agentUri('backend-architect-v1');
    const agent = '---\nname: backend-architect\ndescription: Designs.\n---\n';
    const referrer = '---\nname: test-runner\ndescription: x\n---\n### Cross-Agent Validation\n- **backend-architect**: design\n';
    const files = { [winner]: agent, [loser]: agent, [TESTER]: referrer };
    const renamed = (uri: string, source: string) => {
      const others = Object.fromEntries(Object.entries(files).filter(([u]) => u !== uri));
      const ws = workspace(source, uri, { others });
      const result = renameAgent(ws.doc, ws.position, 'api-architect', ws.ctx, NOT_CANCELLED);
      assert.ok(result && 'edit' in result);
      return Object.keys(result.edit.changes!)
        .map((u) => u.slice(u.lastIndexOf('/') + 1))
        .sort();
    };
    const atName = agent.replace('name: backend-arch', 'name: backend-arch|');
    assert.deepEqual(renamed(winner, atName), ['backend-architect.md', 'test-runner.md']);
    assert.deepEqual(renamed(loser, atName), ['backend-architect-v1.md']);
    assert.deepEqual(renamed(TESTER, referrer.replace('**backend-arch', '**backend-arch|')), ['backend-architect.md', 'test-runner.md']);
  });

  it('refuses an invalid name and does nothing off a name', () => {
    const ws = workspace('---\nname: a|bc\n---\n');
    assert.deepEqual(renameAgent(ws.doc, ws.position, 'Bad Name', ws.ctx, NOT_CANCELLED), { error: '`Bad Name` is not a valid agent name: use lowercase letters, digits and hyphens.' });
    const taken = workspace(OTHERS[REVIEWER].replace('name: code-reviewer', 'name: code-rev|iewer'), REVIEWER, { others: { [TESTER]: OTHERS[TESTER] } });
    assert.deepEqual(renameAgent(taken.doc, taken.position, 'test-runner', taken.ctx, NOT_CANCELLED), { error: 'An agent named `test-runner` already exists.' });
    const off = workspace('---\nname: abc\n---\nte|xt\n');
    assert.equal(prepareRename(off.doc, off.position), undefined);
  });
});
