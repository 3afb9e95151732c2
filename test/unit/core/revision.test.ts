// The service bumps its host's workspace revision for every change other files read
// (index, skills, rules document), and its validation cache follows the revision alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService, fixedHost } from '../../../server/src/service';
import { summarizeSkill } from '../../../server/src/service/skills/skillIndex';
import { codes } from '../../support/analyze';

const AGENT = 'file:///ws/.claude/agents/a.md';
const agent = (name: string, body = 'Body.\n') => `---\nname: ${name}\ndescription: x\nskills: changelog-entry\n---\n${body}`;
const skill = (folder: string) => summarizeSkill(`file:///ws/.claude/skills/${folder}/SKILL.md`, `---\nname: ${folder}\n---\n`, false)!;

describe('the workspace revision, as the service keeps it', () => {
  it('bumps for each change other files read, and not for one only its own file reads', () => {
    const host = fixedHost();
    const service = createAgentService(host);
    const bumps = (change: () => void) => {
      const before = host.revision.current;
      change();
      return host.revision.current > before;
    };
    assert.ok(
      bumps(() => service.indexDocument(service.parse(AGENT, 1, agent('a')))),
      'an agent indexed',
    );
    assert.ok(!bumps(() => service.indexDocument(service.parse(AGENT, 2, agent('a', 'Other prose.\n')))), 'its prose edited');
    assert.ok(
      bumps(() => service.indexDocument(service.parse(AGENT, 3, agent('b')))),
      'its name changed',
    );
    assert.ok(
      bumps(() => service.setSkills([skill('changelog-entry')])),
      'the skills replaced',
    );
    assert.ok(
      bumps(() => service.workspace.skills!.upsert(skill('release-notes'))),
      'a skill added',
    );
    assert.ok(
      bumps(() => service.workspace.skills!.remove(skill('release-notes').uri)),
      'a skill removed',
    );
    assert.ok(
      bumps(() => service.setRulesDocument(service.parse('file:///ws/CLAUDE.md', 1, '**Rule 1: One**\n- x\n'))),
      'the rules document set',
    );
    assert.ok(
      bumps(() => service.removeFromIndex(AGENT)),
      'an agent removed',
    );
  });

  it('re-validates after the skills are replaced by as many others', () => {
    const service = createAgentService();
    const doc = service.parse(AGENT, 1, agent('a'));
    service.indexDocument(doc);
    service.setSkills([skill('changelog-entry')]);
    assert.ok(!codes(service.validate(doc)).includes('unknown-skill'));
    service.setSkills([skill('release-notes')]);
    assert.ok(codes(service.validate(doc)).includes('unknown-skill'));
  });
});
