// A long-running server agrees with a fresh one: the wire fuzz (random incremental edits,
// requests and cancellations) and the file-system property (random operations with their
// watched-file events), with fixed seeds and modest counts; `npm run fuzz` runs them long.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileSystemFuzz } from '../../fuzz/fileSystem';
import { wireFuzz } from '../../fuzz/wire';

const SLOW = { timeout: 120_000 };

describe('a long-running server agrees with a fresh one', () => {
  it('after random incremental edits, requests and cancellations (seed 20261201, 800 steps)', SLOW, async () => {
    const run = await wireFuzz(20_261_201, 800, 25);
    assert.ok(run.edits > 600 && run.cancellations > 0 && run.checkpoints === 33, JSON.stringify(run));
  });

  it('after random file-system operations and their watched-file events (seed 20261201, 60 sequences)', SLOW, async () => {
    const run = await fileSystemFuzz(20_261_201, 60, 16);
    assert.ok(run.sequences === 60 && run.events > 0, JSON.stringify(run));
  });
});
