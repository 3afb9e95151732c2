// crossFileKey (what the CLI cache keys a file's cross-file results on): whenever a
// file's key is the same in two workspaces, so are its diagnostics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService, parseAgent, type AgentDocument } from '../../../server/src/service';
import { crossFileKey } from '../../../server/src/service/diagnostics/workspaceChecks';
import { corpusFiles, allSeeds } from '../../support/fixtures';
import { affectsOthers, summarize } from '../../../server/src/service/workspace/workspaceIndex';

/** Keys and diagnostics of every document, indexed together with `extra`. */
function snapshot(docs: AgentDocument[], extra: AgentDocument[]): Map<string, { key: string; diagnostics: string }> {
  const service = createAgentService();
  for (const doc of [...docs, ...extra]) service.indexDocument(doc);
  return new Map(docs.map((doc) => [doc.uri, { key: crossFileKey(service.index.get(doc.uri)!, service.workspace), diagnostics: JSON.stringify(service.validate(doc)) }]));
}

describe('crossFileKey', () => {
  it('is the same only where the cross-file diagnostics are: agents renamed, added, removed, rules defined elsewhere', () => {
    const parse = (uri: string, text: string) => parseAgent(uri, 0, text);
    const named = (name: string, body = '') => `---\nname: ${name}\ndescription: x\n---\n${body}`;
    const base = [
      ...[...allSeeds(), ...corpusFiles().slice(0, 150)].map((f, i) => parse(`file:///ws/agents/${i}-${f.name.replace(/\W+/g, '-')}.md`, f.text)),
      parse('file:///ws/agents/refs.md', named('refs', 'Follow Rule 77 and Rule 78.\n## Cross-Agent Validation\n- code-reviewer: reviews\n')),
    ];
    // Names the seeds and corpus agents use and refer to, a second time.
    const twins = ['backend-architect', 'code-reviewer', 'security-auditor', 'test-automator', 'senior-backend-developer'].map((n) => parse(`file:///ws/agents/x-${n}.md`, named(n)));
    const variants: AgentDocument[][] = [
      [],
      twins,
      // The same, with one twin's name two lines further down.
      twins.map((d) => (d.uri.endsWith('x-backend-architect.md') ? parse(d.uri, d.text.replace('---\n', '---\n\n\n')) : d)),
      // Rules 1-20 and 77 defined elsewhere.
      [parse('file:///ws/agents/rules.md', named('rules', [...Array.from({ length: 20 }, (_, i) => i + 1), 77].map((n) => `**Rule ${n}: R**\n- b\n`).join('')))],
      // Near misses for "did you mean".
      ['code-reviewr', 'securty-auditor', 'backend-architec'].map((n) => parse(`file:///ws/agents/y-${n}.md`, named(n))),
    ];
    const snaps = variants.map((extra) => snapshot(base, extra));
    let compared = 0;
    let differing = 0;
    for (const a of snaps) {
      for (const b of snaps) {
        for (const [uri, x] of a) {
          const y = b.get(uri)!;
          if (x.key === y.key) {
            assert.equal(x.diagnostics, y.diagnostics, `${uri}: same key, different diagnostics`);
            compared++;
          } else differing++;
        }
      }
    }
    assert.ok(compared > 0 && differing > 0, `${compared} equal keys compared, ${differing} differing`);
  });
});

describe('affectsOthers and crossFileKey', () => {
  const named = (name: string, body = '', extra = '') => `---\nname: ${name}\ndescription: x\n${extra}---\n${body}`;
  const others = [
    parseAgent('file:///ws/.claude/agents/refs.md', 0, named('refs', 'Follow Rule 3 and Rule 4.\n## Cross-Agent Validation\n- editor: edits\n- editr: typo\n')),
    parseAgent('file:///ws/.claude/agents/twin.md', 0, named('editor')),
    parseAgent('file:///ws/.claude/agents/z.md', 0, named('z', '**Rule 4: Z**\n- z\n')),
  ];
  const EDITED = 'file:///ws/.claude/agents/editor.md';
  const edits = [
    named('editor', '**Rule 3: A**\n- a\n', 'proactive_triggers:\n  - x\n'),
    named('editor', '**Rule 3: A**\n- a\n', 'proactive_triggers:\n  - y\n'),
    named('editor', '**Rule 3: A**\n- a\nMore prose.\n', 'proactive_triggers:\n  - y\n'),
    named('editor', '**Rule 3: A**\n- a\n', 'color: blue\n'),
    `---\n\nname: editor\ndescription: x\n---\n**Rule 3: A**\n- a\n`,
    named('editor', '**Rule 5: A**\n- a\n'),
    named('editr', '**Rule 3: A**\n- a\n'),
    named('editor', '**Rule 3: A**\n- a\n**Rule 3: again**\n- b\n'),
  ].map((text) => parseAgent(EDITED, 0, text));

  it("agree: an edit that does not affect others leaves every other file's key and diagnostics as they were, and one that changes them affects others", () => {
    let quiet = 0;
    for (const before of edits) {
      for (const after of edits) {
        const [a, b] = [snapshot(others, [before]), snapshot(others, [after])];
        const changed = others.some((doc) => a.get(doc.uri)!.key !== b.get(doc.uri)!.key || a.get(doc.uri)!.diagnostics !== b.get(doc.uri)!.diagnostics);
        const affects = affectsOthers(summarize(before), summarize(after));
        if (changed) assert.ok(affects, `${JSON.stringify(before.text)} → ${JSON.stringify(after.text)} changes other files`);
        if (!affects) {
          assert.ok(!changed);
          quiet++;
        }
      }
    }
    assert.ok(quiet > edits.length, `${quiet} pairs that affect no other file`);
  });

  it('a changed trigger id affects no other file: its diagnostics do not read them', () => {
    assert.equal(affectsOthers(summarize(edits[0]), summarize(edits[1])), false);
  });
});
