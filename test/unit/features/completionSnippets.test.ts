// The snippets of snippets/agentry.json, offered by the server only where their text can start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/service/features/completion/completion';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { applyCompletion, workspace } from './helpers';

const AGENT = '---\nname: test-agent\ndescription: Tests.\n---\n';
const SECTION_SNIPPETS = ['agent-enforcement', 'agent-rule', 'agent-pre-execution', 'agent-violation-response', 'agent-cross-agent', 'agent-success-criteria', 'agent-when-invoked'];

function snippetLabels(source: string, snippets = true): string[] {
  const ws = workspace(source);
  return completion(ws.doc, ws.position, ws.ctx, { snippets }, NOT_CANCELLED)
    .filter((i) => /^agent(-|$)/.test(i.label))
    .map((i) => i.label)
    .sort();
}

describe('completion: snippets', () => {
  it('offers the section and rule snippets at the start of a body line, the word typed included', () => {
    assert.deepEqual(snippetLabels(`${AGENT}# Role\n\n|\n`), [...SECTION_SNIPPETS].sort());
    assert.deepEqual(snippetLabels(`${AGENT}# Role\n\nagent-r|\n`), [...SECTION_SNIPPETS].sort());
  });

  it('offers none inside a line, in code, in frontmatter values or list items', () => {
    assert.deepEqual(snippetLabels(`${AGENT}Ask the agent|\n`), []);
    assert.deepEqual(snippetLabels(`${AGENT}  agent|\n`), []);
    assert.deepEqual(snippetLabels(`${AGENT}\`\`\`\n|\n\`\`\`\n`), []);
    assert.deepEqual(snippetLabels('---\nname: a\ncolor: |\n---\n'), []);
    assert.deepEqual(snippetLabels('---\nname: a\ntools: Read, |\n---\n'), []);
    assert.deepEqual(snippetLabels('---\nname: a\nproactive_triggers:\n  - |\n---\n'), []);
  });

  it('offers the whole agent and its frontmatter at the start of a document without frontmatter', () => {
    assert.deepEqual(snippetLabels('ag|'), ['agent', 'agent-frontmatter']);
    assert.deepEqual(snippetLabels('# Title\n|'), []);
  });

  it('offers the description snippet at a frontmatter key while there is no description, the example inside one', () => {
    assert.deepEqual(snippetLabels('---\nname: a\n|\n---\n'), ['agent-description']);
    assert.deepEqual(snippetLabels('---\nname: a\ndescription: x\n|\n---\n'), []);
    assert.deepEqual(snippetLabels('---\nname: a\ndescription: >-\n  Tests.\n  |\nmodel: opus\n---\n'), ['agent-example']);
  });

  it('inserts the snippet over the typed word, as a snippet or as plain text with the file name', () => {
    const ws = workspace(`${AGENT}\nagent-ru|\n`);
    const [snippet] = completion(ws.doc, ws.position, ws.ctx, { snippets: true }, NOT_CANCELLED).filter((i) => i.label === 'agent-rule');
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(applyCompletion(ws.doc, snippet), `${AGENT}\n**Rule \${1:1}: \${2:Title}**\n- \${3:What the rule requires}\n- \${4:How compliance is checked}\n$0\n`);
    const plain = workspace('agent|');
    const [agent] = completion(plain.doc, plain.position, plain.ctx, { snippets: false }, NOT_CANCELLED).filter((i) => i.label === 'agent');
    assert.equal(agent.insertTextFormat, undefined);
    assert.match(applyCompletion(plain.doc, agent), /^---\nname: test-agent\n/);
  });
});
