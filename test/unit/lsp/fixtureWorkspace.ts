// A workspace on disk for wire tests: seeds 000–002 as agents under their own
// names, one more agent referring to them, a rules document, .mcp.json and
// .agentry.json. Made in a fresh temporary folder and removed afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seed } from '../../support/fixtures';
import { joinLines } from '../../support/lines';

export const REVIEWER_TEXT = joinLines(
  '---',
  'name: expert-code-reviewer',
  'description: Reviews backend code for quality.',
  'tools: Read, Grep, Agent(senior-backend-developer)',
  'proactive_triggers:',
  '  - code_review_needed',
  '---',
  '',
  'Follow Rule 21 and Rule 18.',
  '',
);

export const RULES_TEXT = '# Project rules\n\n**Rule 21: Keep Secrets Out**\n- no keys in code\n- no tokens in logs\n';

export interface FixtureWorkspace {
  root: string;
  uri(relative: string): string;
  file(relative: string): string;
  write(relative: string, text: string): string;
  agents: { developer: string; architect: string; seniorArchitect: string; reviewer: string };
  dispose(): void;
}

export function createWorkspace(): FixtureWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'agentry-lsp-'));
  const file = (relative: string) => path.join(root, relative);
  const uri = (relative: string) => pathToFileURL(file(relative)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(file(relative)), { recursive: true });
    writeFileSync(file(relative), text);
    return uri(relative);
  };
  const agents = {
    developer: write('.claude/agents/senior-backend-developer.md', seed('000').text),
    architect: write('.claude/agents/backend-architect.md', seed('001').text),
    seniorArchitect: write('.claude/agents/senior-backend-architect.md', seed('002').text),
    reviewer: write('.claude/agents/expert-code-reviewer.md', REVIEWER_TEXT),
  };
  write('CLAUDE.md', RULES_TEXT);
  write('README.md', '# Not an agent\n');
  write('.mcp.json', JSON.stringify({ mcpServers: { github: { command: 'gh-mcp' } } }));
  write('.agentry.json', JSON.stringify({ rulesDocument: 'CLAUDE.md', triggers: ['deploy_requested'] }));
  return { root, uri, file, write, agents, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
