// Makes `name` and the file name agree, in either direction.
import { fieldOf } from '../../types';
import { NAME_PATTERN } from '../../schema/agentName';
import { dataOf, replaceSpan, valueText, type QuickFix } from './quickFix';

export const alignNameWithFile: QuickFix = {
  codes: ['name-file-mismatch'],
  provide(doc, diagnostic) {
    const stem = dataOf<string>(diagnostic, 'stem');
    const name = dataOf<string>(diagnostic, 'name');
    const field = fieldOf(doc, 'name');
    if (!stem || !name || !field) return [];
    const fixes = [];
    if (NAME_PATTERN.test(stem)) {
      fixes.push({ title: `Rename the agent to \`${stem}\``, edits: [replaceSpan(doc, field.valueSpan, valueText(doc, field.valueSpan, stem))], auto: false });
    }
    if (NAME_PATTERN.test(name)) {
      const slash = doc.uri.lastIndexOf('/');
      const suffix = /\.agent\.md$/i.test(doc.uri) ? '.agent.md' : '.md';
      const newUri = `${doc.uri.slice(0, slash + 1)}${encodeURIComponent(name)}${suffix}`;
      fixes.push({ title: `Rename the file to \`${name}${suffix}\``, edits: [], rename: { oldUri: doc.uri, newUri }, auto: false });
    }
    return fixes;
  },
};
