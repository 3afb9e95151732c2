// The frontmatter split follows what Claude Code was seen to do (conformance/cases):
// `---` at the very start, only blanks after it on its line, and the frontmatter ends at
// the first `---` after that line, wherever it stands.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';

function yamlOf(text: string): string | undefined {
  const split = splitFrontmatter(text, bomLengthOf(text));
  return split?.closed && !split.language ? text.slice(split.contentStart, split.contentEnd) : undefined;
}

describe('splitFrontmatter, as Claude Code splits', () => {
  it('opens only at `---` as the first characters, with nothing but blanks after it on its line', () => {
    assert.equal(yamlOf('---\nname: a\n---\nbody'), 'name: a');
    assert.equal(yamlOf('---  \nname: a\n---\n'), 'name: a');
    assert.equal(yamlOf('\ufeff---\nname: a\n---\n'), 'name: a');
    for (const text of ['\n---\nname: a\n---\n', ' ---\nname: a\n---\n', '--- x\nname: a\n---\n', '---js\nname: a\n---\n', '----\nname: a\n----\n']) {
      assert.equal(yamlOf(text), undefined, JSON.stringify(text));
    }
    assert.equal(splitFrontmatter('---js\n({})\n---\n', 0)?.language, 'js');
  });

  it('closes at the first `---` anywhere: inside a value, indented, or followed by text', () => {
    const inValue = splitFrontmatter('---\nname: a\ndescription: before --- after\nmodel: opus\n---\n', 0)!;
    assert.equal(inValue.closed, true);
    assert.equal(yamlOf('---\nname: a\ndescription: before --- after\n---\n'), 'name: a\ndescription: before ');
    assert.ok(inValue.earlyClose);
    assert.equal(yamlOf('---\nname: a\ndescription: a---b\n---\n'), 'name: a\ndescription: a');
    assert.equal(yamlOf('---\nname: a\n  ---\nmodel: opus\n---\n'), 'name: a\n  ');
    assert.ok(splitFrontmatter('---\nname: a\n--- trailing\n', 0)!.earlyClose);
    assert.equal(yamlOf('---\nname: a\n----\nmore: y\n---\n'), 'name: a\n');
    assert.equal(splitFrontmatter('---\nname: a\n---\n', 0)!.earlyClose, undefined);
  });

  it('accepts a close at the end of the file, CRLF and lone CR line endings, and blanks after the close', () => {
    assert.equal(yamlOf('---\nname: a\n---'), 'name: a');
    assert.equal(yamlOf('---\r\nname: a\r\n---\r\nbody\r\n'), 'name: a');
    assert.equal(yamlOf('---\rname: a\r---\rbody\r'), 'name: a');
    const split = splitFrontmatter('---\nname: a\n---\t \nbody\n', 0)!;
    assert.equal(split.earlyClose, undefined);
    assert.equal('---\nname: a\n---\t \nbody\n'.slice(split.blockEnd), 'body\n');
  });

  it('is unclosed without any later `---`, and runs to a `---` rule in the body otherwise', () => {
    assert.equal(splitFrontmatter('---\nname: a\ndescription: x\n', 0)!.closed, false);
    assert.equal(yamlOf('---\nname: a\n\n# Body\n\n---\n'), 'name: a\n\n# Body\n');
  });
});
