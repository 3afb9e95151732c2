// The folder walk shared by the CLI and the server's index follows symbolic links, as
// Claude Code does in `.claude/agents/`: to files and to folders, a loop walked once,
// a broken link skipped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { findAgentFilesSync } from '../../../server/src/workspace/findAgentFiles';
import { tempProject } from '../../support/cli';

const agent = (name: string) => `---\nname: ${name}\ndescription: The ${name} agent.\n---\n`;

describe('findAgentFilesSync', () => {
  it('follows links to agent files and folders, walks a loop once and skips a broken link', () => {
    const root = tempProject({ '.claude/agents/plain.md': agent('plain'), 'shared/file.md': agent('file'), 'shared/team/member.md': agent('member') });
    const agents = path.join(root, '.claude/agents');
    symlinkSync(path.join(root, 'shared/file.md'), path.join(agents, 'linked.md'));
    symlinkSync(path.join(root, 'shared/team'), path.join(agents, 'team'));
    symlinkSync(agents, path.join(agents, 'team-loop'));
    symlinkSync(path.join(root, 'nowhere.md'), path.join(agents, 'broken.md'));
    const found = findAgentFilesSync(path.join(root, '.claude')).map((f) => path.relative(agents, f));
    assert.deepEqual(found, ['linked.md', 'plain.md', path.join('team', 'member.md')]);
  });
});
