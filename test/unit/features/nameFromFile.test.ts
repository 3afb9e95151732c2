// The agent name taken from the file name, written into YAML: quoted where YAML
// would read it as something other than that string (`2024.md` → `"2024"`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { completion } from '../../../server/src/service/features/completion/completion';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { nameFromFile, nameFromFileYaml } from '../../../server/src/service/schema/agentName';
import { fieldOf } from '../../../server/src/service/types';
import { agentUri, applyCompletion, workspace } from './helpers';

const NAME_CODES = ['missing-name', 'name-format', 'name-colon', 'invalid-value'];

/** Applies the only fix for `code` on `text` at `uri` and re-validates the result. */
function fixed(uri: string, text: string, code: string) {
  const service = createAgentService();
  const doc = service.parse(uri, 0, text);
  const [diagnostic] = service.validate(doc).filter((d) => d.code === code);
  assert.ok(diagnostic, `no ${code}`);
  const [fix] = service.fixes(doc, diagnostic);
  assert.ok(fix, `no fix for ${code}`);
  const after = service.parse(uri, 1, applyEdits(text, fix.edits));
  return { text: after.text, name: fieldOf(after, 'name')?.value, codes: service.validate(after).map((d) => String(d.code)) };
}

describe('name from the file name', () => {
  it('is a slug of the file name, quoted as YAML only when it has to be', () => {
    assert.equal(nameFromFile(agentUri('Code%20Reviewer')), 'code-reviewer');
    assert.equal(nameFromFileYaml(agentUri('code-reviewer')), 'code-reviewer');
    for (const stem of ['2024', 'null', 'true', '1e3']) {
      assert.equal(nameFromFile(agentUri(stem)), stem);
      assert.equal(parse(`name: ${nameFromFileYaml(agentUri(stem))}`).name, stem, stem);
    }
  });

  it('insert-frontmatter on 2024.md writes a name that reads back as the string "2024"', () => {
    const result = fixed(agentUri('2024'), 'You review code.\n', 'frontmatter-missing');
    assert.match(result.text, /^---\nname: "2024"\n/);
    assert.equal(result.name, '2024');
    assert.deepEqual(
      result.codes.filter((c) => NAME_CODES.includes(c)),
      [],
    );
  });

  it('add-missing-key on 2024.md writes a name that reads back as the string "2024"', () => {
    const result = fixed(agentUri('2024'), '---\ndescription: Reviews code.\n---\n', 'missing-name');
    assert.equal(result.text, '---\nname: "2024"\ndescription: Reviews code.\n---\n');
    assert.equal(result.name, '2024');
    assert.deepEqual(
      result.codes.filter((c) => NAME_CODES.includes(c)),
      [],
    );
  });

  it('an ordinary file name stays unquoted in the fixes', () => {
    assert.match(fixed(agentUri('code-reviewer'), 'x\n', 'frontmatter-missing').text, /^---\nname: code-reviewer\n/);
    assert.match(fixed(agentUri('code-reviewer'), '---\ndescription: x\n---\n', 'missing-name').text, /^---\nname: code-reviewer\n/);
  });

  it('completions of `name` on 2024.md insert it quoted', () => {
    const uri = agentUri('2024');
    const complete = (source: string, snippets: boolean) => {
      const ws = workspace(source, uri);
      return { doc: ws.doc, items: completion(ws.doc, ws.position, ws.ctx, { snippets }, NOT_CANCELLED) };
    };
    const value = complete('---\nname: |\n---\n', false);
    const item = value.items.find((i) => i.label === '2024');
    assert.ok(item);
    assert.equal(applyCompletion(value.doc, item), '---\nname: "2024"\n---\n');
    const key = complete('---\nna|\n---\n', true);
    assert.match((key.items.find((i) => i.label === 'name')?.textEdit as { newText: string }).newText, /^name: \$\{1:"2024"\}$/);
    const skeleton = complete('|', false);
    assert.match(applyCompletion(skeleton.doc, skeleton.items[0]), /^---\nname: "2024"\n/);
  });
});
