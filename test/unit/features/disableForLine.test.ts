// "Disable <code> for this line": on every diagnostic of every seed, the comment silences
// that diagnostic and no other, inserts one line and changes nothing else, and Claude Code
// reads the agent as before; where the comment would change its reading, no fix is offered.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, createAgentService, DEFAULT_SETTINGS, type AgentDocument } from '../../../server/src/service';
import { effectiveAgent } from '../../../server/src/service/claude/effectiveAgent';
import { codeActions } from '../../../server/src/service/features/fixes/codeActions';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { disableForLine } from '../../../server/src/service/features/fixes/disableForLine';
import { allSeeds, corpusFiles } from '../../support/fixtures';
import { AGENTS } from './helpers';

const service = createAgentService();
const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;

function check(doc: AgentDocument): Diagnostic[] {
  return service.validate(doc);
}

function disable(text: string, line: number, code: string, uri = `${AGENTS}/a.md`) {
  const doc = service.parse(uri, 1, text);
  const diagnostic = check(doc).find((d) => d.code === code && d.range.start.line === line);
  assert.ok(diagnostic, `no ${code} on line ${line}: ${check(doc).map(key).join(', ')}`);
  const fix = disableForLine(doc, diagnostic);
  return { doc, fix, text: fix && applyEdits(text, fix.edits) };
}

/** Applies the fix of every diagnostic of `doc` in turn and checks it; returns how many were offered. */
function checkEveryDisable(doc: AgentDocument): number {
  const before = check(doc);
  const agent = JSON.stringify(effectiveAgent(doc, DEFAULT_SETTINGS));
  let offered = 0;
  for (const diagnostic of before) {
    const fix = disableForLine(doc, diagnostic);
    if (!fix) continue;
    offered++;
    assert.equal(fix.title, `Disable \`${diagnostic.code}\` for this line`);
    assert.equal(fix.auto, false, 'never applied by fix-all');
    const text = applyEdits(doc.text, fix.edits);
    const inserted = fix.edits[0].newText;
    // One line more (or a code added to a directive), nothing removed.
    const at = doc.textDocument.offsetAt(fix.edits[0].range.start);
    assert.equal(text, doc.text.slice(0, at) + inserted + doc.text.slice(at));
    const fixed = service.parse(`${doc.uri}.disabled`, 1, text);
    const shift = inserted.endsWith(doc.lineEnding) ? 1 : 0;
    const insertedAt = fix.edits[0].range.start.line;
    const moved = (d: Diagnostic) => `${d.code}@${d.range.start.line + (d.range.start.line >= insertedAt ? shift : 0)}:${d.range.start.character}`;
    // Exactly the diagnostics of that code on that line are gone; every other one is still there.
    const expected = before
      .filter((d) => d.code !== diagnostic.code || d.range.start.line !== diagnostic.range.start.line)
      .map(moved)
      .sort();
    assert.deepEqual(check(fixed).map(key).sort(), expected, `${doc.uri}: after disabling ${key(diagnostic)}`);
    assert.equal(JSON.stringify(effectiveAgent(fixed, DEFAULT_SETTINGS)), agent, `${doc.uri}: Claude Code reads the agent otherwise after ${key(diagnostic)}`);
    service.forget(fixed.uri);
  }
  return offered;
}

describe('disable for this line: every diagnostic of every seed and corpus file', () => {
  for (const seed of allSeeds()) {
    it(seed.name, () => {
      const doc = service.parse(`${AGENTS}/${seed.name.replace(/\.txt$/, '')}.md`, 1, seed.text);
      assert.ok(checkEveryDisable(doc) > 0, 'offered on no diagnostic');
    });
  }

  it('the corpus: silences exactly its diagnostic, and Claude Code reads every agent as before', () => {
    let offered = 0;
    for (const [i, file] of corpusFiles().entries()) offered += checkEveryDisable(service.parse(`${AGENTS}/corpus-${i}.md`, 1, file.text));
    assert.ok(offered > 1000, `${offered} fixes offered`);
  });
});

