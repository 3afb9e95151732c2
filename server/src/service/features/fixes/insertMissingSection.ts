// Appends a missing required section at the end of the file.
import { sectionTemplate } from '../../schema/sectionTemplates';
import { dataOf, replaceSpan, type QuickFix } from './quickFix';

export const insertMissingSection: QuickFix = {
  codes: ['missing-section'],
  provide(doc, diagnostic) {
    const section = dataOf<string>(diagnostic, 'section');
    if (!section) return [];
    const eol = doc.lineEnding;
    const end = doc.text.length;
    const endsWithBreak = /[\r\n]$/.test(doc.text);
    const body = sectionTemplate(section).split('\n').join(eol);
    const text = `${endsWithBreak ? '' : eol}${eol}${body}${eol}`;
    return [{ title: `Insert the "${section}" section`, edits: [replaceSpan(doc, { start: end, end }, text)], auto: false, preferred: true }];
  },
};
