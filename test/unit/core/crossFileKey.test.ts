// crossFileKey (what the CLI cache keys a file's cross-file results on): whenever a
// file's key is the same in two workspaces, so are its diagnostics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService, DEFAULT_SETTINGS, parseAgent, type AgentDocument } from '../../../server/src/service';
import { crossFileKey } from '../../../server/src/service/diagnostics/workspaceChecks';
import { corpusFiles, allSeeds } from '../../support/fixtures';

/** Keys and diagnostics of every document, indexed together with `extra`. */
function snapshot(docs: AgentDocument[], extra: AgentDocument[]): Map<string, { key: string; diagnostics: string }> {
  const service = createAgentService();
  for (const doc of [...docs, ...extra]) service.indexDocument(doc);
  return new Map(
    docs.map((doc) => [doc.uri, { key: crossFileKey(service.index.get(doc.uri)!, service.workspace), diagnostics: JSON.stringify(service.validate(doc, DEFAULT_SETTINGS)) }]),
  );
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
