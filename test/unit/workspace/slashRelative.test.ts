// slashRelative cuts a file plainly below a folder from it directly and leaves every other
// case to path.relative: on any pair of paths it says what path.relative says, with `/`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { slashRelative } from '../../../server/src/workspace/files';

const byNode = (base: string, file: string) => path.relative(base, file).split(path.sep).join('/');

describe('slashRelative', () => {
  it('agrees with path.relative on plain, dotted, doubled, trailing and outside paths', () => {
    const cases: [string, string][] = [
      ['/ws', '/ws/.claude/agents/a.md'],
      ['/ws', '/ws'],
      ['/ws', '/ws/'],
      ['/ws/', '/ws/a.md'],
      ['/ws', '/wsx/a.md'],
      ['/ws', '/other/a.md'],
      ['/ws', '/ws/./a.md'],
      ['/ws', '/ws/b/../a.md'],
      ['/ws', '/ws/../a.md'],
      ['/ws', '/ws//a.md'],
      ['/ws', '/ws/a/'],
      ['/ws/./x', '/ws/x/a.md'],
      ['/', '/a.md'],
      ['ws', 'ws/a.md'],
      ['/ws', '/ws/.hidden/..md'],
    ];
    for (const [base, file] of cases) assert.equal(slashRelative(base, file), byNode(base, file), `${base} ${file}`);
  });

  it('agrees with path.relative on generated paths', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '', 'x.md', '.claude', '...');
    const pathOf = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 })).map(([absolute, parts]) => (absolute ? '/' : '') + parts.join('/'));
    fc.assert(
      fc.property(pathOf, fc.array(segment, { maxLength: 4 }), (base, below) => {
        const file = [base, ...below].join('/');
        assert.equal(slashRelative(base, file), byNode(base, file));
        assert.equal(slashRelative(file, base), byNode(file, base));
      }),
      { numRuns: 5000 },
    );
  });
});
