// Quotes a value that only lenient YAML reads, or turns it into a block scalar.
import { fieldOf } from '../../types';
import { dataOf, replaceSpan, type QuickFix } from './quickFix';

export const quoteLenientValue: QuickFix = {
  codes: ['yaml-lenient-value'],
  provide(doc, diagnostic) {
    const field = fieldOf(doc, dataOf<string>(diagnostic, 'key') ?? '');
    if (!field?.lenient || typeof field.value !== 'string') return [];
    const quoted = `"${field.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const block = `>-${doc.lineEnding}  ${field.value}`;
    return [
      { title: `Quote the \`${field.key}\` value`, edits: [replaceSpan(doc, field.valueSpan, quoted)], auto: true, preferred: true },
      { title: `Make \`${field.key}\` a \`>-\` block scalar`, edits: [replaceSpan(doc, field.valueSpan, block)], auto: false },
    ];
  },
};
