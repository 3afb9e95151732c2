// What a run prints: the per-category table with every disagreement listed (allowed ones with
// their reason), and the differences between Agentry's tool catalog and what Claude Code gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogDifferences, formatComparison } from '../../../conformance/src/report.js';
import type { Comparison } from '../../../conformance/src/compare.js';
import type { Facts } from '../../../conformance/src/facts.js';

describe('conformance: report', () => {
  it('prints a row per checked category and lists each disagreement', () => {
    const comparison: Comparison = {
      checked: { verdict: 3, loads: 0, name: 2, description: 0, model: 0, runs: 0, tools: 0, ignored: 0, winner: 0 },
      disagreements: [
        { id: 'a.md', category: 'verdict', claudeCode: 'dropped', agentry: 'no error' },
        { id: 'b.md', category: 'name', claudeCode: '"x"', agentry: '"y"' },
      ],
    };
    const text = formatComparison(comparison, {
      allowed: [{ ...comparison.disagreements[1], reason: 'known difference' }],
      unexplained: [comparison.disagreements[0]],
      unused: [{ file: 'old.md', category: 'verdict', reason: 'no longer needed' }],
    });
    const rows = text.split('\n');
    assert.match(rows[0], /^category\s+checked\s+agree\s+disagree \(allowed\)\s+disagree$/);
    assert.match(rows[2], /^verdict\s+3\s+2\s+0\s+1$/);
    assert.match(rows[3], /^name\s+2\s+1\s+1\s+0$/);
    assert.ok(!text.includes('loads '), 'categories nothing checked are left out');
    assert.match(text, /not in the allow-list \(1\):\n {2}\[verdict\] a\.md\n {6}Claude Code: dropped\n {6}Agentry: {5}no error/);
    assert.match(text, /allowed: {5}known difference/);
    assert.match(text, /matched nothing \(1; remove them\):\n {2}\[verdict\] old\.md/);
  });

  it('lists tools one side has and the other lacks, and old names mapped differently', () => {
    const facts = {
      tools: {
        all: ['Agent', 'Read', 'ListAgents'],
        probes: {
          Read: { spawned: ['Read'] },
          Glob: { spawned: ['Glob'] },
          TeamCreate: { refused: 'unrecognized' },
          Workflow: { refused: 'not available to subagents' },
          ScheduleWakeup: { refused: 'not available to subagents' },
          Task: { spawned: ['Agent'] },
          ListPeers: { spawned: ['ListAgents'] },
          LS: { refused: 'unrecognized' },
        },
      },
    } as unknown as Facts;
    const lines = catalogDifferences({ source: 'c', tools: ['Agent', 'Read', 'TeamCreate', 'Glob', 'Workflow', 'ScheduleWakeup'], oldNames: { Task: 'Agent', LS: 'Glob' }, notForSubagents: ['ScheduleWakeup'] }, facts);
    assert.deepEqual(lines, [
      "Claude Code gives ListAgents; Agentry's catalog does not list it",
      "Agentry lists Workflow; Claude Code refuses an agent with only it (not available to subagents), and Agentry's catalog does not say so",
      'Agentry lists 1 tools Claude Code calls unrecognized for a subagent of this headless session (unknown, or not offered here): TeamCreate',
      'Claude Code maps ListPeers to ListAgents; Agentry does not know the old name',
      'Agentry maps LS to Glob; Claude Code does not (unrecognized)',
    ]);
  });
});
