// unknown-skill and the skill features: which skills an agent can name (its
// project's, a folder's above it, the user's, Claude Code's own), by name or by
// folder; completion, hover and go to definition in `skills:`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { applyEdits, createAgentService } from '../../../server/src/service';
import { completion } from '../../../server/src/service/features/completion/completion';
import { definition } from '../../../server/src/service/features/navigation/definition';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { hover } from '../../../server/src/service/features/hover/hover';
import { SkillIndex, summarizeSkill } from '../../../server/src/service/skills/skillIndex';
import { withCode } from '../../support/analyze';
import { marked } from '../../support/markers';
import { workspace } from '../features/helpers';

const PROJECT = 'file:///ws/';
const AGENT_URI = 'file:///ws/.claude/agents/test-agent.md';
const skillFile = (scope: string, folder: string) => `${scope}.claude/skills/${folder}/SKILL.md`;

function skills(): SkillIndex {
  const index = new SkillIndex();
  index.upsert(summarizeSkill(skillFile(PROJECT, 'changelog-entry'), '---\nname: changelog-entry\ndescription: Writes a CHANGELOG entry.\n---\nBody\n', false)!);
  index.upsert(summarizeSkill(skillFile(PROJECT, 'Release_Notes'), '---\nname: release-notes\ndescription: Drafts release notes.\n---\n', false)!);
  index.upsert(summarizeSkill(skillFile('file:///', 'repo-wide'), 'No frontmatter.\n', false)!);
  index.upsert(summarizeSkill(skillFile('file:///ws/other/', 'elsewhere'), '---\nname: elsewhere\n---\n', false)!);
  index.upsert(summarizeSkill(skillFile('file:///home/u/', 'my-habits'), '---\nname: my-habits\ndescription: How I like things.\n---\n', true)!);
  return index;
}

const agent = (skillsValue: string) => `---\nname: test-agent\ndescription: x\nskills: ${skillsValue}\n---\nBody\n`;

function check(source: string, index: SkillIndex | null = skills()) {
  const { text, ranges } = marked(source);
  const service = createAgentService();
  service.setSkills(index?.all());
  const doc = service.parse(AGENT_URI, 1, text);
  service.indexDocument(doc);
  const found = withCode(service.validate(doc), 'unknown-skill');
  assert.deepEqual(
    found.map((d) => d.range),
    ranges,
  );
  return { found, service, doc, text };
}

describe('unknown-skill', () => {
  it('accepts skills by name or folder, from the project, a folder above it, the user, or built into Claude Code', () => {
    check(agent('changelog-entry, release-notes, Release_Notes, repo-wide, my-habits, code-review, review, simplify'));
  });

  it('warns on a skill nothing defines, a skill of another folder and a name in the wrong case, with a did-you-mean', () => {
    const { found } = check(agent('[[changelog-entr]], [[elsewhere]], [[Changelog-Entry]], [[clear]]'));
    assert.equal(found[0].severity, 2);
    assert.match(found[0].message, /did you mean `changelog-entry`\?/);
    assert.match(found[0].message, /starts the agent without it/);
    assert.equal((found[2].data as { suggestion: string }).suggestion, 'changelog-entry');
  });

  it('reads YAML lists, and says nothing where the host has not read the skills', () => {
    check('---\nname: test-agent\ndescription: x\nskills:\n  - changelog-entry\n  - [[nope]]\n---\n');
    check(agent('nope'), null);
  });

  it('changes the entry to the suggestion', () => {
    const { found, service, doc, text } = check(agent('[[changelog-entr]]'));
    const [fix] = service.fixes(doc, found[0]);
    assert.equal(applyEdits(text, fix.edits), agent('changelog-entry'));
  });

  it('follows the skills as they change: a skill created later clears the warning', () => {
    const { service, doc } = check(agent('[[late-skill]]'));
    service.workspace.skills!.upsert(summarizeSkill(skillFile(PROJECT, 'late-skill'), '', false)!);
    assert.deepEqual(withCode(service.validate(doc), 'unknown-skill'), []);
  });
});

describe('skill features', () => {
  const at = (source: string) => {
    const ws = workspace(source, AGENT_URI);
    ws.service.setSkills(skills().all());
    return ws;
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('completes the skills the agent can use, leaving out those listed, with their descriptions', () => {
    const ws = at('---\nname: test-agent\ndescription: x\nskills: release-notes, |\n---\n');
    const items = completion(ws.doc, ws.position, ws.ctx, { snippets: true }, NOT_CANCELLED);
    const names = labels(items);
    assert.deepEqual(names.slice(0, 3), ['changelog-entry', 'repo-wide', 'my-habits']);
    assert.ok(!names.includes('release-notes') && !names.includes('elsewhere'));
    assert.ok(names.includes('code-review'));
    const entry = items.find((i) => i.label === 'changelog-entry')!;
    assert.equal(entry.detail, 'project skill');
    assert.match((entry.documentation as MarkupContent).value, /Writes a CHANGELOG entry\./);
    const listItem = at('---\nname: test-agent\ndescription: x\nskills:\n  - chan|\n---\n');
    assert.ok(labels(completion(listItem.doc, listItem.position, listItem.ctx, { snippets: true }, NOT_CANCELLED)).includes('changelog-entry'));
  });

  it('hovers a skill with its description and where it is defined', () => {
    const value = (source: string) => {
      const ws = at(source);
      return (hover(ws.doc, ws.position, ws.ctx, NOT_CANCELLED)?.contents as MarkupContent).value;
    };
    assert.equal(value(agent('Release_No|tes')), '**Skill `release-notes`**\n\nDrafts release notes.\n\n_Defined in `.claude/skills/Release_Notes/SKILL.md`, [line 2](file:///ws/.claude/skills/Release_Notes/SKILL.md#L2)._');
    assert.match(value(agent('my-hab|its')), /the user's `~\/.claude\/skills\/my-habits\/SKILL.md`/);
    assert.match(value(agent('revi|ew')), /\*\*Skill `code-review`\*\* \(built into Claude Code\)/);
    assert.equal(value(agent('nop|e')), 'No skill `nope` is defined for this agent.');
  });

  it('goes to the SKILL.md of a skill, at its name', () => {
    const ws = at(agent('release-no|tes'));
    assert.deepEqual(definition(ws.doc, ws.position, ws.ctx, NOT_CANCELLED), [{ uri: skillFile(PROJECT, 'Release_Notes'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } }]);
    const builtin = at(agent('simpl|ify'));
    assert.deepEqual(definition(builtin.doc, builtin.position, builtin.ctx, NOT_CANCELLED), []);
  });
});
