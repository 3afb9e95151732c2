// Agent files that are not open are read and parsed once per modification: a hover on a
// rule another agent defines, asked again and again, reads that file once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createAgentService, fixedHost, NOT_CANCELLED, parseAgent } from '../../../server/src/service';
import { DiskAgents, type DiskReader } from '../../../server/src/workspace/diskAgents';

const REVIEWER = 'file:///ws/.claude/agents/code-reviewer.md';
const HERE = 'file:///ws/.claude/agents/writer.md';

/** A disk of one file whose reads are counted; `touch` changes its modification time. */
function countingDisk(text: string) {
  const file = fileURLToPath(REVIEWER);
  const disk = { reads: 0, mtimeMs: 1, text };
  const reader: DiskReader = {
    stat: (f) => (f === file ? { mtimeMs: disk.mtimeMs, size: Buffer.byteLength(disk.text) } : undefined),
    read: (f) => (f === file ? (disk.reads++, disk.text) : undefined),
  };
  return { disk, reader };
}

describe('agent files on disk', () => {
  const reviewer = '---\nname: code-reviewer\ndescription: Reviews.\n---\n**Rule 7: Review Everything**\n- every change\n';
  const writer = '---\nname: writer\ndescription: Writes.\n---\nFollow Rule 7.\n';

  it('a hover on a rule defined in another agent reads that file once, and again after it changes', () => {
    const { disk, reader } = countingDisk(reviewer);
    const files = new DiskAgents(reader);
    const service = createAgentService({ ...fixedHost(), readAgent: (uri) => files.read(uri) });
    service.indexDocument(parseAgent(REVIEWER, 0, reviewer));
    const doc = service.parse(HERE, 1, writer);
    service.indexDocument(doc);
    const position = doc.textDocument.positionAt(writer.indexOf('Rule 7') + 2);
    const hoverText = () => JSON.stringify(service.hover(doc, position, NOT_CANCELLED)?.contents);
    for (let i = 0; i < 5; i++) assert.match(hoverText(), /Review Everything/);
    assert.equal(disk.reads, 1);

    disk.text = reviewer.replace('Review Everything', 'Review Each Change');
    disk.mtimeMs = 2;
    assert.match(hoverText(), /Review Each Change/);
    assert.equal(disk.reads, 2);
  });

  it('a file that is gone reads as undefined, and one that comes back is read again', () => {
    const { disk, reader } = countingDisk(reviewer);
    const files = new DiskAgents(reader);
    assert.ok(files.read(REVIEWER));
    const stat = reader.stat;
    reader.stat = () => undefined;
    assert.equal(files.read(REVIEWER), undefined);
    reader.stat = stat;
    assert.ok(files.read(REVIEWER));
    assert.equal(disk.reads, 2);
  });

  it("forget makes the next read take the disk's word even with the same modification time", () => {
    const { disk, reader } = countingDisk(reviewer);
    const files = new DiskAgents(reader);
    files.read(REVIEWER);
    files.read(REVIEWER);
    files.forget(REVIEWER);
    files.read(REVIEWER);
    assert.equal(disk.reads, 2);
  });

  it('a read that does not keep (a pass over every file) parses again next time, and still uses a model kept before', () => {
    const { disk, reader } = countingDisk(reviewer);
    const files = new DiskAgents(reader);
    files.read(REVIEWER, false);
    files.read(REVIEWER, false);
    assert.equal(disk.reads, 2, 'not kept');
    const kept = files.read(REVIEWER);
    assert.equal(files.read(REVIEWER, false), kept);
    assert.equal(disk.reads, 3);
  });
});
