// Quotes a value that only lenient YAML reads, or turns it into a block scalar.
// A value folded from several lines keeps its line breaks: escaped as `\n` in
// the quoted form, a blank line each in the `>-` form.
import { isMap, isScalar, parseDocument } from '../../parse/yamlPackage';
import type { AgentDocument, FrontmatterField } from '../../types';
import { dataOf, offsetRange, once, replaceSpan, type FixEdit, type QuickFix } from './quickFix';

export const quoteLenientValue: QuickFix = {
  codes: ['yaml-lenient-value', 'yaml-unreadable'],
  provide(doc, diagnostic) {
    // The field the diagnostic points at, not the last one of that key: a key may be set twice.
    const field = fieldsByValueStart(doc).get(dataOf<number>(diagnostic, 'valueStart') ?? offsetRange(doc, diagnostic).start);
    if (!field?.lenient || typeof field.value !== 'string') return [];
    const quoted = JSON.stringify(field.value);
    // A key strict YAML cannot read either (`{hooks`) stays unreadable however the value is written.
    if (!readsStrictly(`${doc.text.slice(field.entrySpan.start, field.valueSpan.start)}${quoted}`, field.key)) return [];
    const quote: FixEdit = { title: `Quote the \`${field.key}\` value`, edits: [replaceSpan(doc, field.valueSpan, quoted)], auto: true, preferred: true };
    // While another value still needs Claude Code's retry, the retry would turn `>-` into text and break the block.
    if (doc.frontmatter!.fields.some((f) => f !== field && f.lenient)) return [quote];
    const eol = doc.lineEnding;
    const block = `>-${eol}  ${field.value.replace(/\n+/g, (breaks) => `${eol.repeat(breaks.length + 1)}  `)}`;
    return [quote, { title: `Make \`${field.key}\` a \`>-\` block scalar`, edits: [replaceSpan(doc, field.valueSpan, block)], auto: false }];
  },
};

/** Fields by where their value starts, built once per document rather than searched for each diagnostic. */
function fieldsByValueStart(doc: AgentDocument): Map<number, FrontmatterField> {
  return once(doc, 'fieldsByValueStart', () => new Map((doc.frontmatter?.fields ?? []).map((f) => [f.valueSpan.start, f])));
}

/** Whether the fixed entry is one entry, of that key, to strict YAML. */
function readsStrictly(entry: string, expectedKey: string): boolean {
  const yaml = parseDocument(entry, { uniqueKeys: false });
  if (yaml.errors.length > 0 || !isMap(yaml.contents) || yaml.contents.items.length !== 1) return false;
  const read = yaml.contents.items[0].key;
  return isScalar(read) && String(read.value) === expectedKey;
}
