// Cache files written a member at a time read back as the same JSON; a file no cache knows
// of reads as checkFile reads it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { checkFile, readUnknownFile, writeJsonAtomic, writeJsonMembersAtomic } from '../../../server/src/workspace/fileStamp';
import { hashBytes } from '../../../server/src/workspace/projectSources';

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

describe('readUnknownFile', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'agentry-unknown-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('gives the stat, text and hash checkFile gives, for files smaller and larger than its buffer, one after the other', () => {
    const contents = ['', 'a', '---\nname: café 📌\n---\n', '\uFEFF---\nname: a\n---\n', 'x'.repeat(70_000), 'é'.repeat(600_000), 'short again', 'y'.repeat(65_536)];
    contents.forEach((content, i) => {
      const file = path.join(folder, `f${i}.md`);
      writeFileSync(file, content);
      const checked = checkFile(file, undefined, 0);
      assert.deepEqual(readUnknownFile(file), { stat: checked.stat, text: checked.bytes!.toString('utf8'), hash: checked.hash }, `file ${i}`);
      assert.equal(readUnknownFile(file)!.text, content);
    });
  });

  it('gives nothing for a file that is not there or a folder', () => {
    assert.equal(readUnknownFile(path.join(folder, 'missing.md')), undefined);
    mkdirSync(path.join(folder, 'dir.md'));
    assert.equal(readUnknownFile(path.join(folder, 'dir.md')), undefined);
  });
});

describe('hashBytes', () => {
  it('is the SHA-1 of the bytes in base64, as a Hash object gives it', () => {
    for (const text of ['', 'a', '---\nname: café 📌\n---\n', 'x'.repeat(100_000)]) {
      const bytes = Buffer.from(text);
      assert.equal(hashBytes(bytes), createHash('sha1').update(bytes).digest('base64'), JSON.stringify(text.slice(0, 20)));
    }
  });
});
