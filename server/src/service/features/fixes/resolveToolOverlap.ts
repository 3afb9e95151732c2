// A tool both granted and denied: remove it from `tools` (what Claude Code already
// does, so safe for fix-all while other tools remain) or from `disallowedTools`.
import { toolOverlaps } from '../../diagnostics/toolOverlapChecks';
import { offsetRange, removeItemEdit, type QuickFix } from './quickFix';

export const resolveToolOverlap: QuickFix = {
  codes: ['tool-allowed-and-denied'],
  provide(doc, diagnostic) {
    const span = offsetRange(doc, diagnostic);
    const overlap = toolOverlaps(doc).find((o) => o.tools.items[o.toolsIndex].span.start === span.start);
    if (!overlap) return [];
    const granted = overlap.tools.items[overlap.toolsIndex];
    const denied = overlap.denied.items[overlap.deniedIndex];
    return [
      // The last tool removed would leave `tools` empty, which means no tools at all: not automatic then.
      { title: `Remove \`${granted.text}\` from \`tools\``, edits: [removeItemEdit(doc, overlap.tools, overlap.toolsIndex)], auto: overlap.tools.items.length > 1, preferred: true },
      { title: `Remove \`${denied.text}\` from \`disallowedTools\` (the agent gets \`${overlap.tool}\`)`, edits: [removeItemEdit(doc, overlap.denied, overlap.deniedIndex)], auto: false },
    ];
  },
};
