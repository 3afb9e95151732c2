// IndexCacheSession on its own: what it parses, what it trusts, where it lives.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCacheFolder, IndexCacheSession, rootKey, type IndexCacheOptions } from '../../../server/src/workspace/indexCache';

const agent = (name: string) => `---\nname: ${name}\ndescription: Does ${name} things.\n---\n\n**Rule 1: Be Careful**\n- always\n`;

describe('IndexCacheSession', () => {
  let root: string;
  let options: IndexCacheOptions;
  const file = (name: string) => path.join(root, name);
  const old = new Date(Date.now() - 60_000);
  /** Writes a file dated a minute ago, so its timestamp alone can vouch for it. */
  const write = (name: string, text: string) => {
    writeFileSync(file(name), text);
    utimesSync(file(name), old, old);
  };
  /** One indexing of every file: the names it found and its counts. */
  const index = () => {
    const session = IndexCacheSession.open(options, root);
    const names = readdirSync(root)
      .sort()
      .map((f) => session.summaryOf(file(f), pathToFileURL(file(f)).href, (frontmatter) => frontmatter)?.name);
    session.save();
    return { names, ...session.counts };
  };

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'agentry-index-files-'));
    options = { folder: mkdtempSync(path.join(tmpdir(), 'agentry-index-store-')), build: 'b' };
    write('a.md', agent('alpha'));
    write('b.md', agent('beta'));
    write('notes.md', '# Notes, no frontmatter\n');
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(options.folder, { recursive: true, force: true });
  });

  it('parses agents only, once; a file that is not an agent is never parsed', () => {
    assert.deepEqual(index(), { names: ['alpha', 'beta', undefined], parsed: 2, cached: 0 });
    assert.deepEqual(index(), { names: ['alpha', 'beta', undefined], parsed: 0, cached: 2 });
  });

  it('re-reads a changed file; a touched file with the same content is recognized by its hash', () => {
    write('a.md', agent('alpha-two'));
    const now = new Date();
    utimesSync(file('b.md'), now, now);
    assert.deepEqual(index(), { names: ['alpha-two', 'beta', undefined], parsed: 1, cached: 1 });
  });

  it('drops a damaged record and keeps the others', () => {
    const [cacheFile] = readdirSync(options.folder);
    const data = JSON.parse(readFileSync(path.join(options.folder, cacheFile), 'utf8'));
    data.records[file('a.md')].stat = 'not a stat';
    data.records[file('b.md')].summary.rules = null;
    writeFileSync(path.join(options.folder, cacheFile), JSON.stringify(data));
    assert.deepEqual(index(), { names: ['alpha-two', 'beta', undefined], parsed: 2, cached: 0 });
    assert.deepEqual(index(), { names: ['alpha-two', 'beta', undefined], parsed: 0, cached: 2 });
  });

  it('forgets deleted files and writes nothing when nothing changed', () => {
    rmSync(file('b.md'));
    assert.deepEqual(index(), { names: ['alpha-two', undefined], parsed: 0, cached: 1 });
    const [cacheFile] = readdirSync(options.folder);
    const written = readFileSync(path.join(options.folder, cacheFile), 'utf8');
    assert.ok(!written.includes('b.md'));
    writeFileSync(path.join(options.folder, cacheFile), written.replace('"format":2', '"format": 2'));
    index();
    assert.match(readFileSync(path.join(options.folder, cacheFile), 'utf8'), /"format": 2/, 'an unchanged cache is not rewritten');
  });

  it('without options, reads every file and writes nothing', () => {
    const session = IndexCacheSession.open(undefined, root);
    assert.equal(session.summaryOf(file('a.md'), pathToFileURL(file('a.md')).href, () => true)?.name, 'alpha-two');
    session.save();
    assert.deepEqual(session.counts, { parsed: 1, cached: 0 });
  });

  it('lives in the platform cache folder unless told otherwise', () => {
    assert.equal(defaultCacheFolder({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), path.join('/x', 'agentry'));
    assert.equal(defaultCacheFolder({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'agentry'));
    assert.equal(defaultCacheFolder({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'agentry'));
    assert.equal(defaultCacheFolder({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U'), path.join('C:\\L', 'agentry'));
  });

  it("names each folder's cache file by the folder's 64-bit FNV-1a hash", () => {
    assert.equal(rootKey(''), 'cbf29ce484222325');
    assert.equal(rootKey('a'), 'af63dc4c8601ec8c');
    assert.equal(rootKey('foobar'), '85944171f73967e8');
    assert.notEqual(rootKey('/w/a'), rootKey('/w/b'));
    index();
    assert.deepEqual(
      readdirSync(options.folder).filter((f) => f.startsWith('index-')),
      [`index-${rootKey(root)}.json`],
    );
  });
});
