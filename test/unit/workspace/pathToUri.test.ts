// pathToUri writes a plain absolute path after `file://` itself and leaves every other path
// to pathToFileURL: on any path it gives what pathToFileURL gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { pathToUri } from '../../../server/src/workspace/files';

const byNode = (file: string) => pathToFileURL(file).href;

describe('pathToUri', () => {
  it('agrees with pathToFileURL on plain, dotted, doubled, trailing, relative and escaped paths', () => {
    const cases = [
      '/ws/.claude/agents/a.md',
      '/ws/a~b_c-d.md',
      '/',
      '/ws/',
      '/ws//a.md',
      '/ws/./a.md',
      '/ws/b/../a.md',
      '/..',
      '/ws/...md',
      'ws/a.md',
      '',
      '/ws/a b.md',
      '/ws/a%20b.md',
      '/ws/a#b?.md',
      '/ws/café.md',
      '/ws/a\\b.md',
      '/ws/a\nb.md',
    ];
    for (const file of cases) assert.equal(pathToUri(file), byNode(file), JSON.stringify(file));
  });

  it('agrees with pathToFileURL on generated paths', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._~ %#?é-]{0,6}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.boolean(), fc.boolean(), (segments, absolute, trailing) => {
        const file = `${absolute ? '/' : ''}${segments.join('/')}${trailing ? '/' : ''}`;
        assert.equal(pathToUri(file), byNode(file), JSON.stringify(file));
      }),
      { seed: 20_261_201, numRuns: 5000 },
    );
  });
});
