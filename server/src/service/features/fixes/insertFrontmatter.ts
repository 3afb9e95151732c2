// Gives a file without frontmatter one, with `name` from the file name and a
// `description` stub, above the existing text.
import { nameFromFileYaml } from '../../schema/agentName';
import { replaceSpan, type QuickFix } from './quickFix';

export const insertFrontmatter: QuickFix = {
  codes: ['frontmatter-missing'],
  provide(doc) {
    if (doc.frontmatter) return [];
    const eol = doc.lineEnding;
    const block = ['---', `name: ${nameFromFileYaml(doc.uri)}`, 'description: Use this agent when … (describe when Claude should delegate to it)', '---', ''].join(eol);
    const at = doc.bomLength;
    return [{ title: 'Add frontmatter with `name` and `description`', edits: [replaceSpan(doc, { start: at, end: at }, block)], auto: false, preferred: true }];
  },
};
