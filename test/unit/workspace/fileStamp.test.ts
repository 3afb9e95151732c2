// Cache files written a member at a time read back as the same JSON.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeJsonAtomic, writeJsonMembersAtomic } from '../../../server/src/workspace/fileStamp';

describe('writeJsonMembersAtomic', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'agentry-stamp-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const roundTrip = (data: Record<string, unknown>, key: string) => {
    const file = path.join(folder, 'cache.json');
    writeJsonMembersAtomic(file, data, key);
    return JSON.parse(readFileSync(file, 'utf8'));
  };

  it('writes many members across chunks, with the other fields before or after them', () => {
    const records: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) records[`/ws/agents/a "${i}".md`] = { stat: [i, 1.5, 2, 3], hash: 'x'.repeat(40), summary: { name: `agent-${i}`, rules: [] } };
    const data = { format: 1, records, root: '/ws', startedAt: 5 };
    assert.deepEqual(roundTrip(data, 'records'), data);
  });

  it('writes ASCII, which reads back as the same text outside ASCII (accents, dashes, emoji, lone surrogates)', () => {
    const data = { root: '/ws/café', records: { '/ws/café/a—b.md': { summary: { description: 'Pins 📌 rules — naïve \ud800 \u2028 end' } } } };
    assert.deepEqual(roundTrip(data, 'records'), data);
    const bytes = readFileSync(path.join(folder, 'cache.json'));
    assert.ok(bytes.every((byte) => byte < 0x80));
  });

  it('writes a whole file (the CLI cache) as ASCII too', () => {
    const data = { description: 'Reviews code — café, 📌 Rule 1, 日本語', 名前: 'é' };
    const file = path.join(folder, 'whole.json');
    writeJsonAtomic(file, data);
    const bytes = readFileSync(file);
    assert.ok(bytes.every((byte) => byte < 0x80));
    assert.deepEqual(JSON.parse(bytes.toString('utf8')), data);
    rmSync(file);
  });

  it('writes no members and no other fields', () => {
    assert.deepEqual(roundTrip({ records: {} }, 'records'), { records: {} });
    assert.deepEqual(roundTrip({ format: 1, records: {} }, 'records'), { format: 1, records: {} });
  });

  it('leaves no temporary file behind', () => {
    assert.deepEqual(readdirSync(folder), ['cache.json']);
  });
});