describe('disable for this line: where the comment goes', () => {
  it("in the frontmatter, a YAML comment with the line's indentation; Claude Code reads the same keys", () => {
    const text = '---\nname: a\ndescription: Does a.\ntools:\n  - Read\n  - Reed\n---\nBody.\n';
    const { fix, text: fixed } = disable(text, 5, 'unknown-tool');
    assert.equal(fix!.edits[0].newText, '  # agentry-disable-next-line unknown-tool\n');
    assert.equal(fixed, '---\nname: a\ndescription: Does a.\ntools:\n  - Read\n  # agentry-disable-next-line unknown-tool\n  - Reed\n---\nBody.\n');
    const doc = service.parse(`${AGENTS}/a.md`, 2, fixed!);
    assert.deepEqual(
      check(doc).filter((d) => d.code === 'unknown-tool'),
      [],
    );
    assert.deepEqual(doc.frontmatter!.fields.find((f) => f.key === 'tools')!.value, ['Read', 'Reed']);
  });

  it("in the body, an HTML comment with the line's indentation, keeping CRLF", () => {
    const text = '---\r\nname: a\r\ndescription: Does a.\r\n---\r\n- item\r\n  - see Rule 9\r\n';
    const { fix, text: fixed } = disable(text, 5, 'undefined-rule-reference');
    assert.equal(fix!.edits[0].newText, '  <!-- agentry-disable-next-line undefined-rule-reference -->\r\n');
    assert.ok(fixed!.includes('- item\r\n  <!-- agentry-disable-next-line undefined-rule-reference -->\r\n  - see Rule 9\r\n'));
    assert.deepEqual(
      check(service.parse(`${AGENTS}/a.md`, 2, fixed!)).filter((d) => d.code === 'undefined-rule-reference'),
      [],
    );
  });

  it('adds the code to a directive already on the line above', () => {
    const text = '---\nname: a\ndescription: Does a.\n---\n<!-- agentry-disable-next-line mojibake -->\nSee Rule 9 ðŸš¨\n';
    const { fix, text: fixed } = disable(text, 5, 'undefined-rule-reference');
    assert.equal(fix!.edits[0].newText, ' undefined-rule-reference');
    assert.ok(fixed!.includes('<!-- agentry-disable-next-line mojibake undefined-rule-reference -->\nSee Rule 9'));
    const codes = check(service.parse(`${AGENTS}/a.md`, 2, fixed!)).map((d) => d.code);
    assert.ok(!codes.includes('undefined-rule-reference') && !codes.includes('mojibake'), codes.join(', '));
  });

  it('is not offered where a comment line would change the value Claude Code reads (inside a block scalar)', () => {
    const text = '---\nname: a\ndescription: |\n  Does a.\n  Uses ðŸš¨ a lot.\n---\nBody.\n';
    const { fix } = disable(text, 4, 'mojibake');
    assert.equal(fix, undefined);
  });

  it('is not offered on the first line', () => {
    const doc = service.parse(`${AGENTS}/a.md`, 1, 'No frontmatter here.\n');
    const diagnostic = check(doc).find((d) => d.code === 'frontmatter-missing')!;
    assert.equal(disableForLine(doc, diagnostic), undefined);
  });

  it('is a quick fix of its own next to the others, never part of fix-all', () => {
    const doc = service.parse(`${AGENTS}/a.md`, 1, '---\nname: a\ndescription: Does a.\ntools: Read, Reed\n---\nBody.\n');
    const diagnostics = check(doc);
    const reed = diagnostics.filter((d) => d.code === 'unknown-tool');
    const actions = codeActions(doc, service, { diagnostics: reed, allDiagnostics: diagnostics }, { documentChanges: false, renameFiles: false }, NOT_CANCELLED) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to `Read`', 'Disable `unknown-tool` for this line'],
    );
    const edits = actions[1].edit!.changes![doc.uri] as TextEdit[];
    assert.equal(applyEdits(doc.text, edits), '---\nname: a\ndescription: Does a.\n# agentry-disable-next-line unknown-tool\ntools: Read, Reed\n---\nBody.\n');
    assert.deepEqual(service.fixAll(doc, diagnostics), []);
  });
});
