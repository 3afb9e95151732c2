// Completion on in-memory documents (`|` is the cursor) and at ten positions of seed 000.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/service/features/completion/completion';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { seed } from '../../support/fixtures';
import { ALL_CODES } from '../../../server/src/service/diagnostics/codes';
import { DIAGNOSTIC_SUMMARIES } from '../../../server/src/service/diagnostics/catalog';
import { agentUri, applyCompletion, workspace, type WorkspaceOptions } from './helpers';
import { place, type Cursored } from '../../support/markers';

const SNIPPETS = { snippets: true };

function complete(source: string | Cursored, options: WorkspaceOptions & { uri?: string; snippets?: boolean } = {}) {
  const ws = workspace(source, options.uri, options);
  const items = completion(ws.doc, ws.position, ws.ctx, { snippets: options.snippets ?? true }, NOT_CANCELLED);
  return { ...ws, items, labels: items.map((i) => i.label) };
}

function find(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no completion ${label} in ${items.map((i) => i.label).join(', ')}`);
  return item;
}

const OTHERS = {
  [agentUri('code-reviewer')]: '---\nname: code-reviewer\ndescription: Reviews code.\nproactive_triggers:\n  - code_review_needed\n  - security_review_required\n---\n**Rule 7: Review Everything**\n- every change\n',
  [agentUri('test-runner')]: '---\nname: test-runner\ndescription: Runs tests.\nproactive_triggers:\n  - code_review_needed\n---\n',
};

describe('completion: frontmatter keys', () => {
  it('offers the keys not yet present, required first, with value snippets and schema docs', () => {
    const { items, labels } = complete('---\nname: a\n|\n---\n');
    assert.ok(!labels.includes('name'));
    assert.equal(labels[0], 'description');
    const model = find(items, 'model');
    assert.equal((model.textEdit as { newText: string }).newText, 'model: ${1|sonnet,opus,haiku,inherit|}');
    assert.equal(model.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((model.documentation as { value: string }).value, /Model the subagent runs on/);
    assert.equal((find(items, 'color').textEdit as { newText: string }).newText, 'color: ${1|red,blue,green,yellow,purple,orange,pink,cyan|}');
  });

  it('inserts plain `key: ` without snippet support, replacing the typed prefix', () => {
    const { doc, items } = complete('---\nname: a\nmo|\n---\n', { snippets: false });
    const model = find(items, 'model');
    assert.equal(model.insertTextFormat, undefined);
    assert.equal(applyCompletion(doc, model), '---\nname: a\nmodel: \n---\n');
  });

  it('offers a whole frontmatter block on the first line of an empty file', () => {
    const { doc, items } = complete('|', { uri: agentUri('my-agent'), snippets: false });
    assert.equal(items.length, 1);
    assert.match(applyCompletion(doc, items[0]), /^---\nname: my-agent\ndescription: /);
  });
});

describe('completion: frontmatter values', () => {
  it('offers enum values with their docs', () => {
    const { items, labels } = complete('---\nname: a\npermissionMode: |\n---\n');
    assert.deepEqual(labels, ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan']);
    assert.match((find(items, 'plan').documentation as { value: string }).value, /read-only/);
  });

  it('offers tools after `, ` without those already listed, with docs', () => {
    const { doc, items, labels } = complete('---\nname: a\ntools: Read, Grep, |\n---\n');
    assert.ok(!labels.includes('Read') && !labels.includes('Grep'));
    const edit = find(items, 'Edit');
    assert.match((edit.documentation as { value: string }).value, /exact string replacements/);
    assert.equal(applyCompletion(doc, edit), '---\nname: a\ntools: Read, Grep, Edit\n---\n');
  });

  it('puts a space after a bare colon', () => {
    const { doc, items } = complete('---\nname: a\nmodel:|\n---\n');
    assert.equal(applyCompletion(doc, find(items, 'haiku')), '---\nname: a\nmodel: haiku\n---\n');
  });

  it('offers tools in a YAML list item, MCP servers of .mcp.json and Agent(…)', () => {
    const { labels } = complete('---\nname: a\ntools:\n  - Read\n  - |\n---\n', { others: OTHERS, settings: { mcpServers: new Set(['github']) } });
    assert.ok(!labels.includes('Read'));
    assert.ok(labels.includes('Bash'));
    assert.ok(labels.includes('mcp__github__'));
    assert.ok(labels.includes('Agent(…)'));
  });

  it('offers agent names inside Agent(…), leaving out this agent and those listed', () => {
    const { labels } = complete('---\nname: a\ntools: Read, Agent(code-reviewer, |)\n---\n', { others: OTHERS });
    assert.deepEqual(labels, ['test-runner']);
  });

  it('ranks trigger ids by use and adds the configured ones, leaving out those listed', () => {
    const { items, labels } = complete('---\nname: a\nproactive_triggers:\n  - security_review_required\n  - |\n---\n', { others: OTHERS, triggers: ['deploy_requested'] });
    assert.deepEqual(labels, ['code_review_needed', 'deploy_requested']);
    assert.equal(find(items, 'code_review_needed').detail, 'used by 2 agents');
  });
});

describe('completion: body', () => {
  it('offers rule numbers after `Rule ` with titles from this file, then other agents', () => {
    const { items } = complete('---\nname: a\n---\n**Rule 1: Be Real**\n- no fantasy\n\nSee Rule |\n', { others: OTHERS });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['1', 'Be Real'],
        ['7', 'Review Everything'],
      ],
    );
    assert.match((items[1].documentation as { value: string }).value, /code-reviewer\.md/);
  });

  it('offers the next rule block on an empty line after a rule block', () => {
    const { doc, items } = complete('---\nname: a\n---\n**Rule 1: A**\n- x\n\n**Rule 2: B**\n- y\n|\n', { snippets: false });
    assert.equal(items[0].label, '**Rule 3: …**');
    assert.equal(applyCompletion(doc, items[0]), '---\nname: a\n---\n**Rule 1: A**\n- x\n\n**Rule 2: B**\n- y\n**Rule 3: Title**\n- \n');
  });

  it('offers agent names under a Cross-Agent Validation heading, closing the bold item', () => {
    const { doc, items } = complete('---\nname: a\n---\n### Cross-Agent Validation\n- **code-reviewer**: x\n- **|\n', { others: OTHERS });
    assert.deepEqual(
      items.map((i) => i.label),
      ['test-runner'],
    );
    assert.match(applyCompletion(doc, items[0]), /- \*\*test-runner\*\*: \n$/);
  });

  it('offers nothing in code blocks or in plain prose', () => {
    assert.deepEqual(complete('---\nname: a\n---\n```\nRule |\n```\n').labels, []);
    assert.deepEqual(complete('---\nname: a\n---\nSome text |\n').labels, []);
  });
});

describe('completion: ten positions of seed 000', () => {
  const text = seed('000').text;
  const others = Object.fromEntries(['001', '002', '003'].map((p) => [agentUri(`seed-${p}`), seed(p).text]));
  const at = (source: Cursored, settings?: WorkspaceOptions['settings']) => complete(source, { uri: agentUri('senior-backend-developer'), others, settings });

  it('1: model value', () => {
    const { doc, items } = at(place(text, 'model: sonnet', 'model: |sonnet'));
    assert.deepEqual(
      items.slice(0, 4).map((i) => i.label),
      ['sonnet', 'opus', 'haiku', 'inherit'],
    );
    assert.match(applyCompletion(doc, find(items, 'opus')), /\nmodel: opus\n/);
  });

  it('2: color value', () => {
    const { labels } = at(place(text, 'color: blue', 'color: |blue'));
    assert.ok(labels.includes('blue') && labels.includes('cyan'));
  });

  it('3: a new key after `color: blue` leaves out the keys present', () => {
    const { labels } = at(place(text, 'color: blue\n', 'color: blue\n|\n'));
    for (const present of ['name', 'description', 'model', 'proactive_triggers', 'tools', 'color']) assert.ok(!labels.includes(present), present);
    assert.ok(labels.includes('permissionMode') && labels.includes('memory'));
  });

  it('4: a tool after the last `, ` leaves out the 11 listed', () => {
    const { labels } = at(place(text, 'TodoWrite', 'TodoWrite, |'), { mcpServers: new Set(['filesystem']) });
    for (const listed of ['Read', 'Edit', 'Write', 'Bash', 'Grep', 'Glob', 'WebSearch', 'TodoWrite']) assert.ok(!labels.includes(listed), listed);
    assert.ok(labels.includes('WebFetch') && labels.includes('mcp__filesystem__'));
  });

  it('5: a tool in the middle of the list, replacing the word under the cursor', () => {
    const { doc, items } = at(place(text, 'Glob', 'Gl|'));
    assert.match(applyCompletion(doc, find(items, 'Glob')), /Grep, Glob, LS/);
  });

  it('6: a proactive trigger used by other seeds, most used first', () => {
    const { items } = at(place(text, '  - technical_leadership_and_strategy_needed\n', '  - technical_leadership_and_strategy_needed\n  - |\n'));
    const counts = items.map((i) => Number(/used by (\d+)/.exec(i.detail ?? '')?.[1]));
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    assert.equal(counts[0], 2);
    assert.ok(items.slice(0, counts.lastIndexOf(2) + 1).some((i) => i.label === 'backend_architecture_design_needed'));
    assert.ok(!items.some((i) => i.label === 'api_design_and_implementation_needed'));
  });

  it('7: `Rule 18` in prose (line 33) offers the rules with their titles', () => {
    const { items } = at(place(text, 'create using Rule 18', 'create using Rule |18'));
    assert.equal(items.length, 20);
    assert.equal(find(items, '18').detail, 'Mandatory Documentation Review - Backend Knowledge');
  });

  it('8: the empty line after Rule 20 offers **Rule 21: …**', () => {
    const ruleTwenty = text.indexOf('**Rule 20:');
    const blank = text.indexOf('\n\n', ruleTwenty) + 1;
    const { items } = at({ text, offset: blank });
    assert.equal(items[0].label, '**Rule 21: …**');
  });

  it('9: `**Rule ` at the start of a line offers the next free number', () => {
    const ruleTwenty = text.indexOf('**Rule 20:');
    const blank = text.indexOf('\n\n', ruleTwenty) + 1;
    const { items } = at({ text: `${text.slice(0, blank)}**Rule ${text.slice(blank)}`, offset: blank + 7 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['21'],
    );
  });

  it('10: a Cross-Agent Validation item offers the other agents', () => {
    const { items } = at(place(text, '- **expert-code-reviewer**', '- **|expert-code-reviewer**'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('backend-architect') && labels.includes('senior-backend-architect'));
    assert.ok(!labels.includes('senior-backend-developer'));
    assert.equal((items[0].textEdit as { newText: string }).newText, items[0].label);
  });
});

describe('completion: codes in an agentry-disable-next-line comment', () => {
  it('offers every code of the code table in the body comment, with its summary, replacing the word typed', () => {
    const { items, labels, doc } = complete('---\nname: a\ndescription: Does a.\n---\n<!-- agentry-disable-next-line unde| -->\nSee Rule 9.\n');
    assert.deepEqual(labels, ALL_CODES);
    const item = find(items, 'undefined-rule-reference');
    assert.equal(item.detail, 'warning by default');
    assert.equal((item.documentation as { value: string }).value, DIAGNOSTIC_SUMMARIES['undefined-rule-reference']);
    assert.equal(applyCompletion(doc, item), '---\nname: a\ndescription: Does a.\n---\n<!-- agentry-disable-next-line undefined-rule-reference -->\nSee Rule 9.\n');
  });

  it('in a YAML comment of the frontmatter, leaving out the codes already named', () => {
    const { labels } = complete('---\nname: a\n# agentry-disable-next-line unknown-tool |\ntools: Reed\n---\n');
    assert.equal(labels.length, ALL_CODES.length - 1);
    assert.ok(!labels.includes('unknown-tool') && labels.includes('legacy-tool'));
  });

  it('offers nothing before the code list or after the comment closes', () => {
    assert.deepEqual(
      complete('---\nname: a\n---\n<!-- agentry-disable|-next-line -->\n').labels.filter((l) => ALL_CODES.includes(l as never)),
      [],
    );
    assert.deepEqual(
      complete('---\nname: a\n---\n<!-- agentry-disable-next-line mojibake --> |\n').labels.filter((l) => ALL_CODES.includes(l as never)),
      [],
    );
  });
});
