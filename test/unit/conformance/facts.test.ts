// The facts snapshot and its diff: what a run against another Claude Code version prints as
// changed (tools, old names, case verdicts and readings, file verdicts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFacts, diffFacts, observedRenames, refusalKind } from '../../../conformance/src/facts.js';
import type { FileAnswer, SpawnOutcome } from '../../../conformance/src/oracle.js';

const spawned = (tools: string[], model = 'claude-opus'): SpawnOutcome => ({ kind: 'spawned', model, tools });
const refused = (why: string): SpawnOutcome => ({ kind: 'refused', message: `Agent 'p' would be spawned with zero tools — refusing. Its tools list resolved to nothing: ${why} [X]. Fix it.` });

function facts(overrides: { all?: string[]; probes?: [string, SpawnOutcome][]; cases?: FileAnswer[]; files?: FileAnswer[] } = {}) {
  return buildFacts({
    version: '1.0.0',
    builtinAgents: ['Explore', 'Plan'],
    all: overrides.all ?? ['Agent', 'Read'],
    probes: new Map(
      overrides.probes ?? [
        ['Read', spawned(['Read'])],
        ['Task', spawned(['Agent'])],
        ['LS', refused('unrecognized')],
      ],
    ),
    cases: overrides.cases ?? [{ id: 'cases/a.md', loaded: true, agent: { name: 'a', description: 'd', model: 'OPUS' }, notes: [{ kind: 'unknown-keys', level: 'WARN', reason: '"x"' }], spawn: spawned(['Read', 'Agent']) }],
    layouts: [],
    files: overrides.files ?? [{ id: 'corpus/f.md', loaded: false, notes: [], dropReason: 'YAML Parse error' }],
  });
}

describe('conformance: facts', () => {
  it('records a case with its reading, and "all" when it got exactly the "*" tools', () => {
    const built = facts();
    assert.deepEqual(built.cases['cases/a.md'], { verdict: 'runs', name: 'a', description: 'd', model: 'OPUS', spawnModel: 'claude-opus', tools: 'all', notes: ['unknown-keys: "x"'] });
    assert.deepEqual(built.files['corpus/f.md'], { verdict: 'dropped', dropReason: 'YAML Parse error' });
    assert.deepEqual(built.tools.probes.LS, { refused: 'unrecognized' });
    assert.deepEqual(observedRenames(built), { Task: 'Agent' });
  });

  it('reads the refusal reason without the agent name', () => {
    assert.equal(
      refusalKind(refused('recognized but matched no tools in this session').kind === 'refused' ? (refused('recognized but matched no tools in this session') as { message: string }).message : ''),
      'recognized but matched no tools in this session',
    );
    assert.equal(refusalKind('something else'), 'something else');
  });

  it('no change, no lines', () => {
    assert.deepEqual(diffFacts(facts(), facts()), []);
  });

  it('prints new and removed tools, changed probes, old names, case readings and file verdicts', () => {
    const after = facts({
      all: ['Agent', 'Read', 'Glob'],
      probes: [
        ['Read', spawned(['Read'])],
        ['Task', refused('unrecognized')],
        ['LS', spawned(['Glob'])],
      ],
      cases: [{ id: 'cases/a.md', loaded: true, agent: { name: 'a', description: 'd', model: 'opus' }, notes: [], spawn: spawned(['Read']) }],
      files: [{ id: 'corpus/f.md', loaded: true, agent: { name: 'f' }, notes: [], spawn: spawned(['Read']) }],
    });
    const lines = diffFacts(facts(), after);
    assert.ok(lines.includes('tools of an agent with tools: "*": +Glob'), lines.join('\n'));
    assert.ok(lines.includes('tool LS: refused: unrecognized → spawned as Glob'));
    assert.ok(lines.includes('tool Task: spawned as Agent → refused: unrecognized'));
    assert.ok(lines.includes('old name LS: (not mapped) → Glob'));
    assert.ok(lines.includes('old name Task: Agent → (not mapped)'));
    assert.ok(
      lines.some((line) => line.startsWith('case cases/a.md: ') && line.includes('model OPUS → opus') && line.includes('tools all → ["Read"]')),
      lines.join('\n'),
    );
    assert.ok(lines.includes('file corpus/f.md: verdict dropped → runs; dropReason YAML Parse error → (none)'), JSON.stringify(lines));
  });
});
