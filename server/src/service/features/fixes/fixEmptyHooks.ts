// `hooks: []` makes Claude Code drop the agent: turn it into an empty mapping.
import { fieldOf } from '../../types';
import { replaceSpan, type QuickFix } from './quickFix';

export const fixEmptyHooks: QuickFix = {
  codes: ['empty-hooks'],
  provide(doc) {
    const field = fieldOf(doc, 'hooks');
    if (!field || !Array.isArray(field.value) || field.value.length > 0) return [];
    return [{ title: 'Change `hooks` to an empty mapping `{}`', edits: [replaceSpan(doc, field.valueSpan, '{}')], auto: true, preferred: true }];
  },
};
