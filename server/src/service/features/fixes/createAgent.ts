// "Create agent `x`" for a reference to an agent that does not exist: a new file
// from the New Agent skeleton, in the `.claude/agents` folder the referring agent
// is in (else next to it), so that the name then resolves.
import { agentSkeleton } from '../../text/agentSkeleton';
import { NAME_PATTERN } from '../../schema/agentName';
import { dataOf, type QuickFix } from './quickFix';

const AGENTS_FOLDER = '/.claude/agents/';

export const createAgent: QuickFix = {
  codes: ['unknown-agent-reference'],
  provide(doc, diagnostic) {
    const name = dataOf<string>(diagnostic, 'name');
    if (!name || !NAME_PATTERN.test(name)) return [];
    const at = doc.uri.lastIndexOf(AGENTS_FOLDER);
    const folder = at >= 0 ? doc.uri.slice(0, at + AGENTS_FOLDER.length) : doc.uri.slice(0, doc.uri.lastIndexOf('/') + 1);
    return [{ title: `Create agent \`${name}\``, edits: [], create: { uri: `${folder}${name}.md`, text: agentSkeleton(name) }, auto: false }];
  },
};
