// `allowed-tools` in an agent without `tools`: rename the key to `tools`.
import { ALLOWED_TOOLS_KEY } from '../../diagnostics/allowedToolsCheck';
import { fieldOf } from '../../types';
import { replaceSpan, type QuickFix } from './quickFix';

export const renameAllowedTools: QuickFix = {
  codes: ['allowed-tools-ignored'],
  provide(doc) {
    const field = fieldOf(doc, ALLOWED_TOOLS_KEY);
    if (!field || fieldOf(doc, 'tools')) return [];
    // Not for fix-all: it changes which tools the agent gets (from every tool to these).
    return [{ title: 'Rename `allowed-tools` to `tools`', edits: [replaceSpan(doc, field.keySpan, 'tools')], auto: false, preferred: true }];
  },
};
